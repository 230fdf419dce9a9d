/**
 * `debship gate coverage`: read and merge the reports, measure totals, diff coverage and the trend
 * against the history, decide the thresholds; then, with the whole result known, write the badge
 * and record the run in the history (a run that fails while reading or measuring records nothing).
 */
import { resolve } from 'node:path';
import { writeBadge } from './badge.js';
import { measureDiffCoverage, type DiffCoverage } from './diff.js';
import { previousEntry, readHistory, recordHistory, resolveRevision, type HistoryEntry, type Revision } from './history.js';
import { mergeCoverage, withoutPhantomBranches } from './merge.js';
import type { CoverageFormat, CoverageReport, CoverageTotals, FileCoverage, Ratio } from './model.js';
import { byCodeUnits } from './paths.js';
import { readCoverageReports } from './read.js';
import { checkThresholds, round2, roundedMeasure, validateThresholdOptions, type ThresholdCheck } from './thresholds.js';
import { addTotals, fileTotals, percent } from './totals.js';

/** What a user sets for the gate, on the command line or under `gates.coverage` in debship.yaml. */
export interface CoverageSettings {
  reports: string[];
  min?: number;
  minBranches?: number;
  minDiff?: number;
  diffBase?: string;
  history?: string;
  maxDrop?: number;
  badge?: string;
}

export interface CoverageGateOptions extends CoverageSettings {
  /** The project root: report paths are made relative to it, and git runs in it. */
  root: string;
  branch?: string;
  commit?: string;
  now?: Date;
  /** Where GitHub Actions' variables are read from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}

/** One source file's totals, for the per-file table. */
export interface FileRow {
  path: string;
  lines: Ratio;
  branches: Ratio;
  linePercent: number | null;
  branchPercent: number | null;
}

/** This run against the previous entry on its branch; deltas in points, null when either run measured nothing. */
export interface Trend {
  previous: HistoryEntry;
  lines: number | null;
  branches: number | null;
}

export interface CoverageResult {
  reports: { source: string; format: CoverageFormat }[];
  totals: CoverageTotals;
  /** Null when nothing was measured. */
  percents: { lines: number | null; branches: number | null };
  /** Worst first: lowest line percent, then most uncovered lines, then path; files without executable lines last. */
  files: FileRow[];
  diff?: DiffCoverage;
  trend?: Trend;
  checks: ThresholdCheck[];
  passed: boolean;
  /** The history entry this run was recorded as, once written. */
  history?: { file: string; entry: HistoryEntry; replaced: boolean };
}

/**
 * A branch's first run has no run of its own to compare with: it is compared with the last run on
 * the branch it will merge into — GITHUB_BASE_REF in a pull request, else the branch --diff-base
 * names (`origin/main` is tried as itself and as `main`).
 */
function baseEntry(entries: readonly HistoryEntry[], rev: Revision, diffBase: string | undefined, env: NodeJS.ProcessEnv): HistoryEntry | undefined {
  const candidates = [env.GITHUB_BASE_REF, diffBase, diffBase?.replace(/^[^/]+\//, '')];
  for (const branch of candidates) {
    if (!branch || branch === rev.branch) continue;
    const found = previousEntry(entries, { commit: rev.commit, branch });
    if (found) return found;
  }
  return undefined;
}

export async function runCoverageGate(o: CoverageGateOptions): Promise<CoverageResult> {
  validateThresholdOptions(o);
  const env = o.env ?? process.env;
  const historyFile = o.history === undefined ? undefined : resolve(o.history);
  // Revision and history first: a detached HEAD or a corrupt history fails before any work.
  let revision: Revision | undefined;
  let previous: HistoryEntry | undefined;
  if (historyFile) {
    revision = await resolveRevision(o.root, { commit: o.commit, branch: o.branch }, env);
    const entries = await readHistory(historyFile);
    previous = previousEntry(entries, revision) ?? baseEntry(entries, revision, o.diffBase, env);
  }

  const reports = await readCoverageReports(o.reports, { root: o.root });
  // Per report, before merging: another run's real hits on a file must not keep v8's phantom branch alive.
  const files = mergeCoverage(reports.map((r) => ({ ...r, files: r.files.map(withoutPhantomBranches) })));
  const diff = o.diffBase === undefined ? undefined : await measureDiffCoverage(o.root, o.diffBase, files);
  const result = evaluateCoverage({ reports, files, diff, previous, branch: revision?.branch, options: o });

  if (o.badge) await writeBadge(resolve(o.badge), result.percents.lines);
  if (historyFile && revision) {
    const entry = historyEntry(result, revision, o.now ?? new Date());
    const { replaced } = await recordHistory(historyFile, entry);
    result.history = { file: historyFile, entry, replaced };
  }
  return result;
}

export interface EvaluateInput {
  reports: CoverageReport[];
  files: FileCoverage[];
  diff?: DiffCoverage;
  previous?: HistoryEntry;
  branch?: string;
  options: Pick<CoverageGateOptions, 'min' | 'minBranches' | 'minDiff' | 'maxDrop'>;
}

/** The result from data already read: no I/O, so every decision can be tested directly. */
export function evaluateCoverage(i: EvaluateInput): CoverageResult {
  // Each file is counted once: the rows are the per-file totals, and their sum is the whole.
  const files = i.files.map(fileRow);
  const totals = addTotals(files);
  const percents = { lines: percent(totals.lines), branches: percent(totals.branches) };
  files.sort(worstFirst);
  const trend: Trend | undefined = i.previous && {
    previous: i.previous,
    lines: delta(percents.lines, i.previous.lines),
    branches: delta(percents.branches, i.previous.branches),
  };
  const checks = checkThresholds({
    ...i.options,
    lines: percents.lines,
    branches: percents.branches,
    diff: i.diff,
    previous: i.previous,
    branch: i.branch,
  });
  return {
    reports: i.reports.map((r) => ({ source: r.source, format: r.format })),
    totals,
    percents,
    files,
    ...(i.diff ? { diff: i.diff } : {}),
    ...(trend ? { trend } : {}),
    checks,
    passed: checks.every((c) => c.passed),
  };
}

function fileRow(f: FileCoverage): FileRow {
  const t = fileTotals(f);
  return { path: f.path, lines: t.lines, branches: t.branches, linePercent: percent(t.lines), branchPercent: percent(t.branches) };
}

function worstFirst(a: FileRow, b: FileRow): number {
  if (a.linePercent !== b.linePercent) {
    if (a.linePercent === null) return 1;
    if (b.linePercent === null) return -1;
    return a.linePercent - b.linePercent;
  }
  const missed = b.lines.total - b.lines.covered - (a.lines.total - a.lines.covered);
  if (missed !== 0) return missed;
  return byCodeUnits(a.path, b.path);
}

/** Points gained since a history measure (recomputed from its counts, not its rounded percent). */
function delta(now: number | null, before: { covered: number; total: number }): number | null {
  const then = percent(before);
  return now === null || then === null ? null : round2(now - then);
}

/** What a run appends to the history. */
function historyEntry(result: CoverageResult, rev: Revision, date: Date): HistoryEntry {
  return {
    commit: rev.commit,
    branch: rev.branch,
    date: date.toISOString(),
    lines: roundedMeasure(result.totals.lines),
    branches: roundedMeasure(result.totals.branches),
    passed: result.passed,
  };
}

