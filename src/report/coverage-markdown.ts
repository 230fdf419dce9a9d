/**
 * `debship gate coverage --format markdown`, also appended to GitHub's step summary: the verdict
 * as a heading, totals and thresholds tables, uncovered changed lines per file, and the per-file
 * table collapsed in a <details> block so a large project does not bury the verdict.
 */
import type { CoverageResult } from '../gates/coverage/gate.js';
import { lineRanges } from '../gates/coverage/diff.js';
import type { Ratio } from '../gates/coverage/model.js';
import { formatPercent, listFew, shortCommit } from '../gates/coverage/thresholds.js';
import { points } from './coverage-text.js';

export interface CoverageMarkdownOptions {
  /** Every file in the per-file table instead of the worst ones. */
  allFiles?: boolean;
}

/** Rows in the collapsed per-file table: GitHub caps a step summary at 1 MiB and a comment at 64 KiB. */
const MARKDOWN_FILE_LIMIT = 100;
/** Changed files without coverage data listed by name. */
const NOT_MEASURED_LIMIT = 30;

export function renderCoverageMarkdown(r: CoverageResult, opts: CoverageMarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(r.passed ? '## ✅ Coverage gate passed' : '## ❌ Coverage gate failed', '');

  out.push('| | Covered | Total | Coverage |', '|---|---:|---:|---:|');
  out.push(totalsRow('Lines', r.totals.lines, r.percents.lines));
  out.push(totalsRow('Branches', r.totals.branches, r.percents.branches));
  if (r.diff) out.push(totalsRow(`Changed lines since ${code(r.diff.base)}`, r.diff.lines, r.diff.percent));
  out.push('');
  if (r.trend) {
    const p = r.trend.previous;
    out.push(
      `Since ${code(shortCommit(p.commit))} on ${code(p.branch)}: lines ${change(r.trend.lines)}, branches ${change(r.trend.branches)}.`,
      '',
    );
  }

  if (r.checks.length) {
    out.push('### Thresholds', '', '| | Check | Required | Actual | |', '|---|---|---:|---:|---|');
    for (const c of r.checks) {
      const actual = c.actual === null ? 'n/a' : c.name === 'max-drop' ? `${c.actual.toFixed(2)} points` : formatPercent(c.actual);
      const required = c.name === 'max-drop' ? `drop ≤ ${c.required} points` : `≥ ${c.required}%`;
      out.push(`| ${c.passed ? '✅' : '❌'} | ${c.name} | ${required} | ${actual} | ${text(c.message)} |`);
    }
    out.push('');
  }

  if (r.diff) {
    const d = r.diff;
    out.push('### Diff coverage', '');
    const since = `since ${code(d.base)} (merge-base ${code(shortCommit(d.mergeBase))})`;
    if (d.percent === null) out.push(`No executable line changed ${since}; diff coverage is n/a.`, '');
    else {
      out.push(`${d.lines.covered} of ${d.lines.total} changed executable lines covered ${since}: ${formatPercent(d.percent)}.`, '');
      out.push('| File | Covered | Uncovered lines |', '|---|---:|---|');
      // Files with misses first: they are what a reviewer acts on.
      const files = [...d.files].sort((a, b) => Number(b.uncovered.length > 0) - Number(a.uncovered.length > 0));
      for (const f of files) {
        const total = f.covered.length + f.uncovered.length;
        out.push(`| ${code(f.path)} | ${f.covered.length}/${total} | ${f.uncovered.length ? lineRanges(f.uncovered) : '—'} |`);
      }
      out.push('');
    }
    if (d.notMeasured.length) {
      out.push(`Changed but not measured (no coverage data, not counted): ${listFew(d.notMeasured, NOT_MEASURED_LIMIT, code)}.`, '');
    }
  }

  if (r.files.length) {
    const shown = opts.allFiles ? r.files : r.files.slice(0, MARKDOWN_FILE_LIMIT);
    const count = shown.length < r.files.length ? `${shown.length} worst of ${r.files.length}` : `${r.files.length}, worst first`;
    out.push('<details>', `<summary>Files (${count})</summary>`, '', '| File | Lines | Branches |', '|---|---:|---:|');
    for (const f of shown) out.push(`| ${code(f.path)} | ${measure(f.lines, f.linePercent)} | ${measure(f.branches, f.branchPercent)} |`);
    if (shown.length < r.files.length) out.push(`| … ${r.files.length - shown.length} more | | |`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

function change(delta: number | null): string {
  return delta === null ? 'n/a' : `${points(delta)} points`;
}

function totalsRow(name: string, r: Ratio, p: number | null): string {
  return `| ${name} | ${r.covered} | ${r.total} | ${formatPercent(p)} |`;
}

function measure(r: Ratio, p: number | null): string {
  return r.total === 0 ? 'n/a' : `${formatPercent(p)} (${r.covered}/${r.total})`;
}

/**
 * A code span that survives any path: a fence longer than the longest backtick run inside, padded
 * when the text starts or ends with one, and `|` escaped, which GFM tables honour even in code.
 */
export function code(s: string): string {
  const flat = s.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** Plain text in a table cell: no row breaks, no column breaks, no HTML. */
function text(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
