/**
 * `debship lint` against lintian on some of Debian's own packages, fetched with `apt-get download`
 * (kept in the test cache): real packages carry what no corpus recipe thought of. Each is here for
 * something it ships; lintian and debship must report the same for every tag debship implements.
 * Comparing the two on more packages: scripts/lint-vs-lintian.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exec } from '../src/core/exec.js';
import { canonicalTag } from '../src/lint/registry.js';
import { packageDisagreements } from './lint-agreement/coverage.js';
import { runDebship, type DebshipRun } from './lint-agreement/debship.js';
import { parseLintian, runLintian, type Hint } from './lint-agreement/lintian.js';
import { testCacheDir } from './support/root-cache.js';
import { requireTool } from './support/tools.js';

const PACKAGES: Record<string, string> = {
  'openssh-server': 'a service: systemd units, conffiles, debconf, maintainer scripts, PAM',
  'avahi-daemon': 'a daemon with D-Bus policy, systemd units and a system user',
  'systemd-timesyncd': 'systemd units, tmpfiles.d and sysusers.d',
  mosquitto: 'a service whose postinst creates its user',
  lighttpd: 'a web server with loadable modules and CGI',
  'nginx-common': 'Architecture: all configuration, scripts and overrides',
  rsync: 'an override whose context no longer matches, for a tag debship does not implement',
  'redis-tools': 'large ELF programs',
  autoconf: 'Perl scripts and overrides of tags debship does not implement',
  'fortune-mod': 'data files and an override naming no context',
  'ocaml-base': 'OCaml plugins (.cmxs), which lintian screens from shared-library-lacks-prerequisites',
  'perl-openssl-defaults': 'a debhelper add-on package suggesting debhelper',
  'libasan8-armhf-cross': 'libraries for another architecture, overrides of tags lintian no longer knows',
  'r-cran-littler': 'overrides by an older tag name, with rpath contexts',
  'alsa-utils': 'manual pages with misspellings, and one in section 1 for a command in sbin',
  wamerican: 'a manual page naming an FSSTND directory',
  'python3-pyrsistent': 'a name in the wrong case in its description',
};

let debship: DebshipRun;
let lintian: Hint[];

beforeAll(async () => {
  const debs = await ensureDownloaded(Object.keys(PACKAGES));
  lintian = parseLintian(await runLintian(await requireTool('lintian', 'lintian'), debs));
  debship = await runDebship(debs);
}, 15 * 60_000);

describe('debship lint on Debian packages', () => {
  it('reads every package', () => {
    expect(debship.errors).toEqual([]);
  });

  it('reports what lintian reports for every tag debship implements', () => {
    const d = packageDisagreements(lintian, debship.hints, canonicalTag);
    expect({ 'lintian only': d.missed, 'debship only': d.extra }).toEqual({ 'lintian only': [], 'debship only': [] });
  });

  it('has findings of many implemented tags to compare', () => {
    const compared = new Set(lintian.filter((h) => canonicalTag(h.tag) !== undefined).map((h) => h.tag));
    expect(compared.size).toBeGreaterThanOrEqual(15);
  });
});

/** The packages' .deb files in the test cache, downloading those not there yet (the archive's current versions). */
async function ensureDownloaded(names: string[]): Promise<string[]> {
  const dir = join(testCacheDir(), 'debian-packages');
  mkdirSync(dir, { recursive: true });
  // The newest download of each package, should the cache hold several versions of one.
  const cached = () =>
    new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.deb'))
        .map((f) => ({ name: f.split('_')[0]!, path: join(dir, f), at: statSync(join(dir, f)).mtimeMs }))
        .sort((a, b) => a.at - b.at)
        .map((f) => [f.name, f.path]),
    );
  const missing = names.filter((n) => !cached().has(n));
  if (missing.length) {
    // Downloaded beside the cache, then moved in: an interrupted download leaves nothing half-written there.
    const scratch = mkdtempSync(join(dir, '.download-'));
    try {
      const download = () => exec('apt-get', ['download', '-q', ...missing], { cwd: scratch, allowFailure: true, timeoutMs: 300_000 });
      let r = await download();
      if (r.code !== 0) {
        // A machine whose package lists were never fetched (or are stale) knows no such version.
        await exec('apt-get', ['update', '-q'], { timeoutMs: 300_000 });
        r = await download();
      }
      if (r.code !== 0) throw new Error(`apt-get download ${missing.join(' ')} failed: ${r.stderr.trim()}`);
      for (const f of readdirSync(scratch)) renameSync(join(scratch, f), join(dir, f));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const files = cached();
  return names.map((n) => {
    const file = files.get(n);
    if (!file || !statSync(file).isFile()) throw new Error(`apt-get download gave no .deb for ${n}`);
    return file;
  });
}
