/**
 * Decides a finding's severity: the newest CVSS vector wins (v4.0, then v3.x, then v2), then a
 * database rating (GHSA "HIGH", npm "moderate"), else unknown.
 */
import type { SeverityRating } from './model.js';

/** What a scanner tells us about an advisory's severity, all optional. */
export interface SeverityInput {
  /** CVSS vectors as found, e.g. `CVSS:3.1/AV:N/…`, `CVSS:4.0/…`, or a bare v2 `AV:N/AC:L/…`. */
  vectors?: string[];
  /** A database's word: critical/high/moderate/medium/low (any case). */
  databaseSeverity?: string;
  /** A numeric score without a vector (osv-scanner's max_severity). */
  score?: number;
}

export function rateSeverity(input: SeverityInput): SeverityRating {
  void input;
  throw new Error('not implemented yet');
}
