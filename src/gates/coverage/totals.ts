/** Covered/total counts of files, and percentages of them. */
import type { CoverageTotals, FileCoverage, Ratio } from './model.js';

/** A line counts as covered when hit at least once; a branch outcome when taken at least once. */
export function fileTotals(f: FileCoverage): CoverageTotals {
  if (f.summary) return { lines: { ...f.summary.lines }, branches: { ...f.summary.branches } };
  let linesCovered = 0;
  for (const hits of f.lines.values()) if (hits > 0) linesCovered++;
  let branchesCovered = 0;
  let branchesTotal = 0;
  for (const outcomes of f.branches.values()) {
    branchesTotal += outcomes.length;
    branchesCovered += coveredCount(outcomes);
  }
  return {
    lines: { covered: linesCovered, total: f.lines.size },
    branches: { covered: branchesCovered, total: branchesTotal },
  };
}

/** Branch outcomes taken at least once. */
export function coveredCount(outcomes: readonly number[]): number {
  let n = 0;
  for (const hits of outcomes) if (hits > 0) n++;
  return n;
}

export function sumTotals(files: FileCoverage[]): CoverageTotals {
  return addTotals(files.map(fileTotals));
}

/** The sum of totals already counted (per-file rows, for one). */
export function addTotals(totals: Iterable<CoverageTotals>): CoverageTotals {
  const sum: CoverageTotals = { lines: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } };
  for (const t of totals) {
    sum.lines.covered += t.lines.covered;
    sum.lines.total += t.lines.total;
    sum.branches.covered += t.branches.covered;
    sum.branches.total += t.branches.total;
  }
  return sum;
}

/** Unrounded, so thresholds compare exactly; null when there is nothing to cover (not 0, not 100). */
export function percent(r: Ratio): number | null {
  return r.total === 0 ? null : (100 * r.covered) / r.total;
}
