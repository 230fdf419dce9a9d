/**
 * Merges reports of separate runs (unit and integration tests, Python and TypeScript) into one
 * coverage per file. Inputs are never modified.
 */
import type { CoverageReport, CoverageTotals, FileCoverage, Ratio } from './model.js';
import { byCodeUnits } from './paths.js';
import { coveredCount } from './totals.js';

export function mergeCoverage(reports: CoverageReport[]): FileCoverage[] {
  const byPath = new Map<string, FileCoverage[]>();
  for (const report of reports) {
    for (const file of report.files) {
      const same = byPath.get(file.path);
      if (same) same.push(file);
      else byPath.set(file.path, [file]);
    }
  }
  return [...byPath.keys()].sort(byCodeUnits).map((path) => mergeFile(path, byPath.get(path)!));
}

function mergeFile(path: string, files: FileCoverage[]): FileCoverage {
  // One report's view of a file needs no merging: share it rather than copy millions of entries.
  if (files.length === 1 && files[0]!.summary === undefined) {
    const only = files[0]!;
    const lines = sortedByLine(only.lines);
    const branches = sortedByLine(only.branches);
    return lines === only.lines && branches === only.branches ? only : { path, lines, branches };
  }
  // Per-line data wins: a summary cannot be combined with lines, and lines keep diff coverage working.
  const detailed = files.filter((f) => f.summary === undefined);
  if (detailed.length === 0) {
    return { path, lines: new Map(), branches: new Map(), summary: mergeSummaries(files.map((f) => f.summary!)) };
  }
  const lines = new Map<number, number>();
  const branches = new Map<number, number[]>();
  for (const f of detailed) {
    for (const [line, hits] of f.lines) lines.set(line, (lines.get(line) ?? 0) + hits);
    for (const [line, outcomes] of f.branches) {
      const prev = branches.get(line);
      branches.set(line, prev === undefined ? [...outcomes] : combineOutcomes(prev, outcomes));
    }
  }
  return { path, lines: sortedByLine(lines), branches: sortedByLine(branches) };
}

/**
 * Branches v8 (vitest, c8) invents: a file no test loaded gets one whole-file "(empty-report)"
 * branch marked as taken, and a file with no executable code at all (types only) gets the same.
 * A branch cannot have been taken where no line ran, and a file without executable lines has
 * nothing to measure (lcov itself drops such files), so the gate reads the first as not taken and
 * drops the second. A coverage-summary.json has no lines to tell, so it keeps v8's count.
 */
export function withoutPhantomBranches(file: FileCoverage): FileCoverage {
  if (file.summary !== undefined || file.branches.size === 0) return file;
  if (file.lines.size === 0) return { ...file, branches: new Map() };
  for (const hits of file.lines.values()) if (hits > 0) return file;
  let taken = false;
  for (const outcomes of file.branches.values()) if (outcomes.some((h) => h > 0)) taken = true;
  if (!taken) return file;
  return { ...file, branches: new Map([...file.branches].map(([line, outcomes]) => [line, outcomes.map(() => 0)])) };
}

/**
 * Runs of the same code agree on a line's outcomes and are summed. Different lengths mean the
 * tools instrumented the line differently, and outcomes cannot be matched up: the view with more
 * covered outcomes is kept rather than inventing a combination.
 */
function combineOutcomes(a: number[], b: readonly number[]): number[] {
  if (a.length === b.length) return a.map((hits, i) => hits + b[i]!);
  return coveredCount(b) > coveredCount(a) ? [...b] : a;
}

/**
 * Two summaries of one file cannot say which lines both covered; the best-covered view is a
 * lower bound of their union, where summing would count shared lines twice.
 */
function mergeSummaries(summaries: CoverageTotals[]): CoverageTotals {
  const best = (pick: (t: CoverageTotals) => Ratio): Ratio => ({
    covered: Math.max(...summaries.map((s) => pick(s).covered)),
    total: Math.max(...summaries.map((s) => pick(s).total)),
  });
  return { lines: best((s) => s.lines), branches: best((s) => s.branches) };
}

/** Reports mostly list lines in order already; checking is much cheaper than sorting millions of entries. */
function sortedByLine<T>(m: Map<number, T>): Map<number, T> {
  let prev = -1;
  for (const line of m.keys()) {
    if (line < prev) return new Map([...m].sort((x, y) => x[0] - y[0]));
    prev = line;
  }
  return m;
}
