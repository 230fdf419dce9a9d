/**
 * CVSS v3.0 and v3.1 scores, from section 7 of the FIRST specification documents: base,
 * temporal and environmental equations. The two versions share the equations except for
 * Roundup (v3.1 Appendix A rounds in integer arithmetic; v3.0 takes the plain ceiling to one
 * decimal) and the Modified Impact of a changed Modified Scope (v3.1 changed its exponent).
 */
import { CvssError, anyDefined, metricOf, parseMetrics, type MetricTable } from './vector.js';

const BASE = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
const TEMPORAL = ['E', 'RL', 'RC'] as const;
const ENVIRONMENTAL = ['CR', 'IR', 'AR', 'MAV', 'MAC', 'MPR', 'MUI', 'MS', 'MC', 'MI', 'MA'] as const;

const METRICS: MetricTable = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
  E: ['X', 'H', 'F', 'P', 'U'],
  RL: ['X', 'U', 'W', 'T', 'O'],
  RC: ['X', 'C', 'R', 'U'],
  CR: ['X', 'H', 'M', 'L'],
  IR: ['X', 'H', 'M', 'L'],
  AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', 'N', 'A', 'L', 'P'],
  MAC: ['X', 'L', 'H'],
  MPR: ['X', 'N', 'L', 'H'],
  MUI: ['X', 'N', 'R'],
  MS: ['X', 'U', 'C'],
  MC: ['X', 'H', 'L', 'N'],
  MI: ['X', 'H', 'L', 'N'],
  MA: ['X', 'H', 'L', 'N'],
};

// Metric weights, specification section 7.4.
const ATTACK_VECTOR: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const ATTACK_COMPLEXITY: Record<string, number> = { L: 0.77, H: 0.44 };
const PRIVILEGES_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PRIVILEGES_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };
const USER_INTERACTION: Record<string, number> = { N: 0.85, R: 0.62 };
const CIA: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };
const EXPLOIT_MATURITY: Record<string, number> = { X: 1, H: 1, F: 0.97, P: 0.94, U: 0.91 };
const REMEDIATION_LEVEL: Record<string, number> = { X: 1, U: 1, W: 0.97, T: 0.96, O: 0.95 };
const REPORT_CONFIDENCE: Record<string, number> = { X: 1, C: 1, R: 0.96, U: 0.92 };
const REQUIREMENT: Record<string, number> = { X: 1, H: 1.5, M: 1, L: 0.5 };

export type Cvss3Version = '3.0' | '3.1';

export interface Cvss3Scores {
  version: Cvss3Version;
  base: number;
  /** Present when the vector gives a temporal metric other than X. */
  temporal?: number;
  /** Present when the vector gives an environmental metric other than X. */
  environmental?: number;
  /** The most specific of the three: environmental, else temporal, else base. */
  score: number;
}

/**
 * v3.1 Roundup (Appendix A): the smallest one-decimal number not below the input, computed on
 * integers so that 4.000000000000001 (floating point noise) stays 4.0.
 */
export function roundup31(value: number): number {
  const scaled = Math.round(value * 100_000);
  if (scaled % 10_000 === 0) return scaled / 100_000;
  return (Math.floor(scaled / 10_000) + 1) / 10;
}

/** v3.0 Roundup: the plain ceiling to one decimal, floating point noise included. */
export function roundup30(value: number): number {
  return Math.ceil(value * 10) / 10;
}

/** Scores a `CVSS:3.0/…` or `CVSS:3.1/…` vector. */
export function scoreCvss3(vector: string): Cvss3Scores {
  const text = vector.trim();
  const match = /^CVSS:(3\.[01])\/(.*)$/s.exec(text);
  if (!match) throw new CvssError(vector, 'not a CVSS:3.0/ or CVSS:3.1/ vector');
  const version = match[1] as Cvss3Version;
  const metrics = parseMetrics(vector, match[2] ?? '', METRICS, BASE);
  const roundup = version === '3.1' ? roundup31 : roundup30;
  const m = (key: string): string => metricOf(metrics, key);
  /** A modified metric's value, the base metric's when it is Not Defined. */
  const modified = (key: string): string => {
    const value = m(`M${key}`);
    return value === 'X' ? m(key) : value;
  };
  const w = (table: Record<string, number>, value: string): number => {
    const weight = table[value];
    if (weight === undefined) throw new CvssError(vector, `no weight for ${value}`);
    return weight;
  };
  const temporalFactor = w(EXPLOIT_MATURITY, m('E')) * w(REMEDIATION_LEVEL, m('RL')) * w(REPORT_CONFIDENCE, m('RC'));
  /** The Exploitability sub-score of the base metrics, or of the modified ones (sections 7.1, 7.3). */
  const exploitabilityOf = (get: (key: string) => string, scopeChanged: boolean): number =>
    8.22 *
    w(ATTACK_VECTOR, get('AV')) *
    w(ATTACK_COMPLEXITY, get('AC')) *
    w(scopeChanged ? PRIVILEGES_CHANGED : PRIVILEGES_UNCHANGED, get('PR')) *
    w(USER_INTERACTION, get('UI'));

  // Base (section 7.1).
  const changed = m('S') === 'C';
  const iss = 1 - (1 - w(CIA, m('C'))) * (1 - w(CIA, m('I'))) * (1 - w(CIA, m('A')));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = exploitabilityOf(m, changed);
  const base =
    impact <= 0 ? 0 : roundup(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
  const scores: Cvss3Scores = { version, base, score: base };

  // Temporal (section 7.2).
  if (anyDefined(metrics, TEMPORAL)) {
    scores.temporal = roundup(base * temporalFactor);
    scores.score = scores.temporal;
  }

  // Environmental (section 7.3).
  if (anyDefined(metrics, ENVIRONMENTAL)) {
    const modifiedChanged = modified('S') === 'C';
    const miss = Math.min(
      1 -
        (1 - w(REQUIREMENT, m('CR')) * w(CIA, modified('C'))) *
          (1 - w(REQUIREMENT, m('IR')) * w(CIA, modified('I'))) *
          (1 - w(REQUIREMENT, m('AR')) * w(CIA, modified('A'))),
      0.915,
    );
    let modifiedImpact: number;
    if (!modifiedChanged) modifiedImpact = 6.42 * miss;
    else if (version === '3.1') modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
    else modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15);
    const modifiedExploitability = exploitabilityOf(modified, modifiedChanged);
    scores.environmental =
      modifiedImpact <= 0
        ? 0
        : roundup(
            roundup(Math.min((modifiedChanged ? 1.08 : 1) * (modifiedImpact + modifiedExploitability), 10)) *
              temporalFactor,
          );
    scores.score = scores.environmental;
  }
  return scores;
}
