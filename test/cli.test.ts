/**
 * The CLI's wiring: exit codes, help with examples, JSON on stdout, errors with location and hint
 * on stderr, and nothing written when the input is bad. Runs the real entry point.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname, '../src/cli/main.ts');
// An absolute loader URL, so the CLI can run with its working directory anywhere.
const TSX = pathToFileURL(resolve(import.meta.dirname, '../node_modules/tsx/dist/loader.mjs')).href;
let dir: string;

function debship(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd: opts.cwd ?? dir,
    env: { PATH: process.env.PATH, NO_COLOR: '1', CI: 'true', SOURCE_DATE_EPOCH: '1700000000', ...opts.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CONFIG = `name: tiny
version: 1.2.3
arch: all
maintainer: Tiny Maintainer <tiny@example.org>
description: |-
  one-file test package
  A package with one file, for the CLI tests.
contents:
  - src: hello.txt
    dst: /usr/share/tiny/hello.txt
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'debship-cli-'));
  await writeFile(join(dir, 'hello.txt'), 'hello\n');
  await writeFile(join(dir, 'debship.yaml'), CONFIG);
});

describe('debship CLI', () => {
  it('prints its version and help with an example for every command', () => {
    const version = debship(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = debship(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['build', 'inspect', 'lint', 'version']) {
      expect(help.stdout).toContain(cmd);
      const sub = debship([cmd, '--help']);
      expect(sub.code, cmd).toBe(0);
      expect(sub.stdout, cmd).toMatch(/Example:\n\s+\$ debship /);
    }
  });

  it('exits 2 on usage errors', () => {
    const r = debship(['build', '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('builds with --json: only JSON on stdout, matching the written file', async () => {
    const r = debship(['build', '--json', '--out', 'out']);
    expect(r.code, r.stderr).toBe(0);
    const { packages } = JSON.parse(r.stdout);
    expect(packages).toHaveLength(1);
    expect(packages[0]).toMatchObject({ name: 'tiny', version: '1.2.3', arch: 'all', path: join(dir, 'out/tiny_1.2.3_all.deb') });
    const bytes = await readFile(packages[0].path);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(packages[0].sha256);
    expect(packages[0].size).toBe(bytes.length);
    expect(r.stderr).toContain('building tiny 1.2.3 for all');
  });

  it('reports config errors with file:line:column and a hint, exit 2, and writes nothing', async () => {
    const bad = join(dir, 'bad');
    await import('node:fs/promises').then((fs) => fs.mkdir(bad));
    await writeFile(join(bad, 'debship.yaml'), CONFIG.replace('description:', 'descripton:'));
    const r = debship(['build', '--out', 'out'], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/debship\.yaml:5:1: .*descripton/);
    expect(r.stderr).toMatch(/hint: .*description/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
    expect(existsSync(join(bad, 'out'))).toBe(false);
  });

  it('exits 1 when a build step fails and leaves no package behind', async () => {
    const failing = join(dir, 'failing');
    await import('node:fs/promises').then((fs) => fs.mkdir(failing));
    await writeFile(join(failing, 'hello.txt'), 'x');
    await writeFile(join(failing, 'debship.yaml'), `${CONFIG}build:\n  steps:\n    - { name: broken step, run: "echo compiling; exit 3" }\n`);
    const r = debship(['build', '--out', 'out'], { cwd: failing });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('build step "broken step" exited with 3');
    expect(r.stderr).toContain('compiling');
    const out = join(failing, 'out');
    expect(existsSync(out) ? await readdir(out) : []).toEqual([]);
  });

  it('inspects a package as JSON and as text', () => {
    debship(['build', '--out', 'out']);
    const deb = join(dir, 'out/tiny_1.2.3_all.deb');
    const json = debship(['inspect', '--json', deb]);
    expect(json.code, json.stderr).toBe(0);
    const info = JSON.parse(json.stdout);
    expect(info.control).toMatchObject({ Package: 'tiny', Version: '1.2.3', Architecture: 'all' });
    expect(info.files).toContainEqual(expect.objectContaining({ path: '/usr/share/tiny/hello.txt', type: 'file', mode: '0644', size: 6 }));
    const text = debship(['inspect', deb]);
    expect(text.stdout).toContain('-rw-r--r-- root/root');
    expect(text.stdout).toContain('/usr/share/tiny/hello.txt');
  });

  it('refuses a file that is not a .deb with exit 2 and a clear message', async () => {
    await writeFile(join(dir, 'junk.deb'), 'this is not an ar archive at all');
    const r = debship(['inspect', 'junk.deb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^debship: error: .*junk\.deb/m);
    expect(r.stderr).not.toContain('internal error');
  });

  it('prints the Debian version', () => {
    const r = debship(['version', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ upstream: '1.2.3', debian: '1.2.3' });
  });
});
