/**
 * Packages written to make lintian's expressions backtrack: long runs of blanks with no
 * separator after them, many openers with no closer, a long first part of a revision full of
 * "ubuntu", lines repeating a command with nothing after it that completes the expression,
 * overrides with many jokers. In V8 those expressions take quadratic, cubic or exponential time,
 * and a field, a script line or an override may be megabytes long: each of these packages kept
 * `debship lint` busy for a minute to hours before linear-text.ts, relation.ts, bounded-pattern.ts,
 * linear-fallback.ts, the long-line forms and the override matcher; now each lints in seconds.
 *
 * The expressions run synchronously, so a timeout inside the test process would never fire: the
 * packages are linted by the `debship lint` command in a child process, killed after DEADLINE.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTestDeb, TEST_CONTROL, type TestDeb } from './test-deb.js';

const BIN = resolve(import.meta.dirname, '../cli/bin.ts');
const TSX = pathToFileURL(resolve(import.meta.dirname, '../../node_modules/tsx/dist/loader.mjs')).href;
/** Far above the second or so each package takes, far below the hours they took. */
const DEADLINE = 60_000;

/** `debship lint` on the package, failing the test if it runs past DEADLINE. */
async function lint(spec: TestDeb): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'debship-hostile-')), 'demo.deb');
  writeFileSync(file, await buildTestDeb(spec));
  const r = spawnSync(process.execPath, ['--import', TSX, BIN, 'lint', '-I', '--format', 'json', '--fail-on', 'none', file], {
    encoding: 'utf8',
    timeout: DEADLINE,
    maxBuffer: 64 << 20,
    env: { PATH: process.env.PATH, CI: 'true', XDG_CACHE_HOME: join(file, '..', 'cache') },
  });
  expect(r.signal, `debship lint still running after ${DEADLINE / 1000} s`).toBeNull();
  return r;
}

/** The tags `debship lint` finds in the package. */
async function lintedTags(spec: TestDeb): Promise<Set<string>> {
  const r = await lint(spec);
  expect(r.status, r.stderr).toBe(0);
  return new Set((JSON.parse(r.stdout) as { tag: string }[]).map((f) => f.tag));
}

const N = 300_000;

/** A gzip member with a modification time in its header. */
const stamped = (gz: Buffer) => {
  gz.writeUInt32LE(1_700_000_000, 4);
  return gz;
};
const blanks = ' '.repeat(N);

describe('hostile packages', () => {
  it('control fields give findings at once', async () => {
    const control = [
      'Package: demo',
      `Version: 1.0-1${'xubuntu'.repeat(N / 7)}`,
      'Architecture: amd64',
      'Maintainer: Demo Maintainer <demo@example.org>',
      `Source: demo${blanks}x${'('.repeat(N)}`,
      `Section: ${'a'.repeat(10_000)}`,
      'Priority: optional',
      `Depends: a${blanks}b, c${blanks}|${blanks}d (${blanks}>=${blanks}1${blanks}) ${'['.repeat(N)} ${'<'.repeat(N)}`,
      `Conflicts: e${blanks}f`,
      `Homepage: https://x/${'metacpan.org/'.repeat(N / 13)}`,
      `Description: demonstration${blanks}package${'.x'.repeat(N / 2)}`,
      ' A package for the lint tests.',
      '',
    ].join('\n');
    const tags = await lintedTags({
      control,
      files: [
        { name: './', type: 'dir' },
        // A Python module, so that the relations are searched for the interpreter.
        { name: './usr/lib/python3/dist-packages/demo.py', content: '' },
        // Twenty jokers against 10,000 a's with no b (exponential as an expression), then 200,000
        // (a set of reached positions: two billion steps) and a million.
        { name: './usr/share/lintian/overrides/demo', content: `demo: unknown-section ${'*a'.repeat(20)}*b\ndemo: unknown-section ${'*a'.repeat(200_000)}*b\ndemo: unknown-section *${'a'.repeat(100_000)}b*\ndemo: unknown-section ${'*'.repeat(1_000_000)}b\n` },
      ],
    });
    // It is read and checked: the odd fields give findings, not an error.
    for (const tag of ['bad-relation', 'python-package-missing-depends-on-python', 'source-field-malformed', 'synopsis-too-long', 'field-too-long', 'unknown-section', 'mismatched-override']) expect(tags).toContain(tag);
  }, DEADLINE + 30_000);

  it('a package name repeating "lib" gives findings at once', async () => {
    const tags = await lintedTags({ control: TEST_CONTROL.replace(/^Package: .*$/m, `Package: ${'lib'.repeat(N)}-x`) });
    expect(tags).toContain('field-too-long');
  }, DEADLINE + 30_000);

  it('copyright, unit and script contents give findings at once', async () => {
    const script = [
      '#!/bin/sh',
      'set -e',
      `command ${'command '.repeat(N / 8)}`,
      `#${'#. Default-Start: '.repeat(N / 18)}`,
      // Exponential: two ways to read each quoted value after env, and each -a after set.
      `env${' A="x"'.repeat(40)} true`,
      `set${' -a'.repeat(60)} x`,
      // Quadratic and cubic: each repetition starts a scan to the end of the line.
      'invoke-rc.d '.repeat(N / 12),
      'grep '.repeat(N / 5),
      `${'start-stop-daemon '.repeat(N / 18)}--stop`,
      `${'adduser --system '.repeat(N / 17)} --home /x`,
      `adduser x; ${'command '.repeat(N / 8)}`,
      `cp${blanks}x`,
      `find ${'exec '.repeat(N / 5)}`,
      `rm${blanks}/dev/.x`,
      `x${' #'.repeat(N / 2)}\r`,
      // Bashisms: a scan to the end from every `${x/`, brace and `((`; every comma two ways.
      '${a/'.repeat(N / 4),
      `x${'{a,'.repeat(N / 3)}`,
      `${'a(('.repeat(N / 3)}))`,
      // Each continued line was joined to all before it; each newline scanned to the next text.
      `${'a\\\n'.repeat(2 * N)}a`,
      `${'\n'.repeat(N)}x`,
      '',
    ].join('\n');
    const tags = await lintedTags({
      control: TEST_CONTROL,
      members: { postinst: { text: script, mode: 0o755 }, config: { text: `#!/bin/sh ${'/sh '.repeat(N / 4)}\n`, mode: 0o755 } },
      files: [
        { name: './', type: 'dir' },
        { name: './etc/init.d/demo', mode: 0o755, content: script },
        { name: './usr/lib/systemd/system/demo.service', content: `[Service]\n${blanks}x\nUser${blanks}=${blanks}x\n${'A=b\\\n'.repeat(2 * N)}x\n${'\n'.repeat(N)}x\n` },
        // Each character of a long last-but-one segment of the interpreter started a scan to the
        // slash after it; so did a hard link's, which PATH_MAX now keeps short.
        { name: './usr/bin/demo', mode: 0o755, content: `#!/${'a'.repeat(N)}/b\n` },
        { name: './usr/bin/demo-link', type: 'hardlink', linkTarget: `usr/${'a'.repeat(4000)}/b` },
        // Stamped, so the gzip check reads the changelog's headings for its date.
        { name: './usr/share/doc/demo/changelog.Debian.gz', content: stamped(gzipSync(`demo (1.0-1) unstable; urgency=low\n\n  * x\ndemo (1) x;${blanks}x\ry\n\n -- ${' <>'.repeat(N / 3)}\n`)) },
        { name: './etc/init.d/hostile', mode: 0o755, content: `#!${blanks}x\n` },
        { name: './usr/share/doc/demo/copyright', content: `${'Copyright '.repeat(N / 10)}\n${'From: x\n'.repeat(N / 8)}` },
      ],
    });
    for (const tag of ['copyright-without-copyright-notice', 'package-contains-hardlink', 'unusual-interpreter', 'maintainer-script-ignores-errors', 'maintainer-script-needs-depends-on-adduser', 'package-contains-timestamped-gzip', 'possible-bashism-in-maintainer-script']) expect(tags).toContain(tag);
  }, DEADLINE + 30_000);

  it('a copyright file repeating licence mentions gives findings at once', async () => {
    // Each mention started a scan to the next blank or the end; two runs of blanks backtrack
    // quadratically. The copyright file is read up to 1 MiB.
    const content = ['usr/share/common-licenses/'.repeat(N / 26), 'Free Software Foundation'.repeat(N / 24), `Apache License${blanks}x`].join('\n');
    const tags = await lintedTags({ control: TEST_CONTROL, files: [{ name: './', type: 'dir' }, { name: './usr/share/doc/demo/copyright', content }] });
    expect(tags).toContain('copyright-without-copyright-notice');
  }, DEADLINE + 30_000);

  it('a description repeating first-person words gives findings at once', async () => {
    // lintian deletes one word at a time and searches the line again from its start.
    const control = TEST_CONTROL.replace('Description: demonstration package', `Description: demonstration.x${'\u2028x'.repeat(N / 2)}`).replace(' A package for the lint tests.', ` ${'It '.repeat(N / 6)}${'I '.repeat(N / 2)}`);
    const tags = await lintedTags({ control });
    expect(tags).toContain('using-first-person-in-description');
  }, DEADLINE + 30_000);

  it('paths past PATH_MAX, and thousands of deep directories, are errors of the package at once', async () => {
    // 30,000 directories deep made 30,000 findings of up to 60 KB each: 6 s and 1.8 GB, then a
    // crash writing them out.
    const tooLong = await lint({ control: TEST_CONTROL, files: [{ name: './', type: 'dir' }, { name: `./${'a/'.repeat(30_000)}f`, content: '' }] });
    expect(tooLong.status).toBe(1);
    expect(tooLong.stderr).toMatch(/GNU long name of 60004 bytes .* exceeds 4096 bytes \(PATH_MAX/);
    // Within PATH_MAX, 20 chains of 2,000 missing directories make 80 MB of findings.
    const deep = Array.from({ length: 20 }, (_, i) => ({ name: `./d${i}/${'a/'.repeat(2000)}f`, content: '' }));
    const many = await lint({ control: TEST_CONTROL, files: [{ name: './', type: 'dir' }, ...deep] });
    expect(many.status).toBe(1);
    expect(many.stderr).toMatch(/its findings run past 64 MiB of text/);
    expect(many.stderr).toMatch(/--suppress-tags/);
  }, 2 * DEADLINE + 30_000);

  it('a description repeating a URL gives findings at once', async () => {
    // Each `http` but the last starts a scan to the end of its run of non-blanks.
    const tags = await lintedTags({ control: TEST_CONTROL.replace(' A package for the lint tests.', ` ${'http://a.'.repeat(N / 4)} https://example.org`) });
    expect(tags).toContain('description-possibly-contains-homepage');
  }, DEADLINE + 30_000);

  it('manual pages made to backtrack, and a compression bomb, give findings at once', async () => {
    const page = (name: string, text: string | Buffer) => ({ name: `./usr/share/man/man1/${name}`, content: gzipSync(text, { level: 9 }) });
    const tags = await lintedTags({
      control: TEST_CONTROL,
      files: [
        { name: './', type: 'dir' },
        // lintian reads the command's name as a pattern; this one backtracks for ever on the page's name
        { name: './usr/bin/(a|a)*\\1', mode: 0o755, content: '#!/bin/sh\n' },
        page(`${'a'.repeat(60)}b.1.gz`, '.TH A 1\n'),
        // quotes and escapes that never close, runs of blanks and commas in the .TH line; .so with blanks only
        page('th.1.gz', `.TH "${'\\a'.repeat(N / 2)}${blanks}${'a,'.repeat(N / 2)} '${'\\'.repeat(N)}\n.so${blanks}\n`),
        page('short.1.gz', `.so${' '.repeat(200)}\n`),
        // 256 MiB of zeros once inflated: read up to a cap, then left alone
        page('bomb.1.gz', Buffer.alloc(256 << 20)),
      ],
    });
    for (const tag of ['no-manual-page', 'spare-manual-page', 'bad-so-link-within-manual-page']) expect(tags).toContain(tag);
  }, DEADLINE + 30_000);
});
