/**
 * What the three CVSS versions share: reading `KEY:VALUE/KEY:VALUE` vector strings against a
 * version's metric table, the qualitative severity bands, and rounding to one decimal.
 */

export type CvssVersion = '2.0' | '3.0' | '3.1' | '4.0';
export type CvssSeverity = 'critical' | 'high' | 'medium' | 'low' | 'none';

/** A vector string that is not a valid CVSS vector of the version its prefix names. */
export class CvssError extends Error {
  /** The vector as given. */
  readonly vector: string;
  constructor(vector: string, reason: string) {
    super(`invalid CVSS vector ${JSON.stringify(vector)}: ${reason}`);
    this.name = 'CvssError';
    this.vector = vector;
  }
}

/** A version's metrics: each key with the values the specification allows for it. */
export type MetricTable = Readonly<Record<string, readonly string[]>>;

/**
 * Reads the metric part of a vector (everything after the version prefix) into key → value.
 * Every metric must be known, appear once and carry an allowed value; every key in `mandatory`
 * must be present. Metrics may come in any order (scanners do not all keep the specification's).
 */
export function parseMetrics(
  vector: string,
  body: string,
  table: MetricTable,
  mandatory: readonly string[],
): Map<string, string> {
  const metrics = new Map<string, string>();
  if (body === '') throw new CvssError(vector, 'no metrics');
  for (const part of body.split('/')) {
    const colon = part.indexOf(':');
    if (colon <= 0) throw new CvssError(vector, `"${part}" is not a METRIC:VALUE pair`);
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    const allowed = Object.hasOwn(table, key) ? table[key] : undefined;
    if (!allowed) throw new CvssError(vector, `unknown metric ${key}`);
    if (metrics.has(key)) throw new CvssError(vector, `metric ${key} given twice`);
    if (!allowed.includes(value)) {
      throw new CvssError(vector, `${key}:${value} is not allowed (${key} takes ${allowed.join(', ')})`);
    }
    metrics.set(key, value);
  }
  const missing = mandatory.filter((key) => !metrics.has(key));
  if (missing.length > 0) throw new CvssError(vector, `missing base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return metrics;
}

/** The value of a metric, `X` (Not Defined) when the vector leaves it out. */
export function metricOf(metrics: ReadonlyMap<string, string>, key: string): string {
  return metrics.get(key) ?? 'X';
}

/** True when any of `keys` is given a value other than `X` (Not Defined). */
export function anyDefined(metrics: ReadonlyMap<string, string>, keys: readonly string[]): boolean {
  return keys.some((key) => metricOf(metrics, key) !== 'X');
}

/**
 * The CVSS v3.x/v4.0 qualitative severity rating scale: 0.0 none, 0.1–3.9 low, 4.0–6.9 medium,
 * 7.0–8.9 high, 9.0–10.0 critical.
 */
export function severityBand(score: number): CvssSeverity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

/**
 * Rounds to one decimal, halves up, as the v2 guide's round_to_1_decimal intends. The value is
 * first snapped to six decimals so binary floating point noise (9.149999999999999 for an exact
 * 9.15) does not decide the rounding; no CVSS score has meaningful digits that far down.
 */
export function roundToTenth(value: number): number {
  const micro = Math.round(value * 1e6);
  return Math.floor((micro + 50_000) / 100_000) / 10;
}
