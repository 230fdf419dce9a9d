/**
 * lcov tracefiles (geninfo(1)): `SF:` opens a file's record, `DA:line,hits[,checksum]` and
 * `BRDA:line,block,branch,taken` carry the data, `end_of_record` closes it. The summary lines
 * (LF, LH, BRF, BRH) and function lines are not needed: counts come from DA and BRDA. Read a
 * chunk at a time, so a large report never becomes one string.
 */
import { hitCount, lineNumber, quote, type ChunkReader, type ReportContext } from './context.js';
import { mergeCoverage } from './merge.js';
import type { FileCoverage } from './model.js';

/** No real lcov line comes near this; a longer one is damage, and buffering it would be unbounded. */
const MAX_LINE_CHARS = 1 << 20;

interface OpenRecord {
  path: string;
  /** Where the record started, for the truncation error. */
  startLine: number;
  lines: Map<number, number>;
  /** line → `block,branch` → taken, in first-seen order. */
  branches: Map<number, Map<string, number>>;
}

/** A path recorded several times (concatenated tracefiles) is summed. */
export function lcovReader(ctx: ReportContext): ChunkReader {
  let pending = '';
  let lineNo = 0;
  let sawContent = false;
  let record: OpenRecord | undefined;
  const done: FileCoverage[] = [];

  const fail = (message: string, line = lineNo) => ctx.fail(message, line);

  function handle(raw: string): void {
    lineNo++;
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lineNo === 1 && line.startsWith('\uFEFF')) line = line.slice(1);
    const colon = line.indexOf(':');
    if (colon < 0) {
      // Only blank lines and end_of_record have no colon.
      const bare = line.trim();
      if (bare === '') return;
      sawContent = true;
      if (bare !== 'end_of_record') throw fail(`expected KEYWORD:value or end_of_record, found ${quote(line)}`);
      if (!record) throw fail('end_of_record without a record open (no SF: line before it)');
      done.push(close(record));
      record = undefined;
      return;
    }
    sawContent = true;
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1);
    switch (key) {
      case 'SF':
        if (record) throw fail(`SF: for a new file before end_of_record of ${quote(record.path)} (line ${record.startLine})`);
        if (value === '') throw fail('SF: with an empty path');
        record = { path: ctx.paths.lcov(value), startLine: lineNo, lines: new Map(), branches: new Map() };
        return;
      case 'DA':
        return da(inRecord('DA'), value);
      case 'BRDA':
        return brda(inRecord('BRDA'), value);
      default:
        // TN, VER, function and summary lines, and keywords of later lcov versions carry nothing needed.
        if (!/^[A-Z]+$/.test(key)) throw fail(`expected KEYWORD:value or end_of_record, found ${quote(line)}`);
    }
  }

  function inRecord(key: string): OpenRecord {
    if (!record) throw fail(`${key}: outside a record (no SF: line before it)`);
    return record;
  }

  function da(r: OpenRecord, value: string): void {
    // The optional third field is a checksum of the source line (coverage.py writes one).
    const comma = value.indexOf(',');
    const end = value.indexOf(',', comma + 1);
    const lineText = comma < 0 ? value : value.slice(0, comma);
    const hitsText = comma < 0 ? '' : value.slice(comma + 1, end < 0 ? undefined : end);
    const line = lineNumber(lineText);
    if (line === undefined) throw fail(`DA: line number ${quote(lineText)} is not between 1 and 10000000`);
    const hits = hitCount(hitsText);
    if (hits === undefined) throw fail(`DA: hit count ${quote(hitsText)} is not a non-negative integer`);
    r.lines.set(line, (r.lines.get(line) ?? 0) + hits);
  }

  function brda(r: OpenRecord, value: string): void {
    // lcov 2 allows an expression with commas as the branch; the line is first and `taken` last.
    const first = value.indexOf(',');
    const last = value.lastIndexOf(',');
    if (first < 0 || first === last) throw fail(`BRDA: expected line,block,branch,taken, found ${quote(value)}`);
    const line = lineNumber(value.slice(0, first), true);
    if (line === undefined) throw fail(`BRDA: line number ${quote(value.slice(0, first))} is not between 0 and 10000000`);
    const takenText = value.slice(last + 1);
    const taken = takenText === '-' ? 0 : hitCount(takenText);
    if (taken === undefined) throw fail(`BRDA: taken count ${quote(takenText)} is neither "-" nor a non-negative integer`);
    const key = value.slice(first + 1, last);
    let outcomes = r.branches.get(line);
    if (!outcomes) r.branches.set(line, (outcomes = new Map()));
    outcomes.set(key, (outcomes.get(key) ?? 0) + taken);
  }

  return {
    write(chunk) {
      const text = pending + chunk;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        handle(text.slice(start, nl));
        start = nl + 1;
      }
      pending = text.slice(start);
      if (pending.length > MAX_LINE_CHARS) throw fail(`line longer than ${MAX_LINE_CHARS} characters`, lineNo + 1);
    },
    end() {
      if (pending !== '') handle(pending);
      pending = '';
      if (!sawContent) throw fail('the report is empty', 1);
      if (record) {
        throw fail(`the report ends inside the record of ${quote(record.path)} (line ${record.startLine}) without end_of_record: it is truncated`);
      }
      return mergeCoverage([{ source: ctx.file, format: 'lcov', files: done }]);
    },
  };
}

function close(r: OpenRecord): FileCoverage {
  const branches = new Map<number, number[]>();
  for (const [line, outcomes] of r.branches) branches.set(line, [...outcomes.values()]);
  return { path: r.path, lines: r.lines, branches };
}
