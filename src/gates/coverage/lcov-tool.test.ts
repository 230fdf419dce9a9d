/**
 * lcov tracefiles read as lcov itself reads them: totals compared with `lcov --summary` (Debian's
 * lcov package) on real reports from vitest/v8 and coverage.py. lcov leaves out files without
 * executable lines, so those are left out here too before comparing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec } from '../../core/exec.js';
import { mergeCoverage } from './merge.js';
import { readCoverageReports } from './read.js';
import { findCoverage, tempRoot, type TempRoot } from './test-support.js';
import { sumTotals } from './totals.js';

const lcovFound = (await exec('lcov', ['--version'], { allowFailure: true }).catch(() => undefined))?.code === 0;
if (!lcovFound && process.env.CI) throw new Error('lcov is not installed; these tests need it. Install it with: apt-get install lcov');
const coverage = await findCoverage();

/** `lcov --summary`'s "lines......: 11.4% (210 of 1838 lines)" and the same for branches. */
async function lcovSummary(file: string): Promise<{ lines: [number, number]; branches: [number, number] }> {
  const r = await exec('lcov', ['--summary', file, '--rc', 'lcov_branch_coverage=1'], { timeoutMs: 60_000 });
  const text = r.stdout + r.stderr;
  const pick = (what: string): [number, number] => {
    const m = new RegExp(`${what}\\.+: (?:[\\d.]+% \\((\\d+) of (\\d+) ${what}\\)|no data found)`).exec(text);
    if (!m) throw new Error(`no ${what} in lcov --summary output:\n${text}`);
    return m[1] === undefined ? [0, 0] : [Number(m[1]), Number(m[2])];
  };
  return { lines: pick('lines'), branches: pick('branches') };
}

async function ourTotals(file: string, root: string) {
  const files = mergeCoverage(await readCoverageReports([file], { root })).filter((f) => f.lines.size > 0);
  const t = sumTotals(files);
  return { lines: [t.lines.covered, t.lines.total], branches: [t.branches.covered, t.branches.total] };
}

describe.skipIf(!lcovFound)('lcov tracefiles agree with lcov --summary', () => {
  let t: TempRoot;
  beforeAll(async () => {
    t = await tempRoot();
  });
  afterAll(() => t.remove());

  it('on vitest/v8\'s lcov.info', async () => {
    const text = await readFile(join(import.meta.dirname, '__fixtures__/vitest-v8/lcov.info'), 'utf8');
    const file = await t.write('v8/lcov.info', text.replaceAll('/ROOT/', `${t.root}/`));
    expect(await ourTotals(file, t.root)).toEqual(await lcovSummary(file));
  });

  it.skipIf(!coverage)('on coverage.py\'s `coverage lcov`', async () => {
    const dir = join(t.root, 'py');
    await t.write('py/mod.py', 'def f(n):\n    if n:\n        return 1\n    return 2\n\n\ndef g():\n    return 3\n');
    await t.write('py/run.py', 'from mod import f\nf(1)\n');
    await exec(coverage![0]!, [...coverage!.slice(1), 'run', '--branch', '--source=.', 'run.py'], { cwd: dir });
    await exec(coverage![0]!, [...coverage!.slice(1), 'lcov', '-o', 'cov.info'], { cwd: dir });
    const file = join(dir, 'cov.info');
    const lcov = await lcovSummary(file);
    expect(lcov.lines[1]).toBeGreaterThan(0);
    expect(await ourTotals(file, dir)).toEqual(lcov);
  });
});
