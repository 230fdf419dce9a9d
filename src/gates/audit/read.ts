/**
 * Reads scanner reports into AuditReports: pip-audit, osv-scanner and npm audit JSON, the format
 * told from the content (detect.ts). Whatever the file holds, reading ends in a report or in a
 * DebshipError (exit 2) naming the file:
 * - `file-unreadable`: the file cannot be read;
 * - `audit-report-invalid`: empty, not JSON (with line:column), not a format debship reads, or
 *   a known format with something missing or of the wrong type (with its path in the document);
 * - `audit-report-unsupported`: an npm 6 report, or another auditReportVersion;
 * - `audit-scanner-failed`: npm wrote its error instead of a report (isScannerFailure tells it
 *   apart, so a caller can apply its scanner-error policy rather than fail on a broken file).
 */
import { readFile, stat } from 'node:fs/promises';
import { DebshipError } from '../../core/errors.js';
import { detectFormat } from './detect.js';
import type { AuditReport } from './model.js';
import { npmScannerFailure, readNpmAudit } from './read-npm-audit.js';
import { readOsvScanner } from './read-osv-scanner.js';
import { readPipAudit } from './read-pip-audit.js';
import { AUDIT_REPORT_UNSUPPORTED, invalidReport } from './report-errors.js';

export { AUDIT_REPORT_INVALID, AUDIT_REPORT_UNSUPPORTED, AUDIT_SCANNER_FAILED, isScannerFailure } from './report-errors.js';

/**
 * Reads each file in turn (one large report in memory at a time), in the order given; the first
 * file that cannot be read ends it. A caller that treats scanner failures differently from broken
 * files reads them one by one with readAuditReport.
 */
export async function readAuditReports(paths: string[]): Promise<AuditReport[]> {
  const reports: AuditReport[] = [];
  for (const path of paths) reports.push(await readAuditReport(path));
  return reports;
}

/** One report file; the path names it in findings and errors. */
export async function readAuditReport(path: string): Promise<AuditReport> {
  let text: string;
  try {
    text = decode(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR'
        ? 'it is a directory'
        : code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE' || e instanceof RangeError
          ? `it is too large${await sizeOf(path)}`
          : (e as Error).message;
    throw new DebshipError('file-unreadable', `cannot read the audit report ${path}: ${why}`, {
      file: path,
      cause: e,
      hint: 'Pass the path of a JSON report written by pip-audit, osv-scanner or npm audit.',
    });
  }
  return parseAuditReport(text, path);
}

/**
 * UTF-8, or UTF-16 when the file starts with its byte order mark: Windows PowerShell's `>`
 * (`npm audit --json > npm-audit.json`) writes UTF-16LE.
 */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
  return bytes.toString('utf8');
}

async function sizeOf(path: string): Promise<string> {
  try {
    return ` (${Math.round((await stat(path)).size / (1024 * 1024))} MB)`;
  } catch {
    return '';
  }
}

/**
 * The most JSON objects and lists a report may hold. Parsing builds every one of them (twice: the
 * document, then the checked copy), and a report of tens of millions runs out of memory, which
 * ends the process instead of failing with exit 2. Real reports hold about ten thousand per MB.
 */
export const MAX_JSON_CONTAINERS = 5_000_000;

/** `{` and `[` in the text (those inside strings too: an upper bound, counted without parsing). */
function tooManyContainers(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) if (++n > MAX_JSON_CONTAINERS) return true;
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) if (++n > MAX_JSON_CONTAINERS) return true;
  return false;
}

/** One report's text; `source` names it in findings and errors. */
export function parseAuditReport(text: string, source: string): AuditReport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw invalidReport(source, `${source} is empty`, 'The scanner wrote nothing: check that it ran, and that its JSON went to this file (`--format json`, `--json`).');
  }
  if (tooManyContainers(body)) {
    throw invalidReport(
      source,
      `${source} is too large to read: more than ${MAX_JSON_CONTAINERS.toLocaleString('en-US')} JSON objects and lists`,
      'Scan fewer projects per report (one lockfile or environment each), and pass the reports together.',
    );
  }
  const doc = parseJson(body, source);
  const detected = detectFormat(doc);
  switch (detected.kind) {
    case 'npm-error':
      throw npmScannerFailure(doc, source);
    case 'unsupported':
      throw new DebshipError(AUDIT_REPORT_UNSUPPORTED, `${source} ${detected.message}`, { file: source, hint: detected.hint });
    case 'unknown':
      throw invalidReport(source, `${source} ${detected.message}`);
    case 'report':
      switch (detected.format) {
        case 'pip-audit':
          return readPipAudit(doc, source);
        case 'osv-scanner':
          return readOsvScanner(doc, source);
        case 'npm-audit':
          return readNpmAudit(doc, source);
      }
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const offset = jsonErrorOffset(text) ?? positionInMessage((e as Error).message, text.length);
    const at = offset === undefined ? undefined : lineColumn(text, offset);
    const what = offset === undefined ? shorten((e as Error).message) : offset >= text.length ? 'it ends early (cut off?)' : `unexpected ${describeChar(text, offset)}`;
    throw invalidReport(
      source,
      `${source} is not valid JSON${at ? ` (line ${at.line}, column ${at.column})` : ''}: ${what}`,
      'Pass the JSON report exactly as the scanner wrote it; a report cut off or mixed with other output (warnings, progress) cannot be read.',
      at ?? {},
    );
  }
}

function shorten(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function describeChar(text: string, offset: number): string {
  const c = text.codePointAt(offset)!;
  const ch = String.fromCodePoint(c);
  if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return ch === '`' ? '"`"' : `\`${ch}\``;
}

/** Node 20 says "at position N" for most errors, Node 22 also "(line L column C)". */
function positionInMessage(message: string, length: number): number | undefined {
  const m = /at position (\d+)/.exec(message);
  if (m) return Math.min(Number(m[1]), length);
  if (/Unexpected end of JSON input/i.test(message)) return length;
  return undefined;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const ARRAY = 0;
const OBJECT = 1;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Where the first JSON syntax error is (text.length when the text ends early), or undefined when
 * this scanner finds none. Iterative, so deeply nested input cannot overflow the stack.
 */
export function jsonErrorOffset(s: string): number | undefined {
  const n = s.length;
  const stack: number[] = [];
  let i = 0;
  type State = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'after';
  let state: State = 'value';
  const skipSpace = () => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  const string = (): number | undefined => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return i;
      if (c === 0x5c) {
        const e = s[i + 1];
        if (e === undefined) return n;
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) return n;
            if (!/[0-9a-fA-F]/.test(s[i + k]!)) return i + k;
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) return i + 1;
        i += 2;
        continue;
      }
      i++;
    }
    return n;
  };
  for (;;) {
    skipSpace();
    if (state === 'after') {
      if (stack.length === 0) return i >= n ? undefined : i;
      if (i >= n) return n;
      const c = s[i];
      const top = stack[stack.length - 1];
      if (c === ',') {
        i++;
        state = top === ARRAY ? 'value' : 'key';
      } else if ((top === ARRAY && c === ']') || (top === OBJECT && c === '}')) {
        i++;
        stack.pop();
      } else {
        return i;
      }
      continue;
    }
    if (i >= n) return n;
    const c = s[i]!;
    if (state === 'key' || state === 'key-or-end') {
      if (state === 'key-or-end' && c === '}') {
        i++;
        stack.pop();
        state = 'after';
        continue;
      }
      if (c !== '"') return i;
      const bad = string();
      if (bad !== undefined) return bad;
      skipSpace();
      if (i >= n) return n;
      if (s[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    // A value is expected.
    if (state === 'value-or-end' && c === ']') {
      i++;
      stack.pop();
      state = 'after';
      continue;
    }
    if (c === '{') {
      stack.push(OBJECT);
      i++;
      state = 'key-or-end';
    } else if (c === '[') {
      stack.push(ARRAY);
      i++;
      state = 'value-or-end';
    } else if (c === '"') {
      const bad = string();
      if (bad !== undefined) return bad;
      state = 'after';
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(s);
      if (!m) return c === '-' ? (i + 1 >= n ? n : i + 1) : i;
      i += m[0].length;
      state = 'after';
    } else {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
      if (!word) return i;
      for (let k = 0; k < word.length; k++) {
        if (i + k >= n) return n;
        if (s[i + k] !== word[k]) return i + k;
      }
      i += word.length;
      state = 'after';
    }
  }
}
