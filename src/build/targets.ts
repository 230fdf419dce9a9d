/**
 * Target suites and what their dpkg can read. dpkg reads zstd members since 1.21.18: Debian 12
 * (bookworm) and Ubuntu 21.10 onwards (Ubuntu patched it in earlier than Debian).
 */
import { DebshipError } from '../core/errors.js';
import type { Compression } from '../deb/types.js';

const NO_ZSTD = new Set([
  // Debian
  'jessie', 'stretch', 'buster', 'bullseye', 'debian8', 'debian9', 'debian10', 'debian11',
  // Ubuntu before 21.10
  'trusty', 'xenial', 'bionic', 'focal', 'groovy', 'hirsute',
]);
const ZSTD_OK = new Set(['bookworm', 'trixie', 'forky', 'sid', 'unstable', 'testing', 'debian12', 'debian13', 'impish', 'jammy', 'kinetic', 'lunar', 'mantic', 'noble', 'oracular', 'plucky', 'questing']);

export function checkCompressionForTargets(compression: Compression, targets: readonly string[], configFile: string): void {
  for (const t of targets) {
    const suite = t.toLowerCase();
    if (!NO_ZSTD.has(suite) && !ZSTD_OK.has(suite)) {
      throw new DebshipError('unknown-target', `${configFile}: target "${t}" is not a Debian or Ubuntu suite debship knows`, {
        hint: `use a codename such as bookworm, bullseye, jammy or noble (known: ${[...ZSTD_OK, ...NO_ZSTD].join(', ')})`,
      });
    }
    if (compression.algo === 'zstd' && NO_ZSTD.has(suite)) {
      throw new DebshipError('zstd-unsupported-by-target', `${configFile}: deb.compression is zstd, but dpkg on ${t} cannot read zstd packages`, {
        hint: `use deb.compression: xz (readable by every dpkg), or drop ${t} from target`,
      });
    }
  }
}
