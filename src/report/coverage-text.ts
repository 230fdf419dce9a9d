/**
 * `debship gate coverage` on a terminal: the verdict, totals, each threshold (a failure says
 * which and by how much), uncovered changed lines, then the worst files.
 */
import type { CoverageResult, FileRow } from '../gates/coverage/gate.js';
import { lineRanges } from '../gates/coverage/diff.js';
import type { Ratio } from '../gates/coverage/model.js';
import { formatPercent, listFew, shortCommit } from '../gates/coverage/thresholds.js';

export interface CoverageTextOptions {
  color?: boolean;
  /** Every file instead of the worst ones. */
  allFiles?: boolean;
}

/** Files shown unless all are asked for: enough to act on, short enough to read in a CI log. */
const TEXT_FILE_LIMIT = 20;

export function renderCoverageText(r: CoverageResult, opts: CoverageTextOptions = {}): string {
  const paint = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out: string[] = [];
  out.push(`coverage: ${r.passed ? paint('32', 'passed') : paint('1;31', 'FAILED')}`);

  const rows: [string, string, string][] = [
    ['lines', formatPercent(r.percents.lines), counts(r.totals.lines)],
    ['branches', formatPercent(r.percents.branches), counts(r.totals.branches)],
  ];
  if (r.diff) {
    const since = `changed lines since ${r.diff.base} (merge-base ${shortCommit(r.diff.mergeBase)})`;
    rows.push(['diff', formatPercent(r.diff.percent), `${counts(r.diff.lines)} ${since}`]);
  }
  if (r.trend) {
    const prev = r.trend.previous;
    rows.push(['trend', points(r.trend.lines), `points of line coverage since ${shortCommit(prev.commit)} on ${prev.branch} (${prev.date.slice(0, 10)})`]);
  }
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  for (const [name, value, detail] of rows) out.push(`  ${name.padEnd(w0)}  ${value.padStart(w1)}  ${detail}`);

  if (r.checks.length) {
    out.push('', 'thresholds:');
    for (const c of r.checks) out.push(`  ${c.passed ? paint('32', '✓') : paint('31', '✗')} ${c.name}: ${c.message}`);
  }

  const missed = r.diff?.files.filter((f) => f.uncovered.length) ?? [];
  if (missed.length) {
    out.push('', 'uncovered changed lines:');
    const w = Math.max(...missed.map((f) => f.path.length));
    for (const f of missed) out.push(`  ${f.path.padEnd(w)}  ${lineRanges(f.uncovered)}`);
  }
  const unmeasured = r.diff?.notMeasured ?? [];
  if (unmeasured.length) {
    out.push('', `changed but not measured (no coverage data): ${listFew(unmeasured, 5)}`);
  }

  if (r.history) {
    const e = r.history.entry;
    out.push('', `history: ${r.history.replaced ? 'replaced' : 'recorded'} ${shortCommit(e.commit)} on ${e.branch} in ${r.history.file}`);
  }

  if (r.files.length) out.push('', ...fileTable(r.files, opts.allFiles ? Infinity : TEXT_FILE_LIMIT));
  return out.join('\n') + '\n';
}

function fileTable(files: FileRow[], limit: number): string[] {
  const shown = files.slice(0, limit);
  const cells = shown.map((f) => [formatPercent(f.linePercent), counts(f.lines), formatPercent(f.branchPercent), counts(f.branches), f.path]);
  const head = ['lines', '', 'branches', '', 'file'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    '  ' + c.map((s, i) => (i === c.length - 1 ? s : i % 2 === 0 ? s.padStart(widths[i]!) : s.padEnd(widths[i]!))).join('  ').trimEnd();
  const title = shown.length < files.length ? `files, worst first (${shown.length} of ${files.length}):` : `files, worst first:`;
  const out = [title, line(head), ...cells.map(line)];
  if (shown.length < files.length) out.push(`  … ${files.length - shown.length} more`);
  return out;
}

function counts(r: Ratio): string {
  return `${r.covered}/${r.total}`;
}

/** A signed change in points: `+1.25`, `-0.50`, `±0.00`, `n/a`. */
export function points(delta: number | null): string {
  if (delta === null) return 'n/a';
  return delta > 0 ? `+${delta.toFixed(2)}` : delta < 0 ? delta.toFixed(2) : '±0.00';
}
