/**
 * istanbul JSON, as vitest, jest, nyc and c8 write it: coverage-final.json (statement and branch
 * maps with counts per file) and coverage-summary.json (ratios per file, no lines). JSON.parse
 * takes the whole text; every value is checked before use, since any key or value may be hostile.
 */
import { hitCount, lineNumber, quote, type ReportContext } from './context.js';
import { detectIstanbulShape, isObject } from './detect.js';
import { mergeCoverage } from './merge.js';
import { isCoveragePyJson, readCoveragePyJson } from './read-coveragepy.js';
import type { CoverageFormat, FileCoverage, Ratio } from './model.js';

export interface JsonReport {
  format: Extract<CoverageFormat, `istanbul-${string}` | 'coveragepy-json'>;
  files: FileCoverage[];
}

/** istanbul's two JSON shapes, and coverage.py's JSON report, told apart after parsing. */
export function readJsonReport(text: string, ctx: ReportContext): JsonReport {
  const json = parse(text, ctx);
  if (isCoveragePyJson(json)) return { format: 'coveragepy-json', files: readCoveragePyJson(json, ctx) };
  const format = detectIstanbulShape(json);
  if (format === undefined) {
    throw ctx.fail('this JSON is neither an istanbul coverage-final.json (statementMap, s, branchMap, b per file), a coverage-summary.json (lines, branches per file) nor coverage.py\'s `coverage json` (meta, files)');
  }
  const files: FileCoverage[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === '') throw ctx.fail('a file entry has an empty path as its key');
    if (format === 'istanbul-summary') {
      if (key !== 'total') files.push(summaryFile(key, value, ctx));
    } else files.push(finalFile(key, value, ctx));
  }
  // Keys that name one file two ways ("/p/a/../b.ts", "/p/b.ts") become one project path.
  return { format, files: mergeCoverage([{ source: ctx.file, format, files }]) };
}

function parse(text: string, ctx: ReportContext): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    throw ctx.fail(`not valid JSON: ${message}`, lineAt(text, Math.min(at ? Number(at[1]) : Infinity, text.trimEnd().length)), undefined, e);
  }
  if (!isObject(json)) throw ctx.fail('expected a JSON object mapping file paths to their coverage');
  return json;
}

/** getLineCoverage of istanbul-lib-coverage: a line's hits are the most any statement starting on it got. */
function finalFile(key: string, value: unknown, ctx: ReportContext): FileCoverage {
  const where = quote(key);
  if (!isObject(value)) throw ctx.fail(`${where}: expected an object with statementMap, s, branchMap and b`);
  const field = (name: string): Record<string, unknown> => {
    const f = value[name];
    if (!isObject(f)) throw ctx.fail(`${where}: "${name}" is missing or not an object`);
    return f;
  };
  const statementMap = field('statementMap');
  const branchMap = field('branchMap');
  const lines = new Map<number, number>();
  for (const [id, count] of Object.entries(field('s'))) {
    // Counts without a statement are skipped, as istanbul itself does.
    if (!Object.hasOwn(statementMap, id)) continue;
    const hits = hitCount(count);
    if (hits === undefined) throw ctx.fail(`${where}: s[${quote(id)}] is ${quote(String(count))}, not a hit count`);
    const st = statementMap[id];
    const line = lineNumber(isObject(st) && isObject(st.start) ? st.start.line : undefined);
    if (line === undefined) throw ctx.fail(`${where}: statementMap[${quote(id)}].start.line is not a line number between 1 and 10000000`);
    const prev = lines.get(line);
    if (prev === undefined || prev < hits) lines.set(line, hits);
  }
  const branches = new Map<number, number[]>();
  for (const [id, counts] of Object.entries(field('b'))) {
    if (!Object.hasOwn(branchMap, id)) continue;
    const line = branchLine(branchMap[id]);
    if (line === undefined) throw ctx.fail(`${where}: branchMap[${quote(id)}] has no loc.start.line or locations[0].start.line`);
    if (!Array.isArray(counts)) throw ctx.fail(`${where}: b[${quote(id)}] is not an array of hit counts`);
    const outcomes = branches.get(line) ?? [];
    for (const c of counts as unknown[]) {
      const hits = hitCount(c);
      if (hits === undefined) throw ctx.fail(`${where}: b[${quote(id)}] holds ${quote(String(c))}, not a hit count`);
      outcomes.push(hits);
    }
    branches.set(line, outcomes);
  }
  return { path: ctx.paths.fromAbsolute(key), lines, branches };
}

function branchLine(meta: unknown): number | undefined {
  if (!isObject(meta)) return undefined;
  const start = (loc: unknown) => (isObject(loc) && isObject(loc.start) ? loc.start.line : undefined);
  const first = Array.isArray(meta.locations) ? (meta.locations as unknown[])[0] : undefined;
  return lineNumber(start(meta.loc) ?? start(first), true);
}

function summaryFile(key: string, value: unknown, ctx: ReportContext): FileCoverage {
  const where = quote(key);
  if (!isObject(value)) throw ctx.fail(`${where}: expected an object with lines and branches`);
  const ratio = (name: string): Ratio => {
    const r = value[name];
    const covered = isObject(r) ? hitCount(r.covered) : undefined;
    const total = isObject(r) ? hitCount(r.total) : undefined;
    if (covered === undefined || total === undefined || covered > total) {
      throw ctx.fail(`${where}: "${name}" is not {covered, total} with 0 <= covered <= total`);
    }
    return { covered, total };
  };
  return { path: ctx.paths.fromAbsolute(key), lines: new Map(), branches: new Map(), summary: { lines: ratio('lines'), branches: ratio('branches') } };
}

/** 1-based line of a character offset, for JSON syntax errors. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
