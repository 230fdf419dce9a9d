/**
 * The errors reading a scanner report can end in, shared by the readers: every one a DebshipError
 * (exit 2) naming the file, saying what is wrong and where in the document.
 */
import type { z } from 'zod';
import { DebshipError } from '../../core/errors.js';
import { formatPath, type Path } from '../../config/problems.js';
import { valueAt } from '../../config/validate.js';
import type { AuditFormat } from './model.js';

/** The report is not JSON, not a format debship reads, or not the shape its format has. */
export const AUDIT_REPORT_INVALID = 'audit-report-invalid';
/** The report is from a scanner version whose format debship does not read (npm 6). */
export const AUDIT_REPORT_UNSUPPORTED = 'audit-report-unsupported';
/** The report says the scan itself failed (npm could not reach the advisory service). */
export const AUDIT_SCANNER_FAILED = 'audit-scanner-failed';

/** True for the error a report saying "the scan failed" ends in, as opposed to a broken report. */
export function isScannerFailure(e: unknown): e is DebshipError {
  return e instanceof DebshipError && e.code === AUDIT_SCANNER_FAILED;
}

const FORMAT_NAMES: Record<AuditFormat, string> = {
  'pip-audit': 'pip-audit',
  'osv-scanner': 'osv-scanner',
  'npm-audit': 'npm audit',
};

const RERUN: Record<AuditFormat, string> = {
  'pip-audit': 'pip-audit --format json',
  'osv-scanner': 'osv-scanner scan --format json',
  'npm-audit': 'npm audit --json',
};

/** `message` names the file itself: `report.json is not valid JSON: …`. */
export function invalidReport(source: string, message: string, hint?: string, details: { line?: number; column?: number } = {}): DebshipError {
  return new DebshipError(AUDIT_REPORT_INVALID, message, {
    file: source,
    line: details.line,
    column: details.column,
    hint: hint ?? 'Pass the JSON report a scanner wrote (pip-audit, osv-scanner or npm audit), unchanged.',
  });
}

/** A report of a known format with something of the wrong type or missing at `path`. */
export function shapeError(source: string, format: AuditFormat, path: Path, problem: string): DebshipError {
  const shown = path.map((p) => (typeof p === 'string' && p.length > 40 ? `${p.slice(0, 40)}…` : p));
  const where = path.length ? `\`${formatPath(shown)}\` ` : '';
  return invalidReport(
    source,
    `${source} is not a valid ${FORMAT_NAMES[format]} report: ${where}${problem}`,
    `The file looks like ${FORMAT_NAMES[format]} JSON but does not follow its format; pass the output of \`${RERUN[format]}\` unchanged.`,
  );
}

/** The first problem zod found, in the user's terms. */
export function zodShapeError(source: string, format: AuditFormat, error: z.ZodError, root: unknown, base: Path = []): DebshipError {
  const { path, problem } = describeIssue(error.issues[0]!, root, base);
  return shapeError(source, format, path, problem);
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, root: unknown, base: Path): { path: Path; problem: string } {
  const path: Path = [...base, ...(issue.path as (string | number)[])];
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_type':
      return { path, problem: value === undefined ? `is missing (expected ${article(issue.expected)})` : `should be ${article(issue.expected)}, not ${describeValue(value)}` };
    case 'invalid_union': {
      // An object that failed inside an alternative was meant as the one it comes closest to:
      // fewest problems (a wrong value counting less than a missing key), then the one whose
      // problem lies deepest, as that alternative matched more of the object.
      if (value !== null && typeof value === 'object') {
        let best: Issue[] | undefined;
        let bestScore = Infinity;
        let bestDepth = -1;
        for (const branch of issue.errors) {
          if (branch.length === 0 || !branch.every((i) => i.path.length > 0)) continue;
          const score = branch.reduce((s, i) => s + (valueAt(root, [...path, ...(i.path as (string | number)[])]) === undefined ? 3 : 1), 0);
          const depth = Math.max(...branch.map((i) => i.path.length));
          if (score < bestScore || (score === bestScore && depth > bestDepth)) {
            best = branch;
            bestScore = score;
            bestDepth = depth;
          }
        }
        if (best) return describeIssue(best[0]!, root, path);
      }
      return { path, problem: value === undefined ? 'is missing' : `has the wrong type (${describeValue(value)})` };
    }
    default:
      return { path, problem: issue.message };
  }
}

function article(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'an object';
    case 'string':
    case 'number':
    case 'boolean':
      return `a ${expected}`;
    default:
      return expected;
  }
}

/** `a number (42)`, `a list`, `null`; strings shortened so a huge value does not flood the terminal. */
function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
    case 'number':
      return `a number (${v})`;
    case 'boolean':
      return `a boolean (${v})`;
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}
