/**
 * CVSS v2 scores, from the equations of "A Complete Guide to the Common Vulnerability Scoring
 * System Version 2.0" (FIRST, section 3.2): base, temporal and environmental.
 */
import { CvssError, metricOf, parseMetrics, roundToTenth, type MetricTable } from './vector.js';

const BASE = ['AV', 'AC', 'Au', 'C', 'I', 'A'] as const;
const TEMPORAL = ['E', 'RL', 'RC'] as const;
const ENVIRONMENTAL = ['CDP', 'TD', 'CR', 'IR', 'AR'] as const;

const METRICS: MetricTable = {
  AV: ['L', 'A', 'N'],
  AC: ['H', 'M', 'L'],
  Au: ['M', 'S', 'N'],
  C: ['N', 'P', 'C'],
  I: ['N', 'P', 'C'],
  A: ['N', 'P', 'C'],
  E: ['U', 'POC', 'F', 'H', 'ND'],
  RL: ['OF', 'TF', 'W', 'U', 'ND'],
  RC: ['UC', 'UR', 'C', 'ND'],
  CDP: ['N', 'L', 'LM', 'MH', 'H', 'ND'],
  TD: ['N', 'L', 'M', 'H', 'ND'],
  CR: ['L', 'M', 'H', 'ND'],
  IR: ['L', 'M', 'H', 'ND'],
  AR: ['L', 'M', 'H', 'ND'],
};

// Metric weights, v2 guide section 3.2.
const ACCESS_VECTOR: Record<string, number> = { L: 0.395, A: 0.646, N: 1.0 };
const ACCESS_COMPLEXITY: Record<string, number> = { H: 0.35, M: 0.61, L: 0.71 };
const AUTHENTICATION: Record<string, number> = { M: 0.45, S: 0.56, N: 0.704 };
const IMPACT: Record<string, number> = { N: 0.0, P: 0.275, C: 0.66 };
const EXPLOITABILITY: Record<string, number> = { U: 0.85, POC: 0.9, F: 0.95, H: 1.0, ND: 1.0 };
const REMEDIATION_LEVEL: Record<string, number> = { OF: 0.87, TF: 0.9, W: 0.95, U: 1.0, ND: 1.0 };
const REPORT_CONFIDENCE: Record<string, number> = { UC: 0.9, UR: 0.95, C: 1.0, ND: 1.0 };
const COLLATERAL_DAMAGE: Record<string, number> = { N: 0, L: 0.1, LM: 0.3, MH: 0.4, H: 0.5, ND: 0 };
const TARGET_DISTRIBUTION: Record<string, number> = { N: 0, L: 0.25, M: 0.75, H: 1.0, ND: 1.0 };
const REQUIREMENT: Record<string, number> = { L: 0.5, M: 1.0, H: 1.51, ND: 1.0 };

export interface Cvss2Scores {
  base: number;
  /** Present when the vector gives a temporal metric other than ND. */
  temporal?: number;
  /** Present when the vector gives an environmental metric other than ND. */
  environmental?: number;
  /** The most specific of the three: environmental, else temporal, else base. */
  score: number;
}

/**
 * Scores a v2 vector: bare (`AV:N/AC:L/Au:N/C:P/I:P/A:P`), in parentheses as NVD prints it
 * (`(AV:N/…)`), or with a `CVSS:2.0/` prefix.
 */
export function scoreCvss2(vector: string): Cvss2Scores {
  let body = vector.trim();
  if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1);
  if (body.startsWith('CVSS:2.0/')) body = body.slice('CVSS:2.0/'.length);
  else if (body.startsWith('CVSS:')) throw new CvssError(vector, 'not a CVSS v2 vector');
  const metrics = parseMetrics(vector, body, METRICS, BASE);
  const m = (key: string): string => {
    const value = metricOf(metrics, key);
    return value === 'X' ? 'ND' : value;
  };
  const weight = (table: Record<string, number>, key: string): number => table[m(key)] ?? 1;

  const exploitability =
    20 * weight(ACCESS_VECTOR, 'AV') * weight(ACCESS_COMPLEXITY, 'AC') * weight(AUTHENTICATION, 'Au');
  const baseFor = (impact: number): number =>
    roundToTenth((0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176));
  const temporalFor = (base: number): number =>
    roundToTenth(base * weight(EXPLOITABILITY, 'E') * weight(REMEDIATION_LEVEL, 'RL') * weight(REPORT_CONFIDENCE, 'RC'));

  const c = weight(IMPACT, 'C');
  const i = weight(IMPACT, 'I');
  const a = weight(IMPACT, 'A');
  const base = baseFor(10.41 * (1 - (1 - c) * (1 - i) * (1 - a)));
  const scores: Cvss2Scores = { base, score: base };
  const defined = (keys: readonly string[]): boolean => keys.some((key) => m(key) !== 'ND');

  if (defined(TEMPORAL)) {
    scores.temporal = temporalFor(base);
    scores.score = scores.temporal;
  }
  if (defined(ENVIRONMENTAL)) {
    const adjustedImpact = Math.min(
      10,
      10.41 *
        (1 -
          (1 - c * weight(REQUIREMENT, 'CR')) * (1 - i * weight(REQUIREMENT, 'IR')) * (1 - a * weight(REQUIREMENT, 'AR'))),
    );
    const adjustedTemporal = temporalFor(baseFor(adjustedImpact));
    scores.environmental = roundToTenth(
      (adjustedTemporal + (10 - adjustedTemporal) * weight(COLLATERAL_DAMAGE, 'CDP')) * weight(TARGET_DISTRIBUTION, 'TD'),
    );
    scores.score = scores.environmental;
  }
  return scores;
}
