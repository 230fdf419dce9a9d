import { describe, expect, it } from 'vitest';
import type { FileCoverage } from './model.js';
import { fileTotals, percent, sumTotals } from './totals.js';

const file = (lines: Array<[number, number]>, branches: Array<[number, number[]]> = []): FileCoverage => ({
  path: 'a.ts',
  lines: new Map(lines),
  branches: new Map(branches),
});

describe('totals', () => {
  it('counts lines hit at least once and branch outcomes taken at least once', () => {
    expect(fileTotals(file([[1, 3], [2, 0], [3, 1]], [[1, [2, 0]], [3, [0, 0, 5]]]))).toEqual({
      lines: { covered: 2, total: 3 },
      branches: { covered: 2, total: 5 },
    });
  });

  it('uses the summary of a file read from a summary report', () => {
    const summary = { lines: { covered: 7, total: 9 }, branches: { covered: 1, total: 4 } };
    const totals = fileTotals({ ...file([]), summary });
    expect(totals).toEqual(summary);
    totals.lines.covered = 0;
    expect(summary.lines.covered).toBe(7);
  });

  it('sums files, detailed and summarised alike', () => {
    const summarised = { ...file([]), summary: { lines: { covered: 7, total: 9 }, branches: { covered: 1, total: 4 } } };
    expect(sumTotals([file([[1, 1], [2, 0]], [[1, [1, 0]]]), summarised])).toEqual({
      lines: { covered: 8, total: 11 },
      branches: { covered: 2, total: 6 },
    });
    expect(sumTotals([])).toEqual({ lines: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } });
  });

  it('gives unrounded percentages, and null when there is nothing to cover', () => {
    expect(percent({ covered: 1, total: 3 })).toBe(100 / 3);
    expect(percent({ covered: 0, total: 5 })).toBe(0);
    expect(percent({ covered: 5, total: 5 })).toBe(100);
    expect(percent({ covered: 0, total: 0 })).toBeNull();
  });
});
