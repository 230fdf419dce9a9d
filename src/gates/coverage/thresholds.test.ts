import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './history.js';
import { checkThresholds, formatPercent, validateThresholdOptions } from './thresholds.js';

const previous = (covered: number, total: number, commit = 'a'.repeat(40)): HistoryEntry => ({
  commit,
  branch: 'main',
  date: '2024-05-01T00:00:00.000Z',
  lines: { covered, total, percent: total ? (covered / total) * 100 : null },
  branches: { covered: 0, total: 0, percent: null },
});

describe('threshold checks', () => {
  it('says which minimum failed and by how much', () => {
    const [lines, branches] = checkThresholds({ min: 85, minBranches: 50, lines: 82.31, branches: 62.5 });
    expect(lines).toEqual({
      name: 'min',
      required: 85,
      actual: 82.31,
      passed: false,
      message: 'line coverage 82.31% is 2.69 points below the minimum 85%',
    });
    expect(branches).toMatchObject({ name: 'min-branches', passed: true, message: 'branch coverage 62.50% meets the minimum 50%' });
  });

  it('compares the two-decimal value it shows', () => {
    expect(checkThresholds({ min: 85, lines: 84.996, branches: null })[0]).toMatchObject({ passed: true, actual: 85 });
    expect(checkThresholds({ min: 85, lines: 84.994, branches: null })[0]).toMatchObject({
      passed: false,
      message: 'line coverage 84.99% is 0.01 points below the minimum 85%',
    });
    expect(checkThresholds({ min: 85.5, lines: 85, branches: null })[0]!.message).toBe('line coverage 85.00% is 0.50 points below the minimum 85.5%');
  });

  it('never rounds a miss up to 100%: one uncovered line in 30000 fails --min 100', () => {
    const lines = (100 * 29_999) / 30_000;
    expect(checkThresholds({ min: 100, lines, branches: null })[0]).toMatchObject({
      passed: false,
      actual: 99.99,
      message: 'line coverage 99.99% is 0.01 points below the minimum 100%',
    });
    expect(formatPercent(lines)).toBe('99.99%');
    expect(formatPercent(100)).toBe('100.00%');
    expect(checkThresholds({ min: 100, lines: 100, branches: null })[0]!.passed).toBe(true);
  });

  it('fails a minimum when nothing was measured', () => {
    expect(checkThresholds({ minBranches: 10, lines: 90, branches: null })[0]).toMatchObject({
      passed: false,
      actual: null,
      message: 'the reports measured no branches, so branch coverage cannot meet the minimum 10%',
    });
  });

  it('checks diff coverage, passing with n/a when no executable line changed', () => {
    const diff = { base: 'origin/main', lines: { covered: 12, total: 20 }, percent: 60 };
    expect(checkThresholds({ minDiff: 80, lines: 90, branches: null, diff })[0]).toMatchObject({
      passed: false,
      message: 'diff coverage 60.00% is 20.00 points below the minimum 80% (12 of 20 changed lines covered)',
    });
    expect(checkThresholds({ minDiff: 80, lines: 90, branches: null, diff: { ...diff, lines: { covered: 0, total: 0 }, percent: null } })[0]).toEqual({
      name: 'min-diff',
      required: 80,
      actual: null,
      passed: true,
      message: 'no executable line changed since origin/main; diff coverage is n/a',
    });
    const unseen = { ...diff, lines: { covered: 0, total: 0 }, percent: null, notMeasured: ['README.md', 'src/a.py', 'src/b.py', 'tools/x.sh'] };
    expect(checkThresholds({ minDiff: 80, lines: 90, branches: null, diff: unseen })[0]!.message).toBe(
      'no executable line changed since origin/main; diff coverage is n/a (4 changed files are in no report: README.md, src/a.py, src/b.py and 1 more)',
    );
  });

  it('checks the drop from the previous run, recomputed from its counts', () => {
    const fail = checkThresholds({ maxDrop: 2, lines: 86.8, branches: null, previous: previous(900, 1000), branch: 'main' })[0];
    expect(fail).toEqual({
      name: 'max-drop',
      required: 2,
      actual: 3.2,
      passed: false,
      message: 'line coverage dropped 3.20 points since aaaaaaa on main (90.00% → 86.80%), more than the allowed 2',
    });
    expect(checkThresholds({ maxDrop: 2, lines: 89, branches: null, previous: previous(900, 1000) })[0]).toMatchObject({
      passed: true,
      actual: 1,
      message: 'line coverage dropped 1.00 points since aaaaaaa on main (90.00% → 89.00%), within the allowed 2',
    });
    expect(checkThresholds({ maxDrop: 0, lines: 91, branches: null, previous: previous(900, 1000) })[0]).toMatchObject({
      passed: true,
      actual: -1,
      message: 'line coverage rose 1.00 points since aaaaaaa on main (90.00% → 91.00%)',
    });
    expect(checkThresholds({ maxDrop: 0, lines: 90, branches: null, previous: previous(900, 1000) })[0]).toMatchObject({ passed: true, actual: 0 });
  });

  it('passes max-drop without a previous run, and fails it when this run measured nothing', () => {
    expect(checkThresholds({ maxDrop: 1, lines: 50, branches: null, branch: 'feature' })[0]).toMatchObject({
      passed: true,
      message: 'no previous run on branch feature in the history to compare with',
    });
    expect(checkThresholds({ maxDrop: 1, lines: null, branches: null, previous: previous(1, 2) })[0]).toMatchObject({ passed: false, actual: null });
    expect(checkThresholds({ maxDrop: 1, lines: 10, branches: null, previous: previous(0, 0) })[0]).toMatchObject({ passed: true, actual: null });
  });

  it('only checks what was asked, in a fixed order', () => {
    expect(checkThresholds({ lines: 1, branches: 1 })).toEqual([]);
    const names = checkThresholds({ maxDrop: 1, minDiff: 1, minBranches: 1, min: 1, lines: 1, branches: 1 }).map((c) => c.name);
    expect(names).toEqual(['min', 'min-branches', 'min-diff', 'max-drop']);
  });

  it('formats percents with two decimals', () => {
    expect(formatPercent(82.3149)).toBe('82.31%');
    expect(formatPercent(100)).toBe('100.00%');
    expect(formatPercent(null)).toBe('n/a');
  });
});

describe('option validation', () => {
  const ok = { reports: ['lcov.info'] };
  const usage = (o: Parameters<typeof validateThresholdOptions>[0]) => {
    try {
      validateThresholdOptions(o);
    } catch (e) {
      return e as { exitCode: number; message: string; hint?: string };
    }
    return undefined;
  };

  it('accepts sensible options', () => {
    expect(usage({ ...ok, min: 0, minBranches: 100, minDiff: 80, diffBase: 'origin/main', history: 'h.jsonl', maxDrop: 0.5, badge: 'b.SVG' })).toBeUndefined();
  });

  it('rejects percentages outside 0–100 and non-numbers', () => {
    for (const bad of [-1, 100.01, NaN, Infinity]) {
      expect(usage({ ...ok, min: bad })).toMatchObject({ exitCode: 2, message: `--min must be a percentage from 0 to 100, not ${bad}` });
    }
    expect(usage({ ...ok, maxDrop: 101, history: 'h' })).toMatchObject({ exitCode: 2, message: expect.stringContaining('--max-drop') });
  });

  it('needs a diff base for --min-diff and a history for --max-drop', () => {
    expect(usage({ ...ok, minDiff: 80 })).toMatchObject({ exitCode: 2, message: '--min-diff needs --diff-base to know which lines changed' });
    expect(usage({ ...ok, maxDrop: 1 })).toMatchObject({ exitCode: 2, hint: expect.stringContaining('--history') });
  });

  it('rejects no reports, option-like refs, non-SVG badges and empty names', () => {
    expect(usage({ reports: [] })).toMatchObject({ exitCode: 2 });
    expect(usage({ ...ok, diffBase: '--output=x' })).toMatchObject({ exitCode: 2 });
    expect(usage({ ...ok, badge: 'coverage.png' })).toMatchObject({ exitCode: 2 });
    expect(usage({ ...ok, branch: ' ' })).toMatchObject({ exitCode: 2 });
  });
});
