/**
 * Reports from the real coverage.py (Debian's python3-coverage) read the way coverage.py itself
 * counts: every number is compared with `coverage json` from the same run, none is hard-coded.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec } from '../../core/exec.js';
import type { CoverageReport } from './model.js';
import { readCoverageReports } from './read.js';
import { fileTotals, sumTotals } from './totals.js';
import { expectInvalidReport, findCoverage, plain, tempRoot, type TempRoot } from './test-support.js';

const coverage = await findCoverage();
if (!coverage && process.env.CI) {
  throw new Error('coverage.py is not installed; these tests need it. Install it with: apt-get install python3-coverage');
}

const MODULE = `def classify(n):
    if n > 0:
        return "positive"
    else:
        return "non-positive"


def unused():
    return 42


def total(xs):
    t = 0
    for x in xs:
        if x:
            t += x
    return t
`;

const SCRIPT = `from pkg.mod import classify, total

assert classify(3) == "positive"
assert total([1, 0, 2]) == 3
`;

interface PyJson {
  totals: { covered_lines: number; num_statements: number; covered_branches: number; num_branches: number };
  files: Record<string, { executed_lines: number[]; missing_lines: number[]; summary: PyJson['totals'] }>;
}

// Without coverage.py (and outside CI) the suite shows as skipped, named after the package it needs.
describe.skipIf(!coverage)('coverage.py reports (needs python3-coverage)', () => {
  let t: TempRoot;
  let json: PyJson;
  let xml: CoverageReport;
  let lcov: CoverageReport;
  let own: CoverageReport;

  beforeAll(async () => {
    t = await tempRoot();
    await t.write('pkg/__init__.py', '');
    await t.write('pkg/mod.py', MODULE);
    await t.write('script.py', SCRIPT);
    const run = (...args: string[]) => exec(coverage![0]!, [...coverage!.slice(1), ...args], { cwd: t.root, timeoutMs: 60_000 });
    // --source keeps out what the interpreter imports at startup (Debian's _distutils_hack).
    await run('run', '--branch', '--source=.', 'script.py');
    // Reports go to a subdirectory, as in CI, so paths must resolve against the root and not the report.
    await run('xml', '-o', 'reports/cov.xml');
    await run('lcov', '-o', 'reports/cov.info');
    await run('json', '-o', 'reports/cov.json');
    json = JSON.parse(await readFile(join(t.root, 'reports/cov.json'), 'utf8')) as PyJson;
    const reports = await readCoverageReports(['cov.xml', 'cov.info', 'cov.json'].map((f) => join(t.root, 'reports', f)), { root: t.root });
    [xml, lcov, own] = [reports[0]!, reports[1]!, reports[2]!];
  }, 120_000);
  afterAll(() => t?.remove());

  it('reads the three formats', () => {
    expect(xml.format).toBe('cobertura');
    expect(lcov.format).toBe('lcov');
    expect(own.format).toBe('coveragepy-json');
    expect(json.totals.num_branches).toBeGreaterThan(0);
    expect(json.totals.covered_lines).toBeLessThan(json.totals.num_statements);
  });

  const pick = (which: 'xml' | 'lcov' | 'json') => (which === 'xml' ? xml : which === 'lcov' ? lcov : own);

  it.each(['xml', 'lcov', 'json'] as const)('%s totals match coverage json\'s own totals', (which) => {
    const report = pick(which);
    expect(sumTotals(report.files)).toEqual({
      lines: { covered: json.totals.covered_lines, total: json.totals.num_statements },
      branches: { covered: json.totals.covered_branches, total: json.totals.num_branches },
    });
  });

  // Branches agree per file but not per line: coverage.py 6.5's lcov puts each BRDA on the line the
  // branch jumps to (and exits from the function on line 0), its XML on the line that branches.
  it.each(['xml', 'lcov', 'json'] as const)('%s has the same files, executed and missing lines as coverage json', (which) => {
    const report = pick(which);
    expect(report.files.map((f) => f.path)).toEqual(Object.keys(json.files).sort());
    for (const f of report.files) {
      const expected = json.files[f.path]!;
      const executed = [...f.lines].filter(([, hits]) => hits > 0).map(([line]) => line);
      const missing = [...f.lines].filter(([, hits]) => hits === 0).map(([line]) => line);
      expect(executed.sort((a, b) => a - b), f.path).toEqual(expected.executed_lines);
      expect(missing.sort((a, b) => a - b), f.path).toEqual(expected.missing_lines);
      expect(fileTotals(f).branches, f.path).toEqual({ covered: expected.summary.covered_branches, total: expected.summary.num_branches });
    }
  });
});

describe('coverage.py JSON that is not a report', () => {
  let t: TempRoot;
  beforeAll(async () => {
    t = await tempRoot();
  });
  afterAll(() => t.remove());

  it.each([
    ['a file that is not an object', '{"meta": {"version": "6.5"}, "files": {"a.py": 1}}', /"a.py": expected an object/],
    ['missing lines that are not a list', '{"meta": {"version": "6.5"}, "files": {"a.py": {"executed_lines": [1], "missing_lines": 2}}}', /"missing_lines" is missing or not a list/],
    ['a line that is not a number', '{"meta": {"version": "6.5"}, "files": {"a.py": {"executed_lines": ["x"], "missing_lines": []}}}', /executed_lines holds "x", not a line number/],
    ['an arc that is not a pair', '{"meta": {"version": "6.5"}, "files": {"a.py": {"executed_lines": [1], "missing_lines": [], "executed_branches": [[1]]}}}', /not a \[from, to\] pair/],
  ])('%s', async (_what, text, message) => {
    const e = await expectInvalidReport(t, text);
    expect(e.message).toMatch(message);
  });

  it('groups arcs by the line they leave, taken or not', async () => {
    const path = await t.write('r/cov.json', '{"meta": {"version": "7.4"}, "files": {"a.py": {"executed_lines": [1, 2, 3], "missing_lines": [5], "executed_branches": [[2, 3], [3, -1]], "missing_branches": [[2, 5]]}}}');
    const [report] = await readCoverageReports([path], { root: t.root });
    expect(plain(report!)).toEqual({ 'a.py': { lines: { 1: 1, 2: 1, 3: 1, 5: 0 }, branches: { 2: [1, 0], 3: [1] } } });
  });
});
