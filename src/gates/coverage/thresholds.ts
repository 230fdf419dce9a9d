/**
 * The gate's options checked before any work, and its threshold checks with messages that say
 * which threshold failed and by how much.
 *
 * Percentages are compared rounded to two decimals, as they are shown: a run never fails with
 * "85.00% is 0.00 points below the minimum 85%".
 */
import { DebshipError } from '../../core/errors.js';
import type { CoverageSettings } from './gate.js';
import type { HistoryEntry } from './history.js';
import type { Ratio } from './model.js';
import { percent } from './totals.js';

export type ThresholdName = 'min' | 'min-branches' | 'min-diff' | 'max-drop';

export interface ThresholdCheck {
  name: ThresholdName;
  /** The percentage asked for; for max-drop the largest allowed drop in points. */
  required: number;
  /** The measured percentage (max-drop: the drop in points, negative for a rise); null when nothing was measured. */
  actual: number | null;
  passed: boolean;
  message: string;
}

/** What the checks are decided on. */
export interface ThresholdInput {
  min?: number;
  minBranches?: number;
  minDiff?: number;
  maxDrop?: number;
  lines: number | null;
  branches: number | null;
  /** Diff coverage, when a base was given. */
  diff?: { base: string; lines: Ratio; percent: number | null; notMeasured?: readonly string[] };
  /** The history's previous entry on this branch, when --history was given. */
  previous?: HistoryEntry;
  branch?: string;
}

/**
 * Two decimals, except that a value short of 100 stays short of it: 99.996% is 99.99%, so one
 * uncovered line among thousands is neither shown as 100.00% nor passes --min 100.
 */
export function round2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return r === 100 && n < 100 ? 99.99 : r;
}

/** Counts with their percent rounded as shown: how the history file and the JSON report write a measure. */
export interface RoundedMeasure {
  covered: number;
  total: number;
  /** Rounded to two decimals; null when nothing was measured. */
  percent: number | null;
}

export function roundedMeasure(r: Ratio): RoundedMeasure {
  const p = percent(r);
  return { covered: r.covered, total: r.total, percent: p === null ? null : round2(p) };
}

/** `82.31%`, or `n/a` when nothing was measured. */
export function formatPercent(p: number | null): string {
  return p === null ? 'n/a' : `${round2(p).toFixed(2)}%`;
}

/** A commit as people quote it: 40 hex digits shortened to 7. */
export function shortCommit(commit: string): string {
  return /^[0-9a-f]{40,64}$/i.test(commit) ? commit.slice(0, 7) : commit;
}

/** Options that make no sense are usage errors (exit 2), raised before any report is read. */
export function validateThresholdOptions(o: CoverageSettings & { branch?: string; commit?: string }): void {
  if (o.reports.length === 0) {
    throw new DebshipError('coverage-usage', 'no coverage report given', {
      hint: 'name one or more reports, for example: debship gate coverage coverage/lcov.info',
    });
  }
  for (const [flag, value] of [['--min', o.min], ['--min-branches', o.minBranches], ['--min-diff', o.minDiff], ['--max-drop', o.maxDrop]] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 100)) {
      throw new DebshipError('coverage-usage', `${flag} must be a percentage from 0 to 100, not ${value}`, {
        hint: `for example ${flag} ${flag === '--max-drop' ? '1' : '80'}`,
      });
    }
  }
  if (o.minDiff !== undefined && o.diffBase === undefined) {
    throw new DebshipError('coverage-usage', '--min-diff needs --diff-base to know which lines changed', {
      hint: 'add the branch the change will merge into, for example --diff-base origin/main',
    });
  }
  if (o.diffBase !== undefined && (o.diffBase.trim() === '' || o.diffBase.startsWith('-'))) {
    throw new DebshipError('coverage-usage', `--diff-base ${JSON.stringify(o.diffBase)} is not a git ref`, {
      hint: 'name a branch, tag or commit, for example --diff-base origin/main',
    });
  }
  if (o.maxDrop !== undefined && o.history === undefined) {
    throw new DebshipError('coverage-usage', '--max-drop needs --history to know the previous coverage', {
      hint: 'add --history FILE (a JSON Lines file kept between runs, for example in a cache or on a branch)',
    });
  }
  if (o.badge !== undefined && !o.badge.toLowerCase().endsWith('.svg')) {
    throw new DebshipError('coverage-usage', `--badge ${o.badge} must name an .svg file`, { hint: 'for example --badge coverage.svg' });
  }
  for (const [flag, value] of [['--history', o.history], ['--branch', o.branch], ['--commit', o.commit]] as const) {
    if (value !== undefined && value.trim() === '') throw new DebshipError('coverage-usage', `${flag} must not be empty`);
  }
}

/** The checks asked for, in the order min, min-branches, min-diff, max-drop. */
export function checkThresholds(i: ThresholdInput): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  if (i.min !== undefined) checks.push(minimum('min', 'line coverage', 'executable lines', i.min, i.lines));
  if (i.minBranches !== undefined) checks.push(minimum('min-branches', 'branch coverage', 'branches', i.minBranches, i.branches));
  if (i.minDiff !== undefined) checks.push(minDiff(i.minDiff, i.diff));
  if (i.maxDrop !== undefined) checks.push(maxDrop(i.maxDrop, i.lines, i.previous, i.branch));
  return checks;
}

function minimum(name: ThresholdName, what: string, units: string, required: number, actual: number | null): ThresholdCheck {
  // Nothing measured fails: a gate that passes on an empty report hides a broken test setup.
  if (actual === null) {
    return { name, required, actual, passed: false, message: `the reports measured no ${units}, so ${what} cannot meet the minimum ${required}%` };
  }
  const a = round2(actual);
  if (a >= required) return { name, required, actual: a, passed: true, message: `${what} ${formatPercent(a)} meets the minimum ${required}%` };
  return {
    name,
    required,
    actual: a,
    passed: false,
    message: `${what} ${formatPercent(a)} is ${(required - a).toFixed(2)} points below the minimum ${required}%`,
  };
}

function minDiff(required: number, diff: ThresholdInput['diff']): ThresholdCheck {
  if (!diff || diff.percent === null) {
    const since = diff ? ` since ${diff.base}` : '';
    // Say what was not looked at: changed code no report measured would otherwise pass unseen.
    const unseen = diff?.notMeasured?.length ? ` (${diff.notMeasured.length} changed ${diff.notMeasured.length === 1 ? 'file is' : 'files are'} in no report: ${listFew(diff.notMeasured, 3)})` : '';
    return { name: 'min-diff', required, actual: null, passed: true, message: `no executable line changed${since}; diff coverage is n/a${unseen}` };
  }
  const detail = ` (${diff.lines.covered} of ${diff.lines.total} changed lines covered)`;
  const check = minimum('min-diff', 'diff coverage', 'changed lines', required, diff.percent);
  return { ...check, message: check.message + detail };
}

function maxDrop(allowed: number, lines: number | null, previous: HistoryEntry | undefined, branch: string | undefined): ThresholdCheck {
  const name = 'max-drop';
  if (!previous) {
    return { name, required: allowed, actual: null, passed: true, message: `no previous run on branch ${branch ?? '(unknown)'} in the history to compare with` };
  }
  const since = `since ${shortCommit(previous.commit)} on ${previous.branch}`;
  const before = percent(previous.lines);
  if (before === null) {
    return { name, required: allowed, actual: null, passed: true, message: `the previous run ${since} measured no lines; nothing to compare with` };
  }
  if (lines === null) {
    return { name, required: allowed, actual: null, passed: false, message: `the reports measured no executable lines; the previous run ${since} had ${formatPercent(before)}` };
  }
  const drop = round2(round2(before) - round2(lines));
  const change = `${formatPercent(before)} → ${formatPercent(lines)}`;
  if (drop > allowed) {
    return { name, required: allowed, actual: drop, passed: false, message: `line coverage dropped ${drop.toFixed(2)} points ${since} (${change}), more than the allowed ${allowed}` };
  }
  const moved = drop > 0 ? `dropped ${drop.toFixed(2)} points` : drop < 0 ? `rose ${(-drop).toFixed(2)} points` : 'is unchanged';
  const within = drop > 0 ? `, within the allowed ${allowed}` : '';
  return { name, required: allowed, actual: drop, passed: true, message: `line coverage ${moved} ${since} (${change})${within}` };
}

/** The first `limit` items, then how many more: `a, b, c and 4 more`. */
export function listFew(items: readonly string[], limit: number, show: (item: string) => string = (s) => s): string {
  const named = items.slice(0, limit).map(show).join(', ');
  return items.length > limit ? `${named} and ${items.length - limit} more` : named;
}
