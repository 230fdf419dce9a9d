/**
 * Control fields written to make lintian's expressions backtrack: long runs of blanks with no
 * separator after them, many openers with no closer, a long first part of a revision full of
 * "ubuntu". Several of those expressions take quadratic time in V8, and a field may be megabytes
 * long: these fields kept `debship lint` busy for hours before linear-text.ts and the rewritten
 * predicate pattern (relation.ts); now the package lints in a fraction of a second. (A regression
 * shows as this test running for hours: the expressions run synchronously, so no timeout stops them.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPackages } from './engine.js';
import { buildTestDeb } from './test-deb.js';

const N = 300_000;
const blanks = ' '.repeat(N);

describe('hostile control fields', () => {
  it('give findings at once', async () => {
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
});
