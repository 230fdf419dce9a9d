/**
 * CVSS scores computed from vector strings, for every version scanners report: v4.0, v3.1,
 * v3.0 and v2. The version comes from the vector's prefix (`CVSS:4.0/`, `CVSS:3.1/`,
 * `CVSS:3.0/`; a v2 vector is bare, in parentheses or `CVSS:2.0/`).
 */
import { scoreCvss2 } from './v2.js';
import { scoreCvss3 } from './v3.js';
import { scoreCvss4 } from './v4.js';
import { CvssError, severityBand, type CvssSeverity, type CvssVersion } from './vector.js';

export { CvssError, severityBand, type CvssSeverity, type CvssVersion } from './vector.js';
export { scoreCvss2, type Cvss2Scores } from './v2.js';
export { scoreCvss3, type Cvss3Scores } from './v3.js';
export { scoreCvss4, type Cvss4Scores } from './v4.js';

export interface CvssScore {
  version: CvssVersion;
  /** The vector's most specific score: environmental, else temporal/threat, else base. */
  score: number;
  /** The qualitative rating of `score`; v2 has no critical (NVD's v2 bands). */
  severity: CvssSeverity;
}

/** The version a vector's prefix names, or undefined when it names none this module scores. */
export function cvssVersionOf(vector: string): CvssVersion | undefined {
  const text = vector.trim();
  const prefix = /^CVSS:(\d+\.\d+)\//.exec(text)?.[1];
  if (prefix === '4.0' || prefix === '3.1' || prefix === '3.0' || prefix === '2.0') return prefix;
  if (prefix === undefined && /^\(?AV:/.test(text)) return '2.0';
  return undefined;
}

/**
 * NVD's qualitative rating of a v2 score: 0.0–3.9 low, 4.0–6.9 medium, 7.0–10.0 high
 * (v2 defines no critical and no none).
 */
export function severityBandV2(score: number): CvssSeverity {
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

/** Scores a CVSS vector of any supported version; throws a CvssError when it is not valid. */
export function scoreCvss(vector: string): CvssScore {
  const version = cvssVersionOf(vector);
  switch (version) {
    case '4.0': {
      const { score } = scoreCvss4(vector);
      return { version, score, severity: severityBand(score) };
    }
    case '3.1':
    case '3.0': {
      const { score } = scoreCvss3(vector);
      return { version, score, severity: severityBand(score) };
    }
    case '2.0': {
      const { score } = scoreCvss2(vector);
      return { version, score, severity: severityBandV2(score) };
    }
    default:
      throw new CvssError(vector, 'expected a CVSS:4.0/, CVSS:3.1/, CVSS:3.0/ prefix or a v2 vector (AV:…)');
  }
}

/** scoreCvss, undefined instead of an error for a vector that is not valid. */
export function tryScoreCvss(vector: string): CvssScore | undefined {
  try {
    return scoreCvss(vector);
  } catch (e) {
    if (e instanceof CvssError) return undefined;
    throw e;
  }
}
