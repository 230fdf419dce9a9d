/**
 * End to end through the library: configs covering every content type, long and unicode paths,
 * symlinks, empty directories, scripts, units and users, built with each compression by
 * `build()`; dpkg-deb must read them exactly as `readDeb` does, rebuilds must be byte-identical,
 * and dpkg must install, verify and purge them cleanly in a clean Debian 12 root.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuiltPackage } from '../src/build/build.js';
import { loadConfigText } from '../src/config/load.js';
import { exec } from '../src/core/exec.js';
import { readDeb } from '../src/deb/reader.js';
import type { DebInfo } from '../src/deb/types.js';
import { bookwormApt, withRoot } from './support/debian-root.js';
import { requireTool } from './support/tools.js';

const COMPRESSIONS = ['gzip', 'xz', 'zstd', 'none'] as const;
const LONG_DIR = 'deeply-nested-directory-name-that-goes-on'.repeat(3); // > 100 bytes per component set
const UNICODE = 'données-μ-日本語.txt';
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', SOURCE_DATE_EPOCH: '1700000000' };

let work: string;
const built = new Map<string, BuiltPackage>();

async function makeProject(dir: string): Promise<void> {
  const files: Record<string, string> = {
    'bin/spreadtool': '#!/bin/sh\necho spread\n',
    'conf/spread.conf': 'key = value\n',
    'conf/extra.conf': 'x = 1\n',
    'docs/README': 'readme\n',
    'docs/LICENSE': 'license\n',
    'docs/guide.txt': 'doc\n',
    [`tree/lib/${UNICODE}`]: 'unicode name\n',
    [`tree/lib/${LONG_DIR}/${LONG_DIR}/file-with-a-long-name.txt`]: 'long path\n',
    'tree/lib/sub/data.bin': 'data\n',
    'glob/a.py': 'print("a")\n',
    'glob/pkg/b.py': 'print("b")\n',
    'glob/skip.txt': 'not matched\n',
    'scripts/postinst.sh': '#!/bin/sh\nset -e\necho "user postinst $1"\n#DEBHELPER#\n',
    'scripts/postrm.sh': '#!/bin/sh\nset -e\necho "user postrm $1"\n',
    'units/spread.service': '[Unit]\nDescription=spread\nDocumentation=man:true(1)\n[Service]\nExecStart=/bin/true\nUser=spread\n[Install]\nWantedBy=multi-user.target\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text, { mode: rel.startsWith('bin/') ? 0o755 : 0o644 });
  }
  await mkdir(join(dir, 'tree/lib/empty-dir'), { recursive: true });
  await symlink(UNICODE, join(dir, 'tree/lib/relative-link'));
  await symlink(`/usr/lib/spread/${LONG_DIR}/${LONG_DIR}/file-with-a-long-name.txt`, join(dir, 'tree/lib/long-absolute-link'));
}

function configText(name: string, algo: string): string {
  return `
name: ${name}
arch: all
version: 2.0.0-rc.1
release: "1"
maintainer: Spread Tester <spread@example.org>
description: |-
  package covering every content type
  Used by the end-to-end tests: every nfpm content type, long and unicode
  paths, symlinks, empty directories, scripts, a unit and a system user.
license: Apache-2.0
depends: [ "dpkg (>= 1.19)" ]
contents:
  - { src: bin/spreadtool, dst: /usr/bin/spreadtool }
  - { src: conf/spread.conf, dst: /etc/spread/spread.conf, type: config }
  - { src: conf/extra.conf, dst: /etc/spread/extra.conf, type: "config|noreplace", file_info: { mode: 0640, group: spread } }
  - { dst: /var/lib/spread, type: dir, file_info: { mode: 0750, owner: spread, group: spread } }
  - { src: tree/lib, dst: /usr/lib/spread, type: tree }
  - { src: "glob/**/*.py", dst: /usr/share/spread/py }
  - { src: ../spreadtool, dst: /usr/sbin/spreadtool, type: symlink }
  - { src: docs/guide.txt, dst: /usr/share/doc/${name}/guide.txt, type: doc }
  - { src: docs/LICENSE, dst: /usr/share/doc/${name}/LICENSE, type: license }
  - { src: docs/README, dst: /usr/share/doc/${name}/README, type: readme }
  - { src: nothing, dst: /var/log/spread.log, type: ghost }
scripts:
  postinstall: scripts/postinst.sh
  postremove: scripts/postrm.sh
systemd: [ units/spread.service ]
users:
  - { name: spread, remove_on_purge: true }
deb:
  compression: ${algo}
`;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'debship-e2e-'));
  await makeProject(work);
  for (const algo of COMPRESSIONS) {
    const file = join(work, `${algo}.yaml`);
    const text = configText(`spread-${algo}`, algo);
    await writeFile(file, text);
    const { config } = loadConfigText(text, file, { env });
    const [pkg] = await build({ config, outDir: join(work, 'out'), env });
    built.set(algo, pkg!);
  }
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

describe.each(COMPRESSIONS)('a package built with %s', (algo) => {
  it('is named and versioned as Debian expects', () => {
    const pkg = built.get(algo)!;
    expect(pkg.version).toBe('2.0.0~rc.1-1');
    expect(basename(pkg.path)).toBe(`spread-${algo}_2.0.0~rc.1-1_all.deb`);
  });

  it('reads identically with dpkg-deb --info and --contents', async () => {
    const dpkgDeb = await requireTool('dpkg-deb', 'dpkg');
    const pkg = built.get(algo)!;
    const info = await readDeb(pkg.path);
    const fields = await exec(dpkgDeb, ['--field', pkg.path]);
    expect(fields.stdout).toBe(info.control.map(([k, v]) => `${k}: ${v.split('\n').map((l, i) => (i === 0 ? l : ` ${l === '' ? '.' : l}`)).join('\n')}`).join('\n') + '\n');
    const listing = await exec(dpkgDeb, ['--contents', pkg.path]);
    expect(parseListing(listing.stdout)).toEqual(ourListing(info));
    const control = await exec(dpkgDeb, ['--info', pkg.path]);
    expect(control.stdout).toMatch(/ postinst\s+#!\/bin\/sh/);
    expect(info.conffiles.map((c) => c.path)).toEqual(['/etc/spread/extra.conf', '/etc/spread/spread.conf']);
    expect(info.files.map((f) => f.path)).not.toContain('/var/log/spread.log');
  });

  it('rebuilds byte-identically', async () => {
    const pkg = built.get(algo)!;
    const file = join(work, `${algo}.yaml`);
    const { config } = loadConfigText(await readFile(file, 'utf8'), file, { env });
    const [again] = await build({ config, outDir: join(work, `again-${algo}`), env });
    expect(await sha256(again!.path)).toBe(await sha256(pkg.path));
    expect(again!.sha256).toBe(pkg.sha256);
  });
});

describe('installing in a clean Debian 12 root', () => {
  it('installs, verifies and purges every package', { timeout: 300_000 }, async () => {
    await withRoot(bookwormApt, async (root) => {
      for (const algo of COMPRESSIONS) {
        const pkg = built.get(algo)!;
        const name = `spread-${algo}`;
        await root.copyIn(pkg.path, '/tmp/');
        const install = await root.run(['dpkg', '-i', `/tmp/${basename(pkg.path)}`]);
        expect(install.stdout).toContain('user postinst configure');
        expect((await root.run(['dpkg', '--verify', name])).stdout).toBe('');
        expect((await root.run(['dpkg-query', '-W', '-f=${db:Status-Abbrev}', name])).stdout).toBe('ii ');
        expect(existsSync(join(root.path, 'usr/lib/spread', UNICODE))).toBe(true);
        expect((await root.run(['getent', 'passwd', 'spread'])).stdout).toMatch(/^spread:/);
        expect((await root.run(['stat', '-c', '%a %U:%G', '/var/lib/spread', '/etc/spread/extra.conf'])).stdout).toBe('750 spread:spread\n640 root:spread\n');
        expect((await root.run(['readlink', '/usr/sbin/spreadtool'])).stdout.trim()).toBe('../spreadtool');
        const purge = await root.run(['dpkg', '--purge', name]);
        expect(purge.stdout).toContain('user postrm purge');
        expect(existsSync(join(root.path, 'usr/lib/spread'))).toBe(false);
        expect(existsSync(join(root.path, 'etc/spread/spread.conf'))).toBe(false);
        expect((await root.run(['getent', 'passwd', 'spread'], { allowFailure: true })).code).not.toBe(0);
      }
    });
  });
});

interface ListedEntry { type: string; mode: string; owner: string; size: number; path: string; link?: string }

/** `dpkg-deb --contents` is `tar -tv`: `drwxr-xr-x root/root 0 2023-11-14 22:13 ./usr/`. */
function parseListing(text: string): ListedEntry[] {
  return text.trim().split('\n').map((line) => {
    const m = /^(\S)(\S{9}) (\S+)\s+(\d+) \S+ \S+ (.*)$/.exec(line);
    if (!m) throw new Error(`unparsed listing line: ${line}`);
    const [, type, mode, owner, size, rest] = m;
    const [path, link] = rest!.split(' -> ');
    return { type: type!, mode: mode!, owner: owner!, size: Number(size), path: path!.replace(/^\.\/?/, '/').replace(/(.)\/$/, '$1'), ...(link ? { link } : {}) };
  });
}

function ourListing(info: DebInfo): ListedEntry[] {
  const typeChar = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p' } as const;
  return info.files.map((f) => ({
    type: typeChar[f.type],
    mode: [0o400, 0o200, 0o100, 0o40, 0o20, 0o10, 0o4, 0o2, 0o1].map((bit, i) => (f.mode & bit ? 'rwx'[i % 3] : '-')).join(''),
    owner: `${f.owner}/${f.group}`,
    size: f.size,
    path: f.path,
    ...(f.linkTarget !== undefined ? { link: f.linkTarget } : {}),
  }));
}

describe('the example service in a clean Debian 12 root with python3', () => {
  it('installs with its user, conffile and enabled unit, runs, verifies and purges', { timeout: 600_000 }, async () => {
    const { loadConfig } = await import('../src/config/load.js');
    const { bookwormPython } = await import('./support/debian-root.js');
    const { config } = await loadConfig(join(import.meta.dirname, '../examples/hello-service/debship.yaml'), { env });
    const [pkg] = await build({ config, outDir: join(work, 'example'), env });
    await withRoot(bookwormPython, async (root) => {
      await root.copyIn(pkg!.path, '/tmp/');
      await root.run(['dpkg', '-i', `/tmp/${basename(pkg!.path)}`]);
      expect((await root.run(['dpkg', '--verify', 'hello-service'])).stdout).toBe('');
      expect((await root.run(['getent', 'passwd', 'hello-service'])).stdout).toMatch(/^hello-service:x:\d+:\d+:hello-service daemon:\/nonexistent:\/usr\/sbin\/nologin$/m);
      // The link's target is absolute inside the root, so look at the link itself.
      const wants = 'etc/systemd/system/multi-user.target.wants/hello-service.service';
      expect(lstatSync(join(root.path, wants)).isSymbolicLink()).toBe(true);
      expect((await root.run(['dpkg-query', '-W', '-f=${Conffiles}', 'hello-service'])).stdout).toContain('/etc/hello-service/hello-service.conf');
      // The packaged service answers its health check when started as the unit starts it.
      const probe = await root.run(['sh', '-c', [
        'setpriv --reuid=hello-service --regid=hello-service --clear-groups /usr/bin/python3 -E -s /usr/lib/hello-service/main.py & pid=$!',
        'for i in $(seq 50); do python3 -c "import urllib.request,sys; sys.stdout.write(urllib.request.urlopen(\'http://127.0.0.1:8742/health\').read().decode())" 2>/dev/null && break; sleep 0.2; done',
        'kill $pid',
      ].join('; ')]);
      expect(JSON.parse(probe.stdout)).toMatchObject({ status: 'ok' });
      await root.run(['dpkg', '--purge', 'hello-service']);
      expect(existsSync(join(root.path, 'etc/hello-service'))).toBe(false);
      expect(existsSync(join(root.path, 'usr/lib/hello-service'))).toBe(false);
      expect(lstatSync(join(root.path, wants), { throwIfNoEntry: false })).toBeUndefined();
    });
  });
});
