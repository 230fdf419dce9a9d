import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCoverage, type CoverageResult } from '../gates/coverage/gate.js';
import type { DiffCoverage } from '../gates/coverage/diff.js';
import type { FileCoverage } from '../gates/coverage/model.js';
import { appendStepSummary } from '../gates/coverage/step-summary.js';
import { renderCoverage } from './coverage.js';
import { coverageJson } from './coverage-json.js';
import { code } from './coverage-markdown.js';

/** A file whose lines 1..total are executable and the first `covered` of them hit. */
function file(path: string, covered: number, total: number): FileCoverage {
  return { path, lines: new Map(Array.from({ length: total }, (_, i) => [i + 1, i < covered ? 1 : 0])), branches: new Map() };
}

const summaryFile: FileCoverage = {
  path: 'src/big.ts',
  lines: new Map(),
  branches: new Map(),
  summary: { lines: { covered: 773, total: 940 }, branches: { covered: 7, total: 10 } },
};

// 823 of 1000 lines: 82.3%; 25 small files so the per-file table is cut.
const small = Array.from({ length: 25 }, (_, i) => file(`src/f${String(i).padStart(2, '0')}.ts`, 2, 2 + (i % 3)));
const files = [summaryFile, ...small, file('src/we|ird`name.ts', 0, 1)];

const diff: DiffCoverage = {
  base: 'origin/main',
  mergeBase: 'b'.repeat(40),
  lines: { covered: 3, total: 8 },
  percent: 37.5,
  files: [
    { path: 'src/a.ts', covered: [10, 11], uncovered: [12, 13, 14, 15, 20] },
    { path: 'src/ok.ts', covered: [1], uncovered: [] },
  ],
  notMeasured: ['README.md'],
};

function failing(): CoverageResult {
  const totalLines = files.reduce((n, f) => n + (f.summary?.lines.total ?? f.lines.size), 0);
  const r = evaluateCoverage({
    reports: [{ source: 'coverage/lcov.info', format: 'lcov', files }],
    files,
    diff,
    options: { min: 85, minBranches: 50, minDiff: 80 },
  });
  expect(r.totals.lines.total).toBe(totalLines);
  return r;
}

function passing(): CoverageResult {
  const f = [file('src/a.ts', 9, 10)];
  return evaluateCoverage({ reports: [], files: f, options: { min: 80 } });
}

describe('text report', () => {
  it('gives the verdict, totals, and says which threshold failed and by how much', () => {
    const r = failing();
    const text = renderCoverage(r, 'text');
    expect(text.split('\n')[0]).toBe('coverage: FAILED');
    expect(text).toMatch(/^ {2}lines +\d+\.\d\d% +\d+\/\d+$/m);
    expect(text).toContain(`✗ min: line coverage ${r.checks[0]!.actual!.toFixed(2)}% is ${(85 - r.checks[0]!.actual!).toFixed(2)} points below the minimum 85%`);
    expect(text).toContain('✓ min-branches: branch coverage 70.00% meets the minimum 50%');
    expect(text).toContain('✗ min-diff: diff coverage 37.50% is 42.50 points below the minimum 80% (3 of 8 changed lines covered)');
    expect(text).toMatch(/^ {2}src\/a\.ts +12-15, 20$/m);
    expect(text).not.toMatch(/^ {2}src\/ok\.ts/m);
    expect(text).not.toContain('\x1b[');
  });

  it('lists the 20 worst files, worst first, then how many more; all on request', () => {
    const r = failing();
    const text = renderCoverage(r, 'text');
    expect(text).toContain(`files, worst first (20 of ${r.files.length}):`);
    expect(text).toContain(`… ${r.files.length - 20} more`);
    const listed = text.split('\n').filter((l) => / src\/\S+\.ts$/.test(l) && l.includes('/') && l.includes('%'));
    expect(listed[0]).toMatch(/0\.00% +0\/1 .*src\/we\|ird`name\.ts$/);
    expect(listed).toHaveLength(20);
    const all = renderCoverage(r, 'text', { allFiles: true });
    expect(all).not.toContain('more');
    expect(all).toContain('src/f24.ts');
  });

  it('colours the verdict and marks only when asked', () => {
    expect(renderCoverage(failing(), 'text', { color: true })).toContain('\x1b[1;31mFAILED\x1b[0m');
    expect(renderCoverage(passing(), 'text', { color: true }).split('\n')[0]).toBe('coverage: \x1b[32mpassed\x1b[0m');
  });
});

describe('JSON report', () => {
  it('is plain JSON with rounded percents and null for what was not measured', () => {
    const r = failing();
    const json = JSON.parse(renderCoverage(r, 'json'));
    expect(json).toEqual(coverageJson(r));
    expect(Object.keys(json)).toEqual(['passed', 'totals', 'checks', 'diff', 'trend', 'history', 'reports', 'files']);
    expect(json.passed).toBe(false);
    expect(json.totals.branches).toEqual({ covered: 7, total: 10, percent: 70 });
    expect(json.totals.lines.percent).toBe(Math.round((r.totals.lines.covered / r.totals.lines.total) * 10000) / 100);
    expect(json.diff).toEqual({
      base: 'origin/main',
      mergeBase: 'b'.repeat(40),
      lines: { covered: 3, total: 8, percent: 37.5 },
      files: diff.files,
      notMeasured: ['README.md'],
    });
    expect(json.trend).toBeNull();
    expect(json.history).toBeNull();
    expect(json.files[0]).toEqual({ path: 'src/we|ird`name.ts', lines: { covered: 0, total: 1, percent: 0 }, branches: { covered: 0, total: 0, percent: null } });
    const third = json.files.find((f: { path: string }) => f.path === 'src/f01.ts');
    expect(third.lines).toEqual({ covered: 2, total: 3, percent: 66.67 });
  });
});

describe('markdown report', () => {
  it('heads with the verdict and tabulates totals and thresholds', () => {
    const md = renderCoverage(failing(), 'markdown');
    expect(md.startsWith('## ❌ Coverage gate failed\n')).toBe(true);
    expect(md).toContain('| Branches | 7 | 10 | 70.00% |');
    expect(md).toContain('| Changed lines since `origin/main` | 3 | 8 | 37.50% |');
    expect(md).toContain('| ❌ | min-diff | ≥ 80% | 37.50% | diff coverage 37.50% is 42.50 points below the minimum 80% (3 of 8 changed lines covered) |');
    expect(md).toContain('| ✅ | min-branches | ≥ 50% | 70.00% |');
    expect(renderCoverage(passing(), 'markdown').startsWith('## ✅ Coverage gate passed\n')).toBe(true);
  });

  it('shows uncovered changed lines as ranges, files with misses first, and what was not measured', () => {
    const md = renderCoverage(failing(), 'markdown');
    expect(md).toContain('3 of 8 changed executable lines covered since `origin/main` (merge-base `bbbbbbb`): 37.50%.');
    const rows = md.split('\n').filter((l) => l.startsWith('| `src/a.ts`') || l.startsWith('| `src/ok.ts`'));
    expect(rows).toEqual(['| `src/a.ts` | 2/7 | 12-15, 20 |', '| `src/ok.ts` | 1/1 | — |']);
    expect(md).toContain('Changed but not measured (no coverage data, not counted): `README.md`.');
    expect(renderCoverage(failing(), 'text')).toContain('\nchanged but not measured (no coverage data): README.md\n');
  });

  it('says n/a when no executable line changed', () => {
    const r = evaluateCoverage({ reports: [], files: [], diff: { ...diff, lines: { covered: 0, total: 0 }, percent: null, files: [], notMeasured: [] }, options: { minDiff: 90 } });
    const md = renderCoverage(r, 'markdown');
    expect(md).toContain('No executable line changed since `origin/main` (merge-base `bbbbbbb`); diff coverage is n/a.');
    expect(md).toContain('no executable line changed since origin/main; diff coverage is n/a');
    expect(md.startsWith('## ✅')).toBe(true);
  });

  it('collapses the per-file table and escapes pipes and backticks in paths', () => {
    const md = renderCoverage(failing(), 'markdown');
    expect(md).toMatch(/<details>\n<summary>Files \(27, worst first\)<\/summary>\n\n\| File \| Lines \| Branches \|/);
    expect(md).toContain('| ``src/we\\|ird`name.ts`` | 0.00% (0/1) | n/a |');
    expect(md).toContain('| `src/big.ts` | 82.23% (773/940) | 70.00% (7/10) |');
    expect(md.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('makes code spans that hold any backticks', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a``b')).toBe('```a``b```');
    expect(code('`edge`')).toBe('`` `edge` ``');
    expect(code('a|b')).toBe('`a\\|b`');
  });

  it('shows the trend and the history entry when there is one', () => {
    const previous = { commit: 'c'.repeat(40), branch: 'main', date: '2024-01-01T00:00:00.000Z', lines: { covered: 95, total: 100, percent: 95 }, branches: { covered: 0, total: 0, percent: null } };
    const r = evaluateCoverage({ reports: [], files: [file('a.ts', 9, 10)], previous, branch: 'main', options: { maxDrop: 2 } });
    const md = renderCoverage(r, 'markdown');
    expect(md).toContain('Since `ccccccc` on `main`: lines -5.00 points, branches n/a.');
    expect(md).toContain('| ❌ | max-drop | drop ≤ 2 points | 5.00 points |');
    expect(renderCoverage(r, 'text')).toMatch(/^ {2}trend +-5\.00 +points of line coverage since ccccccc on main \(2024-01-01\)$/m);
  });

  it('keeps whether the previous run held in the JSON trend', () => {
    const previous = { commit: 'c'.repeat(40), branch: 'main', date: '2024-01-01T00:00:00.000Z', lines: { covered: 95, total: 100, percent: 95 }, branches: { covered: 0, total: 0, percent: null }, passed: true };
    const r = evaluateCoverage({ reports: [], files: [file('a.ts', 9, 10)], previous, branch: 'main', options: { maxDrop: 10 } });
    expect(coverageJson(r).trend?.previous).toMatchObject({ commit: 'c'.repeat(40), passed: true });
  });
});

describe('step summary', () => {
  it('appends the markdown report to GITHUB_STEP_SUMMARY, keeping what other steps wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'debship-summary-'));
    try {
      const summary = join(dir, 'summary.md');
      writeFileSync(summary, '# Earlier step\n');
      expect(await appendStepSummary(failing(), { GITHUB_STEP_SUMMARY: summary })).toBe(summary);
      await appendStepSummary(passing(), { GITHUB_STEP_SUMMARY: summary });
      const text = readFileSync(summary, 'utf8');
      expect(text.startsWith('# Earlier step\n\n## ❌ Coverage gate failed')).toBe(true);
      expect(text).toContain('\n## ✅ Coverage gate passed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does nothing outside GitHub Actions', async () => {
    expect(await appendStepSummary(passing(), {})).toBeUndefined();
  });
});
