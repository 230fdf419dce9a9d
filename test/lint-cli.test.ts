/**
 * `debship lint` through the real entry point: lintian's lines with NO_COLOR=1, lintian's exit
 * statuses (0 clean, 1 runtime error, 2 a --fail-on level hit), the machine formats, overrides,
 * suppression and --explain; and the lint step of `debship build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname, '../src/cli/main.ts');
/** The executable's entry: `lint` takes its fast path there. */
const BIN = resolve(import.meta.dirname, '../src/cli/bin.ts');
const TSX = pathToFileURL(resolve(import.meta.dirname, '../node_modules/tsx/dist/loader.mjs')).href;
let dir: string;
let deb: string;

function debship(args: string[], cwd = dir, entry = MAIN) {
  const r = spawnSync(process.execPath, ['--import', TSX, entry, ...args], {
    cwd,
    env: { PATH: process.env.PATH, NO_COLOR: '1', CI: 'true', SOURCE_DATE_EPOCH: '1700000000' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A package with one error, one warning and one info finding, all in its control fields. */
const CONFIG = `name: tiny
version: 1.2.3
arch: all
section: nonsense
maintainer: Tiny Maintainer <tiny@example.org>
description: |-
  tiny test package
  A package with one file, for the lint CLI tests.
contents:
  - src: data
    dst: /usr/lib/tiny/data
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'debship-lint-cli-'));
  await writeFile(join(dir, 'data'), 'hello\n');
  await writeFile(join(dir, 'debship.yaml'), `${CONFIG}lint:\n  enabled: false\n`);
  const r = debship(['build', '--out', 'out']);
  expect(r.code, r.stderr).toBe(0);
  deb = 'out/tiny_1.2.3_all.deb';
});

describe('debship lint', () => {
  it('has help with an example', () => {
    const r = debship(['lint', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Example:\n\s+\$ debship lint /);
  });

  it('prints lintian\'s lines, E and W by default, and exits 2 on an error', () => {
    const r = debship(['lint', deb]);
    expect(r).toMatchObject({ code: 2, stderr: '' });
    expect(r.stdout).toBe('E: tiny: description-starts-with-package-name\nW: tiny: unknown-section nonsense\n');
  });

  it('prints the same through the executable\'s fast path, and leaves help and mistakes to the full CLI', () => {
    expect(debship(['lint', deb], dir, BIN)).toMatchObject({ code: 2, stdout: 'E: tiny: description-starts-with-package-name\nW: tiny: unknown-section nonsense\n' });
    expect(debship(['lint', '--help'], dir, BIN).stdout).toMatch(/Example:\n\s+\$ debship lint /);
    expect(debship(['lint', '--no-such-flag', deb], dir, BIN)).toMatchObject({ code: 1, stderr: expect.stringContaining("unknown option '--no-such-flag'") });
  });

  it('adds info lines with -I and honours --fail-on', () => {
    const r = debship(['lint', '-I', '--fail-on', 'none', deb]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('E: tiny: description-starts-with-package-name\nW: tiny: unknown-section nonsense\nI: tiny: extended-description-is-probably-too-short\n');
    expect(debship(['lint', '--fail-on', 'info', '--suppress-tags', 'description-starts-with-package-name,unknown-section', deb]).code).toBe(2);
    expect(debship(['lint', '--fail-on', 'warning', '--suppress-tags', 'unknown-section,description-starts-with-package-name', deb])).toMatchObject({ code: 0, stdout: '' });
  });

  it('gives JSON, SARIF and GitHub annotations', () => {
    const json = debship(['lint', '--format', 'json', '-I', deb]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual([
      { package: 'tiny', severity: 'error', tag: 'description-starts-with-package-name', context: '' },
      { package: 'tiny', severity: 'warning', tag: 'unknown-section', context: 'nonsense' },
      { package: 'tiny', severity: 'info', tag: 'extended-description-is-probably-too-short', context: '' },
    ]);
    const sarif = JSON.parse(debship(['lint', '--format', 'sarif', deb]).stdout);
    expect(sarif).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'debship' } }, results: [{ ruleId: 'description-starts-with-package-name', level: 'error' }, { level: 'warning' }] }] });
    expect(debship(['lint', '--format', 'github', deb]).stdout).toBe(
      `::error file=out/tiny_1.2.3_all.deb,title=description-starts-with-package-name::tiny: description-starts-with-package-name\n::warning file=out/tiny_1.2.3_all.deb,title=unknown-section::tiny: unknown-section nonsense\n`,
    );
  });

  it('applies an overrides file, shows overrides with their comment, and reports unused ones', async () => {
    await writeFile(join(dir, 'extra.overrides'), '# our synopsis names the package on purpose\ntiny: description-starts-with-package-name\nother-package: unknown-section\nunknown-section not*this\n');
    const r = debship(['lint', '-I', '--show-overrides', '--overrides', 'extra.overrides', deb]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        'W: tiny: mismatched-override unknown-section not*this [extra.overrides:4]',
        'W: tiny: unknown-section nonsense',
        'I: tiny: extended-description-is-probably-too-short',
        'N: our synopsis names the package on purpose',
        'O: tiny: description-starts-with-package-name',
        '',
      ].join('\n'),
    );
  });

  it('explains tags by current or older name', () => {
    const r = debship(['lint', '--explain', 'no-maintainer-field']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^E: required-field\n {2}severity: error\n {2}check: fields\/required\n/);
    expect(r.stdout).toContain('How to fix:');
    expect(debship(['lint', '--explain', 'no-such-tag'])).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown tag "no-such-tag"') });
    expect(debship(['lint', '--explain', 'systemd-service-file-missing-hardening-features']).stdout).toMatch(
      /^X: systemd-service-file-missing-hardening-features\n {2}severity: pedantic\n {2}check: systemd\n {2}experimental: reported only with -E/,
    );
  });

  it('exits 1 with a clear message on runtime and usage errors', async () => {
    await writeFile(join(dir, 'junk.deb'), 'not a package');
    const junk = debship(['lint', 'junk.deb']);
    expect(junk).toMatchObject({ code: 1, stdout: '' });
    expect(junk.stderr).toMatch(/^debship: error: junk\.deb is not a valid \.deb \(ar\) archive/);
    const mixed = debship(['lint', '--fail-on', 'none', 'junk.deb', deb]);
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toContain('E: tiny: description-starts-with-package-name');
    expect(debship(['lint', 'missing.deb'])).toMatchObject({ code: 1, stderr: expect.stringContaining('missing.deb') });
    expect(debship(['lint'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no package given') });
    expect(debship(['lint', '--fail-on', 'bogus', deb])).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown --fail-on level "bogus"') });
    expect(debship(['lint', '--suppress-tags', 'no-such-tag', deb])).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown tag "no-such-tag"') });
    expect(debship(['lint', '--no-such-flag', deb]).code).toBe(1);
  });
});

describe('debship build runs lint', () => {
  it('fails on errors, prints the findings on stderr and keeps the package', async () => {
    const failing = join(dir, 'failing');
    await mkdir(failing);
    await writeFile(join(failing, 'data'), 'hello\n');
    await writeFile(join(failing, 'debship.yaml'), CONFIG);
    const r = debship(['build', '--out', 'out'], failing);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E: tiny: description-starts-with-package-name\nW: tiny: unknown-section nonsense\n');
    expect(r.stderr).toMatch(/tiny_1\.2\.3_all\.deb: lint found 1 finding at lint\.fail_on levels \(error\); the package was kept for inspection/);
    expect(existsSync(join(failing, 'out/tiny_1.2.3_all.deb'))).toBe(true);
  });

  it('only reports with lint.fail_on: [], and suppresses lint.suppress_tags', async () => {
    const lenient = join(dir, 'lenient');
    await mkdir(lenient);
    await writeFile(join(lenient, 'data'), 'hello\n');
    await writeFile(join(lenient, 'debship.yaml'), `${CONFIG}lint:\n  fail_on: []\n  suppress_tags: [unknown-section]\n`);
    const r = debship(['build', '--json', '--out', 'out'], lenient);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('E: tiny: description-starts-with-package-name\n');
    expect(r.stderr).not.toContain('unknown-section');
    expect(JSON.parse(r.stdout).packages[0].lint.findings.map((f: { tag: string }) => f.tag)).toEqual([
      'description-starts-with-package-name',
      'extended-description-is-probably-too-short',
    ]);
  });
});
