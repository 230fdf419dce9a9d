/**
 * Decides a finding's severity: the newest CVSS vector wins (v4.0, then v3.x, then v2), then a
 * database rating (GHSA "HIGH", npm "moderate"), else unknown.
 */
import { severityBand, tryScoreCvss, type CvssScore, type CvssVersion } from './cvss/index.js';
import type { Severity, SeverityRating } from './model.js';

/** What a scanner tells us about an advisory's severity, all optional. */
export interface SeverityInput {
  /** CVSS vectors as found, e.g. `CVSS:3.1/AV:N/…`, `CVSS:4.0/…`, or a bare v2 `AV:N/AC:L/…`. */
  vectors?: string[];
  /** A database's word: critical/high/moderate/medium/low (any case). */
  databaseSeverity?: string;
  /** A numeric score without a vector (osv-scanner's max_severity). */
  score?: number;
}

/** Newer CVSS versions first; among vectors of one version the first given wins. */
const VERSION_RANK: Record<CvssVersion, number> = { '4.0': 4, '3.1': 3, '3.0': 2, '2.0': 1 };
const FROM: Record<CvssVersion, SeverityRating['from']> = {
  '4.0': 'cvss-v4',
  '3.1': 'cvss-v3',
  '3.0': 'cvss-v3',
  '2.0': 'cvss-v2',
};

/** Database words: GHSA/OSV (LOW, MODERATE, HIGH, CRITICAL), npm audit (info … critical), Ubuntu (negligible). */
const DATABASE_WORDS: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  // Ubuntu's priority words, which OSV records of Ubuntu advisories carry.
  negligible: 'low',
  // Informational advisories carry no risk rating; "low" would overstate them.
  info: 'none',
  informational: 'none',
  none: 'none',
};

export function rateSeverity(input: SeverityInput): SeverityRating {
  let best: { vector: string; scored: CvssScore } | undefined;
  for (const given of input.vectors ?? []) {
    const vector = given.trim();
    // A vector that does not parse says nothing; the next one (or the database) decides.
    const scored = tryScoreCvss(vector);
    if (scored && (!best || VERSION_RANK[scored.version] > VERSION_RANK[best.scored.version])) best = { vector, scored };
  }
  if (best) {
    const { scored, vector } = best;
    return { severity: scored.severity, score: scored.score, vector, from: FROM[scored.version] };
  }

  const score = input.score;
  if (typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= 10) {
    return { severity: severityBand(score), score, from: 'database' };
  }

  const word = input.databaseSeverity?.trim().toLowerCase();
  const severity = word !== undefined && Object.hasOwn(DATABASE_WORDS, word) ? DATABASE_WORDS[word] : undefined;
  if (severity) return { severity, from: 'database' };

  return { severity: 'unknown', from: 'none' };
}
