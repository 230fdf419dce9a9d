/**
 * Real reports from one vitest/v8 run (see __fixtures__/README.md) must describe the same coverage
 * whichever format is read: lcov.info and coverage-final.json line for line and branch for branch,
 * coverage-summary.json in its totals.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageReport } from './model.js';
import { readCoverageReports } from './read.js';
import { tempRoot, type TempRoot } from './test-support.js';
import { fileTotals, sumTotals } from './totals.js';

const FIXTURES = join(import.meta.dirname, '__fixtures__', 'vitest-v8');
const NAMES = ['lcov.info', 'coverage-final.json', 'coverage-summary.json'];

describe('vitest/v8 reports of one run', () => {
  let t: TempRoot;
  let lcov: CoverageReport;
  let final: CoverageReport;
  let summary: CoverageReport;

  beforeAll(async () => {
    t = await tempRoot();
    // The reports sit in coverage/ as vitest writes them; lcov's SF lines are relative to the root, not to coverage/.
    const paths = await Promise.all(
      NAMES.map(async (name) => t.write(`coverage/${name}`, (await readFile(join(FIXTURES, name), 'utf8')).replaceAll('/ROOT/', `${t.root}/`))),
    );
    const reports = await readCoverageReports(paths, { root: t.root });
    [lcov, final, summary] = [reports[0]!, reports[1]!, reports[2]!];
  });
  afterAll(() => t.remove());

  it('detects each format and names the same files, relative to the root', () => {
    expect([lcov.format, final.format, summary.format]).toEqual(['lcov', 'istanbul-final', 'istanbul-summary']);
    const paths = lcov.files.map((f) => f.path);
    expect(paths).toContain('src/deb/version.ts');
    expect(paths.every((p) => p.startsWith('src/deb/'))).toBe(true);
    expect(final.files.map((f) => f.path)).toEqual(paths);
    expect(summary.files.map((f) => f.path)).toEqual(paths);
  });

  it('lcov and coverage-final.json agree on every line and branch outcome, not just totals', () => {
    for (const [i, f] of lcov.files.entries()) {
      const g = final.files[i]!;
      expect(Object.fromEntries(g.lines), f.path).toEqual(Object.fromEntries(f.lines));
      expect(Object.fromEntries(g.branches), f.path).toEqual(Object.fromEntries(f.branches));
    }
  });

  it("coverage-summary.json's totals match both, per file and overall", () => {
    for (const [i, s] of summary.files.entries()) {
      expect(fileTotals(lcov.files[i]!), s.path).toEqual(s.summary);
      expect(fileTotals(final.files[i]!), s.path).toEqual(s.summary);
    }
    expect(sumTotals(lcov.files)).toEqual(sumTotals(summary.files));
    expect(sumTotals(final.files)).toEqual(sumTotals(summary.files));
  });

  it('matches the "total" entry vitest wrote into coverage-summary.json', async () => {
    const json = JSON.parse(await readFile(join(FIXTURES, 'coverage-summary.json'), 'utf8')) as Record<string, { lines: { covered: number; total: number }; branches: { covered: number; total: number } }>;
    const { lines, branches } = json.total!;
    expect(sumTotals(lcov.files)).toEqual({ lines: { covered: lines.covered, total: lines.total }, branches: { covered: branches.covered, total: branches.total } });
  });

  // A v8 quirk worth knowing when reading branch percentages: a file no test imported gets one
  // whole-file "(empty-report)" branch counted as taken, in all three formats, so its branches
  // read 1/1 while its lines read 0/n. The gate reads such branches as not taken (merge.ts, withoutPhantomBranches).
  it('reports files no test loaded with zero lines covered and one taken whole-file branch', () => {
    const unloaded = lcov.files.find((f) => f.path === 'src/deb/reader.ts')!;
    const totals = fileTotals(unloaded);
    expect(totals.lines.covered).toBe(0);
    expect(totals.lines.total).toBeGreaterThan(0);
    expect(totals.branches).toEqual({ covered: 1, total: 1 });
    expect([...unloaded.branches]).toEqual([[1, [1]]]);
  });
});
