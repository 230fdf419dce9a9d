/**
 * Packages written to make lintian's expressions backtrack: long runs of blanks with no
 * separator after them, many openers with no closer, a long first part of a revision full of
 * "ubuntu". Several of those expressions take quadratic time in V8, and a field may be megabytes
 * long: these fields kept `debship lint` busy for hours before linear-text.ts and the rewritten
 * predicate pattern (relation.ts); now the package lints in a fraction of a second. (A regression
 * shows as this test running for hours: the expressions run synchronously, so no timeout stops them.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lintPackages } from './engine.js';
import { buildTestDeb, TEST_CONTROL } from './test-deb.js';

const N = 300_000;
const blanks = ' '.repeat(N);

describe('hostile packages', () => {
  it('control fields give findings at once', async () => {
    const control = [
      'Package: demo',
      `Version: 1.0-1${'xubuntu'.repeat(N / 7)}`,
      'Architecture: amd64',
      'Maintainer: Demo Maintainer <demo@example.org>',
      `Source: demo${blanks}x${'('.repeat(N)}`,
      'Section: misc',
      'Priority: optional',
      `Depends: a${blanks}b, c${blanks}|${blanks}d (${blanks}>=${blanks}1${blanks}) ${'['.repeat(N)} ${'<'.repeat(N)}`,
      `Conflicts: e${blanks}f`,
      `Description: demonstration${blanks}package${'.x'.repeat(N / 2)}`,
      ' A package for the lint tests.',
      '',
    ].join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'debship-hostile-')), 'demo.deb');
    writeFileSync(file, await buildTestDeb({ control, compression: 'gzip' }));
    const run = await lintPackages([file], { failOn: ['error'] });
    expect(run.packages).toHaveLength(1);
    // It is read and checked: the odd fields give findings, not an error.
    expect(run.packages[0]!.errors).toEqual([]);
    const tags = new Set(run.packages[0]!.findings.map((f) => f.tag));
    for (const tag of ['bad-relation', 'source-field-malformed', 'synopsis-too-long', 'field-too-long']) expect(tags).toContain(tag);
  }, 60_000);

  it('copyright, unit and script contents give findings at once', async () => {
    const script = ['#!/bin/sh', 'set -e', `command ${'command '.repeat(N / 8)}`, `#${'#. Default-Start: '.repeat(N / 18)}`, ''].join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'debship-hostile-')), 'demo.deb');
    const deb = await buildTestDeb({
      control: TEST_CONTROL,
      members: { postinst: { text: script, mode: 0o755 } },
      files: [
        { name: './', type: 'dir' },
        { name: './etc/init.d/demo', mode: 0o755, content: script },
        { name: './usr/lib/systemd/system/demo.service', content: `[Service]\n${blanks}x\nUser${blanks}=${blanks}x\n` },
        { name: './usr/share/doc/demo/changelog.Debian.gz', content: gzipSync(`demo (1.0-1) unstable; urgency=low\n\n  * x\n\n -- ${' <>'.repeat(N / 3)}\n`) },
        { name: './usr/share/doc/demo/copyright', content: `${'Copyright '.repeat(N / 10)}\n${'From: x\n'.repeat(N / 8)}` },
      ],
    });
    writeFileSync(file, deb);
    const run = await lintPackages([file], { failOn: ['error'] });
    expect(run.packages[0]!.errors).toEqual([]);
    expect(run.packages[0]!.findings.map((f) => f.tag)).toContain('copyright-without-copyright-notice');
  }, 60_000);
});
