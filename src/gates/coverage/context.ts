/**
 * What every report reader shares: the report's path for error locations, a hint saying how to
 * produce a valid report of that format, and the checks that keep hostile numbers out of the model.
 */
import { DebshipError, ExitCode } from '../../core/errors.js';
import type { FileCoverage } from './model.js';
import type { PathResolver } from './paths.js';

/** How to produce a valid report, per format, for error hints. */
export const HINTS = {
  lcov: "produce lcov with `vitest run --coverage.reporter=lcov` (coverage/lcov.info) or coverage.py's `coverage lcov`",
  cobertura: "produce Cobertura XML with coverage.py's `coverage xml` (or another tool's Cobertura reporter)",
  istanbul:
    "produce istanbul JSON with `vitest run --coverage.reporter=json` (coverage-final.json) or `--coverage.reporter=json-summary` (coverage-summary.json), or coverage.py's with `coverage json`",
  any: "pass an lcov, Cobertura XML, istanbul JSON or coverage.py JSON report, e.g. from `vitest run --coverage.reporter=lcov` or coverage.py's `coverage xml`",
} as const;

/** A reader fed a streamed report a chunk at a time (lcov, Cobertura). */
export interface ChunkReader {
  write(chunk: string): void;
  /** The report's files, in path order. */
  end(): FileCoverage[];
}

/** Far beyond any real source file; larger line numbers are damage or an attack, not coverage. */
export const MAX_LINE = 10_000_000;

export class ReportContext {
  constructor(
    /** The report's path as the user gave it, for error locations. */
    readonly file: string,
    readonly hint: string,
    readonly paths: PathResolver,
  ) {}

  fail(message: string, line?: number, column?: number, cause?: unknown): DebshipError {
    return new DebshipError('coverage-report-invalid', message, {
      file: this.file,
      line,
      column,
      hint: this.hint,
      exitCode: ExitCode.usage,
      cause,
    });
  }
}

/**
 * A line number from a report, or undefined when it is not one. Branch lines may be 0: coverage.py
 * 6.5's lcov puts branches that leave the function on line 0, and they still count toward totals.
 */
export function lineNumber(value: unknown, allowZero = false): number | undefined {
  const n = typeof value === 'string' ? decimal(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n > MAX_LINE || n < (allowZero ? 0 : 1)) return undefined;
  return n;
}

/** A hit count (a non-negative safe integer), or undefined when it is not one. */
export function hitCount(value: unknown): number | undefined {
  const n = typeof value === 'string' ? decimal(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) return undefined;
  return n;
}

/**
 * Plain decimal digits only: Number() would also take "", " 1", "0x10", "1e3" and "Infinity".
 * A loop rather than a regular expression: lcov reports hold millions of these.
 */
function decimal(s: string): number | undefined {
  if (s.length === 0 || s.length > 16) return undefined;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
  }
  return n;
}

/** Quoted and cut short, so a damaged value cannot flood the error message. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}
