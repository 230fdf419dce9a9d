/**
 * `debship gate coverage --format json`: the whole result as plain JSON with a fixed key order and
 * percentages rounded to two decimals, so scripts and diffs of two runs stay stable. Absent parts
 * (no diff base, no history) are null rather than missing.
 */
import type { CoverageResult } from '../gates/coverage/gate.js';
import type { HistoryEntry } from '../gates/coverage/history.js';
import type { CoverageFormat } from '../gates/coverage/model.js';
import { roundedMeasure, type RoundedMeasure, type ThresholdName } from '../gates/coverage/thresholds.js';

export type JsonMeasure = RoundedMeasure;

export interface CoverageJson {
  passed: boolean;
  totals: { lines: JsonMeasure; branches: JsonMeasure };
  checks: { name: ThresholdName; required: number; actual: number | null; passed: boolean; message: string }[];
  diff: {
    base: string;
    mergeBase: string;
    lines: JsonMeasure;
    files: { path: string; covered: number[]; uncovered: number[] }[];
    notMeasured: string[];
  } | null;
  trend: { previous: HistoryEntry; lines: number | null; branches: number | null } | null;
  history: { file: string; replaced: boolean; entry: HistoryEntry } | null;
  reports: { source: string; format: CoverageFormat }[];
  files: { path: string; lines: JsonMeasure; branches: JsonMeasure }[];
}

export function coverageJson(r: CoverageResult): CoverageJson {
  return {
    passed: r.passed,
    totals: { lines: roundedMeasure(r.totals.lines), branches: roundedMeasure(r.totals.branches) },
    checks: r.checks.map((c) => ({ name: c.name, required: c.required, actual: c.actual, passed: c.passed, message: c.message })),
    diff: r.diff
      ? {
          base: r.diff.base,
          mergeBase: r.diff.mergeBase,
          lines: roundedMeasure(r.diff.lines),
          files: r.diff.files.map((f) => ({ path: f.path, covered: [...f.covered], uncovered: [...f.uncovered] })),
          notMeasured: [...r.diff.notMeasured],
        }
      : null,
    trend: r.trend ? { previous: entry(r.trend.previous), lines: r.trend.lines, branches: r.trend.branches } : null,
    history: r.history ? { file: r.history.file, replaced: r.history.replaced, entry: entry(r.history.entry) } : null,
    reports: r.reports.map((x) => ({ source: x.source, format: x.format })),
    files: r.files.map((f) => ({ path: f.path, lines: roundedMeasure(f.lines), branches: roundedMeasure(f.branches) })),
  };
}

export function renderCoverageJson(r: CoverageResult): string {
  return JSON.stringify(coverageJson(r), null, 2) + '\n';
}

/** Copied in the history file's key order. */
function entry(e: HistoryEntry): HistoryEntry {
  return {
    commit: e.commit,
    branch: e.branch,
    date: e.date,
    lines: roundedMeasure(e.lines),
    branches: roundedMeasure(e.branches),
    ...(e.passed === undefined ? {} : { passed: e.passed }),
  };
}
