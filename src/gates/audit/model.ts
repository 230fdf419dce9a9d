/**
 * The vulnerability model every scanner report is read into: one Finding per (package, advisory),
 * whatever the scanner, so one policy decides what is actionable.
 */

export type Ecosystem = 'PyPI' | 'npm' | (string & {});

/** Severity words, worst first; `unknown` when no score, vector or database rating exists. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What an attacker gets; the policy can make a category actionable whatever the severity. */
export const CATEGORIES = [
  'code-execution',
  'privilege-escalation',
  'sql-injection',
  'injection',
  'path-traversal',
  'ssrf',
  'denial-of-service',
  'information-disclosure',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How the severity was decided, so the report can say why. */
export interface SeverityRating {
  severity: Severity;
  /** Base score 0.0–10.0 when computed from a CVSS vector or given as a number. */
  score?: number;
  /** The vector it was computed from, e.g. `CVSS:3.1/AV:N/AC:L/...` or `CVSS:4.0/...`. */
  vector?: string;
  /** `cvss-v4`, `cvss-v3`, `cvss-v2`, `database` (GHSA/npm/osv database_specific), or `none`. */
  from: 'cvss-v4' | 'cvss-v3' | 'cvss-v2' | 'database' | 'none';
}

export interface Finding {
  package: string;
  /** The installed version; npm audit reports only the affected range, kept in `affectedRange`. */
  version?: string;
  affectedRange?: string;
  ecosystem: Ecosystem;
  /** The advisory's own id (PYSEC-…, GHSA-…, CVE-…, npm advisory number as `npm:1234`). */
  id: string;
  /** Other ids for the same advisory (CVE-…, GHSA-…). */
  aliases: string[];
  /** Versions that fix it, lowest first; empty when no fix is known. */
  fixedVersions: string[];
  rating: SeverityRating;
  cwes: string[];
  category: Category;
  title?: string;
  description?: string;
  url?: string;
  /** A package that is not from the registry (editable install, local path, git, workspace link). */
  local: boolean;
  /** The report it came from and the scanner that wrote it. */
  source: string;
  scanner: AuditFormat;
}

export type AuditFormat = 'pip-audit' | 'osv-scanner' | 'npm-audit';

/** A dependency the scanner could not audit (pip-audit's skip_reason). Shown, never actionable. */
export interface Skipped {
  package: string;
  version?: string;
  reason: string;
  source: string;
}

export interface AuditReport {
  source: string;
  format: AuditFormat;
  findings: Finding[];
  skipped: Skipped[];
}
