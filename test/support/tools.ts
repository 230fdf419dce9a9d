/**
 * Host tools that integration tests depend on. A missing tool fails the test with the apt-get
 * command that installs it; it never turns into a silent skip.
 */
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { DebshipError } from '../../src/core/errors.js';

// Root's tools live in sbin directories, which a `sudo` or CI PATH often lacks.
const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** Absolute path of `name` on PATH (or in the sbin directories), or undefined. */
export async function findTool(name: string): Promise<string | undefined> {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...SBIN_DIRS];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

export function missingToolMessage(name: string, debianPackage: string): string {
  return (
    `${name} is not installed; the test suite needs it. Install it with: apt-get install ${debianPackage}` +
    ' (.ci/run installs everything the suite needs)'
  );
}

/** Resolves to the tool's absolute path, or throws naming the Debian package that provides it. */
export async function requireTool(name: string, debianPackage: string): Promise<string> {
  const found = await findTool(name);
  if (found) return found;
  throw new DebshipError('tool-missing', missingToolMessage(name, debianPackage), {
    hint: `apt-get install ${debianPackage}`,
  });
}

/** Clean roots are built and entered as real root (mmdebstrap --mode=root, mounts, chroot). */
export function requireRoot(what: string): void {
  if (process.getuid?.() === 0) return;
  throw new DebshipError('needs-root', `${what} needs root (uid 0); run the suite as root, as .ci/run does`);
}
