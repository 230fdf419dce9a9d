/**
 * CVSS v4.0 scores, by the FIRST v4.0 specification's scoring method: the vector's
 * MacroVector (its six equivalence-class levels) gives a score from the specification's table,
 * which is then lowered in proportion to how far the vector sits from the MacroVector's
 * highest-severity vectors, relative to the next lower MacroVector of each class.
 *
 * The interpolation is computed in exact rational arithmetic and rounded half up to one
 * decimal, the result the specification's decimal description means (binary floating point
 * turns an exact 8.55 into 8.549999…).
 */
import { MACROVECTOR_SCORES, MAX_COMPOSED, MAX_SEVERITY, METRIC_LEVELS, type MaxVector } from './v4-data.js';
import { CvssError, anyDefined, metricOf, parseMetrics, type MetricTable } from './vector.js';

const BASE = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'] as const;
const THREAT = ['E'] as const;
const ENVIRONMENTAL = [
  'CR', 'IR', 'AR', 'MAV', 'MAC', 'MAT', 'MPR', 'MUI', 'MVC', 'MVI', 'MVA', 'MSC', 'MSI', 'MSA',
] as const;

/** Every v4.0 metric and its values, as the specification lists them. */
export const METRICS: MetricTable = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  AT: ['N', 'P'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'P', 'A'],
  VC: ['H', 'L', 'N'],
  VI: ['H', 'L', 'N'],
  VA: ['H', 'L', 'N'],
  SC: ['H', 'L', 'N'],
  SI: ['H', 'L', 'N'],
  SA: ['H', 'L', 'N'],
  E: ['X', 'A', 'P', 'U'],
  CR: ['X', 'H', 'M', 'L'],
  IR: ['X', 'H', 'M', 'L'],
  AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', 'N', 'A', 'L', 'P'],
  MAC: ['X', 'L', 'H'],
  MAT: ['X', 'N', 'P'],
  MPR: ['X', 'N', 'L', 'H'],
  MUI: ['X', 'N', 'P', 'A'],
  MVC: ['X', 'H', 'L', 'N'],
  MVI: ['X', 'H', 'L', 'N'],
  MVA: ['X', 'H', 'L', 'N'],
  MSC: ['X', 'H', 'L', 'N'],
  MSI: ['X', 'S', 'H', 'L', 'N'],
  MSA: ['X', 'S', 'H', 'L', 'N'],
  // Supplemental metrics: validated, never scored.
  S: ['X', 'N', 'P'],
  AU: ['X', 'N', 'Y'],
  R: ['X', 'A', 'U', 'I'],
  V: ['X', 'D', 'C'],
  RE: ['X', 'L', 'M', 'H'],
  U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
};

/** What Not Defined means for the metrics whose X is not "use the base value": the worst case. */
const WORST_CASE: Readonly<Record<string, string>> = { E: 'A', CR: 'H', IR: 'H', AR: 'H' };

export type Cvss4Nomenclature = 'CVSS-B' | 'CVSS-BT' | 'CVSS-BE' | 'CVSS-BTE';

export interface Cvss4Scores {
  score: number;
  /** The six equivalence-class levels EQ1…EQ6, e.g. `000200`. */
  macroVector: string;
  /** Which metric groups the score takes into account (the specification's nomenclature). */
  nomenclature: Cvss4Nomenclature;
}

/** The metric values scoring uses: modified metrics over base ones, worst cases for X. */
type Effective = (key: string) => string;

function equivalenceClasses(m: Effective, raw: (key: string) => string): [number, number, number, number, number, number] {
  const [av, pr, ui] = [m('AV'), m('PR'), m('UI')];
  const eq1 = av === 'N' && pr === 'N' && ui === 'N' ? 0 : (av === 'N' || pr === 'N' || ui === 'N') && av !== 'P' ? 1 : 2;
  const eq2 = m('AC') === 'L' && m('AT') === 'N' ? 0 : 1;
  const [vc, vi, va] = [m('VC'), m('VI'), m('VA')];
  const eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2;
  const eq4 =
    raw('MSI') === 'S' || raw('MSA') === 'S' ? 0 : m('SC') === 'H' || m('SI') === 'H' || m('SA') === 'H' ? 1 : 2;
  const eq5 = { A: 0, P: 1, U: 2 }[m('E')] ?? 0;
  const eq6 = (m('CR') === 'H' && vc === 'H') || (m('IR') === 'H' && vi === 'H') || (m('AR') === 'H' && va === 'H') ? 0 : 1;
  return [eq1, eq2, eq3, eq4, eq5, eq6];
}

/** Tenths of a MacroVector's score, undefined when no such MacroVector exists. */
function tenthsOf(levels: readonly number[]): number | undefined {
  const score = MACROVECTOR_SCORES[levels.join('')];
  return score === undefined ? undefined : Math.round(score * 10);
}

/**
 * Metric levels from the max vector down to the vector, summed over `keys`; undefined when the
 * vector is more severe than the max vector in one of them.
 */
function distanceTo(m: Effective, max: MaxVector, keys: readonly string[]): number | undefined {
  let total = 0;
  for (const key of keys) {
    const levels = METRIC_LEVELS[key];
    const own = levels?.[m(key)];
    const top = levels?.[max[key] ?? ''];
    if (own === undefined || top === undefined) throw new Error(`CVSS v4.0 level of ${key} unknown`);
    if (own < top) return undefined;
    total += own - top;
  }
  return total;
}

/**
 * The severity distance, in metric levels, from the first of `maxes` that is at least as severe
 * as the vector in every one of `keys` (the specification's order decides between several).
 */
function severityDistance(m: Effective, maxes: readonly MaxVector[], keys: readonly string[]): number {
  for (const max of maxes) {
    const distance = distanceTo(m, max, keys);
    if (distance !== undefined) return distance;
  }
  // Unreachable with the specification's data: a test checks every combination of values.
  throw new Error(`CVSS v4.0: no highest-severity vector dominates ${keys.map((key) => `${key}:${m(key)}`).join('/')}`);
}

/** Scores a `CVSS:4.0/…` vector (base, threat, environmental; supplemental metrics are ignored). */
export function scoreCvss4(vector: string): Cvss4Scores {
  const text = vector.trim();
  if (!text.startsWith('CVSS:4.0/')) throw new CvssError(vector, 'not a CVSS:4.0/ vector');
  const metrics = parseMetrics(vector, text.slice('CVSS:4.0/'.length), METRICS, BASE);
  const raw = (key: string): string => metricOf(metrics, key);
  const m: Effective = (key) => {
    const value = raw(key);
    if (value === 'X' && WORST_CASE[key]) return WORST_CASE[key];
    const modified = Object.hasOwn(METRICS, `M${key}`) ? raw(`M${key}`) : 'X';
    return modified === 'X' ? value : modified;
  };

  const threat = anyDefined(metrics, THREAT);
  const environmental = anyDefined(metrics, ENVIRONMENTAL);
  const nomenclature: Cvss4Nomenclature = `CVSS-B${threat ? 'T' : ''}${environmental ? 'E' : ''}` as Cvss4Nomenclature;
  const levels = equivalenceClasses(m, raw);
  const [eq1, eq2, eq3, eq4, eq5, eq6] = levels;
  const macroVector = levels.join('');

  // No impact on any system scores 0.0 whatever the exploitability.
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((key) => m(key) === 'N')) {
    return { score: 0, macroVector, nomenclature };
  }

  const value = tenthsOf(levels);
  if (value === undefined) throw new Error(`CVSS v4.0 MacroVector ${macroVector} has no score`);
  const withLevel = (index: number, level: number): number[] => levels.map((l, i) => (i === index ? level : l));

  // The next lower MacroVector of EQ3+EQ6 moves along the joint order 00 → {01, 10} → 11 → 21.
  let lowerEq3eq6: number | undefined;
  if (eq3 === 0 && eq6 === 0) {
    const left = tenthsOf(withLevel(5, 1));
    const right = tenthsOf(withLevel(2, 1));
    lowerEq3eq6 = left === undefined ? right : right === undefined ? left : Math.max(left, right);
  } else if (eq3 === 1 && eq6 === 0) {
    lowerEq3eq6 = tenthsOf(withLevel(5, 1));
  } else if (eq3 <= 1 && eq6 === 1) {
    lowerEq3eq6 = tenthsOf(withLevel(2, eq3 + 1));
  }
  const eq3eq6 = `${eq3}${eq6}`;

  // Each equivalence class: score drop to the next lower MacroVector (tenths), the vector's
  // severity distance and the class's depth (metric levels).
  const classes: { drop: number | undefined; distance: number; depth: number }[] = [
    {
      drop: lower(value, tenthsOf(withLevel(0, eq1 + 1))),
      distance: severityDistance(m, MAX_COMPOSED.eq1[eq1] ?? [], ['AV', 'PR', 'UI']),
      depth: MAX_SEVERITY.eq1[eq1] ?? 1,
    },
    {
      drop: lower(value, tenthsOf(withLevel(1, eq2 + 1))),
      distance: severityDistance(m, MAX_COMPOSED.eq2[eq2] ?? [], ['AC', 'AT']),
      depth: MAX_SEVERITY.eq2[eq2] ?? 1,
    },
    {
      drop: lower(value, lowerEq3eq6),
      distance: severityDistance(m, MAX_COMPOSED.eq3eq6[eq3eq6] ?? [], ['VC', 'VI', 'VA', 'CR', 'IR', 'AR']),
      depth: MAX_SEVERITY.eq3eq6[eq3eq6] ?? 1,
    },
    {
      drop: lower(value, tenthsOf(withLevel(3, eq4 + 1))),
      distance: severityDistance(m, MAX_COMPOSED.eq4[eq4] ?? [], ['SC', 'SI', 'SA']),
      depth: MAX_SEVERITY.eq4[eq4] ?? 1,
    },
    // EQ5 (threat) counts towards the mean when a lower MacroVector exists, with distance 0.
    { drop: lower(value, tenthsOf(withLevel(4, eq5 + 1))), distance: 0, depth: 1 },
  ];

  // score = value − mean over existing classes of drop × distance ∕ depth, exactly:
  // numerator ∕ denominator tenths, with denominator = n × product of the depths.
  const existing = classes.filter((c): c is { drop: number; distance: number; depth: number } => c.drop !== undefined);
  if (existing.length === 0) return { score: value / 10, macroVector, nomenclature };
  const depths = existing.reduce((product, c) => product * c.depth, 1);
  const denominator = existing.length * depths;
  const lowered = existing.reduce((sum, c) => sum + c.drop * c.distance * (depths / c.depth), 0);
  const numerator = value * denominator - lowered;
  // Half up: floor(numerator / denominator + 1/2).
  const tenths = Math.floor((2 * numerator + denominator) / (2 * denominator));
  return { score: Math.min(100, Math.max(0, tenths)) / 10, macroVector, nomenclature };
}

function lower(value: number, next: number | undefined): number | undefined {
  return next === undefined ? undefined : value - next;
}
