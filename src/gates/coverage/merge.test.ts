import { describe, expect, it } from 'vitest';
import { mergeCoverage, withoutPhantomBranches } from './merge.js';
import type { CoverageReport, FileCoverage } from './model.js';

const file = (path: string, lines: Array<[number, number]>, branches: Array<[number, number[]]> = []): FileCoverage => ({
  path,
  lines: new Map(lines),
  branches: new Map(branches),
});
const report = (...files: FileCoverage[]): CoverageReport => ({ source: 'r', format: 'lcov', files });
const summarised = (path: string, lines: [number, number], branches: [number, number]): FileCoverage => ({
  ...file(path, []),
  summary: { lines: { covered: lines[0], total: lines[1] }, branches: { covered: branches[0], total: branches[1] } },
});

describe('mergeCoverage', () => {
  it('sums line hits of the same path across reports and sorts by path and line', () => {
    const merged = mergeCoverage([report(file('b.ts', [[1, 1]]), file('a.ts', [[5, 0], [2, 1]])), report(file('a.ts', [[5, 2], [9, 0]]))]);
    expect(merged.map((f) => f.path)).toEqual(['a.ts', 'b.ts']);
    expect([...merged[0]!.lines]).toEqual([[2, 1], [5, 2], [9, 0]]);
  });

  it('sums branch outcomes of equal length element-wise', () => {
    const merged = mergeCoverage([report(file('a.ts', [], [[3, [1, 0, 0]]])), report(file('a.ts', [], [[3, [0, 0, 4]], [4, [1]]]))]);
    expect(Object.fromEntries(merged[0]!.branches)).toEqual({ 3: [1, 0, 4], 4: [1] });
  });

  it('keeps the outcomes with more taken when tools split a line differently', () => {
    const fewer = file('a.ts', [], [[3, [9, 0, 0, 0]]]); // one of four taken, however often
    const more = file('a.ts', [], [[3, [1, 1]]]);
    expect(mergeCoverage([report(fewer), report(more)])[0]!.branches.get(3)).toEqual([1, 1]);
    expect(mergeCoverage([report(more), report(fewer)])[0]!.branches.get(3)).toEqual([1, 1]);
  });

  it('lets per-line data win over a summary of the same file', () => {
    const merged = mergeCoverage([report(summarised('a.ts', [9, 10], [1, 2])), report(file('a.ts', [[1, 1], [2, 0]]))]);
    expect(merged).toEqual([file('a.ts', [[1, 1], [2, 0]])]);
  });

  it('merges summaries only with summaries, keeping the best-covered view as a lower bound', () => {
    const merged = mergeCoverage([report(summarised('a.ts', [3, 10], [2, 4])), report(summarised('a.ts', [6, 10], [1, 4]))]);
    expect(merged[0]!.summary).toEqual({ lines: { covered: 6, total: 10 }, branches: { covered: 2, total: 4 } });
  });

  it('never modifies its inputs', () => {
    const a = file('a.ts', [[1, 1]], [[1, [1, 0]]]);
    const b = file('a.ts', [[1, 2]], [[1, [0, 1]]]);
    const merged = mergeCoverage([report(a), report(b)]);
    expect(merged[0]!.branches.get(1)).toEqual([1, 1]);
    merged[0]!.branches.get(1)![0] = 99;
    expect(a).toEqual(file('a.ts', [[1, 1]], [[1, [1, 0]]]));
    expect(b).toEqual(file('a.ts', [[1, 2]], [[1, [0, 1]]]));
  });

  it('returns nothing for no reports', () => {
    expect(mergeCoverage([])).toEqual([]);
    expect(mergeCoverage([report()])).toEqual([]);
  });
});

describe('withoutPhantomBranches', () => {
  it('reads branches as not taken in a file where no line ran (v8\'s whole-file branch of an unloaded file)', () => {
    const unloaded = { path: 'a.ts', lines: new Map([[1, 0], [2, 0]]), branches: new Map([[1, [1]]]) };
    expect([...withoutPhantomBranches(unloaded).branches]).toEqual([[1, [0]]]);
    expect([...unloaded.branches]).toEqual([[1, [1]]]);
  });

  it('drops branches of a file without executable lines (v8\'s whole-file branch of a types-only module)', () => {
    const typesOnly = { path: 'types.ts', lines: new Map(), branches: new Map([[1, [1]]]) };
    expect(withoutPhantomBranches(typesOnly).branches.size).toBe(0);
  });

  it('leaves files where a line ran, and summaries, as they are', () => {
    const ran = { path: 'a.ts', lines: new Map([[1, 3], [2, 0]]), branches: new Map([[1, [1, 0]]]) };
    expect(withoutPhantomBranches(ran)).toBe(ran);
    const summary = { path: 'b.ts', lines: new Map(), branches: new Map(), summary: { lines: { covered: 0, total: 5 }, branches: { covered: 1, total: 1 } } };
    expect(withoutPhantomBranches(summary)).toBe(summary);
  });
});
