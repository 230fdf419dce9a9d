/**
 * Which scanner wrote a report, from its content (file names say nothing reliable):
 * - pip-audit: `{"dependencies": [...], "fixes": [...]}`, or before pip-audit 2.0 a top-level
 *   list of `{"name", "version", "vulns"}` / `{"name", "skip_reason"}`;
 * - osv-scanner: `{"results": [...]}`;
 * - npm audit (npm 7 and later): `{"auditReportVersion": 2, "vulnerabilities": {...}}`;
 * - npm's error object, written instead of a report when the audit request failed:
 *   `{"message": "405 Method Not Allowed - POST …", "statusCode": 405, …}` or
 *   `{"error": {"code": "ENOAUDIT", "summary": …, "detail": …}}`.
 */
import type { AuditFormat } from './model.js';

/** Messages complete a sentence whose subject is the file: `report.json is …`. */
export type Detected =
  | { kind: 'report'; format: AuditFormat }
  | { kind: 'npm-error' }
  | { kind: 'unsupported'; message: string; hint: string }
  | { kind: 'unknown'; message: string };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function has(o: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

export function detectFormat(doc: unknown): Detected {
  if (Array.isArray(doc)) {
    const first: unknown = doc[0];
    if (isObject(first) && has(first, 'name') && (has(first, 'vulns') || has(first, 'skip_reason'))) return { kind: 'report', format: 'pip-audit' };
    if (doc.length === 0) {
      return {
        kind: 'unknown',
        message: 'is an empty JSON list: no scanner debship reads writes that for an audit',
      };
    }
    return { kind: 'unknown', message: 'is a JSON list, but not of pip-audit dependencies (`{"name", "version", "vulns"}`)' };
  }
  if (!isObject(doc)) return { kind: 'unknown', message: `is ${kindOf(doc)}, not a scanner's JSON report` };

  if (has(doc, 'auditReportVersion')) {
    if (doc.auditReportVersion === 2) return { kind: 'report', format: 'npm-audit' };
    return {
      kind: 'unsupported',
      message: `is npm audit report version ${String(JSON.stringify(doc.auditReportVersion)).slice(0, 40)}, which debship does not read (it reads version 2)`,
      hint: 'Run `npm audit --json` with npm 7 or later, which writes auditReportVersion 2.',
    };
  }
  if (has(doc, 'advisories') && (has(doc, 'actions') || has(doc, 'muted'))) {
    return {
      kind: 'unsupported',
      message: 'is an npm 6 audit report (`advisories` and `actions`), which debship does not read',
      hint: 'Run `npm audit --json` with npm 7 or later, which writes auditReportVersion 2.',
    };
  }
  if (isNpmError(doc)) return { kind: 'npm-error' };
  // A manifest or lockfile given by mistake also has `dependencies`: name it, not "a bad pip-audit report".
  if (has(doc, 'lockfileVersion') || (has(doc, 'name') && has(doc, 'version') && !Array.isArray(doc.dependencies))) {
    return {
      kind: 'unsupported',
      message: `is an npm ${has(doc, 'lockfileVersion') ? 'lockfile' : 'package.json'}, not a scanner's report`,
      hint: 'Give the report the scanner writes: `npm audit --json > npm-audit.json`, then `debship gate audit npm-audit.json`.',
    };
  }
  if (has(doc, 'dependencies')) return { kind: 'report', format: 'pip-audit' };
  if (has(doc, 'results')) return { kind: 'report', format: 'osv-scanner' };
  if (has(doc, 'vulnerabilities') && has(doc, 'metadata')) return { kind: 'report', format: 'npm-audit' };

  const keys = Object.keys(doc);
  const shown = keys.slice(0, 5).map((k) => `\`${k.length > 30 ? `${k.slice(0, 30)}…` : k}\``).join(', ');
  return {
    kind: 'unknown',
    message:
      'is not a report debship reads: expected pip-audit (`dependencies`), osv-scanner (`results`) or npm audit (`auditReportVersion`) JSON' +
      (keys.length ? `; its top-level keys are ${shown}${keys.length > 5 ? `, … (${keys.length} in all)` : ''}` : '; it is an empty object'),
  };
}

/** npm's JSON for a failed audit: the HTTP error of the advisory request, or npm's own error. */
function isNpmError(doc: Json): boolean {
  if (has(doc, 'vulnerabilities') || has(doc, 'results') || has(doc, 'dependencies')) return false;
  const error = doc.error;
  if (isObject(error) && (has(error, 'code') || has(error, 'summary') || has(error, 'detail'))) return true;
  return typeof doc.message === 'string' && (has(doc, 'statusCode') || has(doc, 'method') || has(doc, 'uri'));
}

function kindOf(v: unknown): string {
  if (v === null) return 'JSON null';
  if (typeof v === 'string') return 'a JSON string';
  if (typeof v === 'number') return 'a JSON number';
  if (typeof v === 'boolean') return 'a JSON boolean';
  return typeof v;
}
