/**
 * The coverage model every report format is read into: per source file, hits per executable line
 * and per branch, so reports from different tools merge and diff coverage can ask about any line.
 */

/** One source file's coverage. Paths are relative to the project root, with `/` separators. */
export interface FileCoverage {
  path: string;
  /** Executable line number (1-based) → hit count. Empty when the report only has totals. */
  lines: Map<number, number>;
  /**
   * Line number → hit count of each branch outcome starting on that line, in the report's order
   * (lcov BRDA, istanbul branchMap). Cobertura only says "k of n" per line, read as k ones then zeros.
   */
  branches: Map<number, number[]>;
  /**
   * Totals when the report has no per-line data (istanbul coverage-summary.json); when set, they
   * are used instead of counting `lines` and `branches`, and diff coverage cannot see this file.
   */
  summary?: CoverageTotals;
}

/** Covered and total counts of one measure. */
export interface Ratio {
  covered: number;
  total: number;
}

export interface CoverageTotals {
  lines: Ratio;
  branches: Ratio;
}

/** The formats debship reads, detected from content. */
export type CoverageFormat = 'lcov' | 'cobertura' | 'istanbul-summary' | 'istanbul-final' | 'coveragepy-json';

/** One report as read: where it came from, its format, and its files. */
export interface CoverageReport {
  source: string;
  format: CoverageFormat;
  files: FileCoverage[];
}
