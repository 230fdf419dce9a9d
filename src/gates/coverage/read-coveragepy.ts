/**
 * coverage.py's own JSON report (`coverage json`): per file the executed and missing lines, and
 * with --branch the executed and missing arcs `[from, to]` (to < 0 leaves the code object).
 * coverage.py counts no hits, so a line or arc that ran counts once. File names are relative to
 * where coverage ran, as in its lcov output. Every value is checked before use.
 */
import { lineNumber, quote, type ReportContext } from './context.js';
import { isObject } from './detect.js';
import { mergeCoverage } from './merge.js';
import type { FileCoverage } from './model.js';

/** A coverage.py JSON report: `meta` with coverage.py's version, and `files`. */
export function isCoveragePyJson(json: Record<string, unknown>): boolean {
  return isObject(json.meta) && 'version' in json.meta && isObject(json.files);
}

export function readCoveragePyJson(json: Record<string, unknown>, ctx: ReportContext): FileCoverage[] {
  const files: FileCoverage[] = [];
  for (const [name, value] of Object.entries(json.files as Record<string, unknown>)) {
    if (name === '') throw ctx.fail('a file entry has an empty name as its key');
    if (!isObject(value)) throw ctx.fail(`${quote(name)}: expected an object with executed_lines and missing_lines`);
    const executed = lineList(value, 'executed_lines', name, ctx);
    const missing = lineList(value, 'missing_lines', name, ctx);
    files.push({ path: ctx.paths.lcov(name), lines: inLineOrder(executed, missing), branches: branchesOf(value, name, ctx) });
  }
  // Two names for one file ("a.py", "./a.py") become one project path; usually there are none.
  const paths = new Set(files.map((f) => f.path));
  return paths.size === files.length ? files : mergeCoverage([{ source: ctx.file, format: 'coveragepy-json', files }]);
}

function lineList(value: Record<string, unknown>, field: string, name: string, ctx: ReportContext): number[] {
  return list(value, field, name, ctx).map((n) => {
    const line = lineNumber(n);
    if (line === undefined) throw ctx.fail(`${quote(name)}: ${field} holds ${quote(String(n))}, not a line number`);
    return line;
  });
}

/**
 * Executed (1) and missing (0) lines in one map in line order. coverage.py writes both lists
 * sorted, so they are merged in one pass (reports hold millions of lines); a line in both lists
 * counts as executed.
 */
function inLineOrder(executed: number[], missing: number[]): Map<number, number> {
  const ascending = (a: number[]) => a.every((n, i) => i === 0 || a[i - 1]! < n);
  if (!ascending(executed)) executed = [...executed].sort((a, b) => a - b);
  if (!ascending(missing)) missing = [...missing].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  let i = 0;
  let j = 0;
  while (i < executed.length || j < missing.length) {
    if (j >= missing.length || (i < executed.length && executed[i]! <= missing[j]!)) {
      if (executed[i] === missing[j]) j++;
      lines.set(executed[i++]!, 1);
    } else lines.set(missing[j++]!, 0);
  }
  return lines;
}

/** Arcs grouped by the line they leave, in order of their target, taken (1) or not (0). */
function branchesOf(value: Record<string, unknown>, name: string, ctx: ReportContext): Map<number, number[]> {
  const arcs: [from: number, to: number, hit: number][] = [];
  for (const [field, hit] of [['executed_branches', 1], ['missing_branches', 0]] as const) {
    if (!(field in value)) continue;
    for (const arc of list(value, field, name, ctx)) {
      const from = Array.isArray(arc) && arc.length === 2 ? lineNumber(arc[0]) : undefined;
      const to = Array.isArray(arc) ? arc[1] : undefined;
      if (from === undefined || typeof to !== 'number' || !Number.isInteger(to)) throw ctx.fail(`${quote(name)}: ${field} holds ${quote(JSON.stringify(arc) ?? String(arc))}, not a [from, to] pair of line numbers`);
      arcs.push([from, to, hit]);
    }
  }
  arcs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const branches = new Map<number, number[]>();
  for (const [from, , hit] of arcs) {
    const outcomes = branches.get(from);
    if (outcomes) outcomes.push(hit);
    else branches.set(from, [hit]);
  }
  return branches;
}

function list(value: Record<string, unknown>, field: string, name: string, ctx: ReportContext): unknown[] {
  const v = value[field];
  if (!Array.isArray(v)) throw ctx.fail(`${quote(name)}: "${field}" is missing or not a list`);
  return v;
}
