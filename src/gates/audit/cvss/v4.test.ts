import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRICS, scoreCvss4 } from './v4.js';
import { MACROVECTOR_SCORES, MAX_COMPOSED, MAX_SEVERITY, METRIC_LEVELS } from './v4-data.js';
import { CvssError } from './vector.js';

// More vectors with published scores are in v4-reference.test.ts (FIRST's validation set).

describe('CVSS v4.0 published examples', () => {
  it('FIRST v4.0 specification: network, no privileges, high impact on the vulnerable system only = 9.3', () => {
    expect(scoreCvss4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toEqual({
      score: 9.3,
      macroVector: '000200',
      nomenclature: 'CVSS-B',
    });
  });

  it("the reference calculator's documented usage example (E:A, MAV:A) = 8.7", () => {
    expect(scoreCvss4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:A/MAV:A')).toEqual({
      score: 8.7,
      macroVector: '100200',
      nomenclature: 'CVSS-BTE',
    });
  });
});

describe('CVSS v4.0 scoring rules', () => {
  // Derived, not a published score: MacroVector 101100 scores 8.6; only EQ3+EQ6 is at a distance
  // (VA:N is 2 levels below the max vector VC:H/VI:L/VA:H, depth 8) with 8.6 − 7.6 to the next
  // lower MacroVector, so the mean over the five classes is 1.0 × 2/8 / 5 = 0.05: exactly 8.55,
  // which binary floating point makes 8.549999… and rounds down.
  it('an exact half rounds up (8.55 → 8.6)', () => {
    expect(scoreCvss4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H').score).toBe(8.6);
  });

  it('no impact on any system scores 0.0, after modified metrics', () => {
    expect(scoreCvss4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N').score).toBe(0);
    expect(
      scoreCvss4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N/MVC:N').score,
    ).toBe(0);
    expect(
      scoreCvss4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MSA:S').score,
    ).toBeGreaterThan(0);
  });

  it('supplemental metrics never change the score', () => {
    const base = 'CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:H/VI:L/VA:N/SC:L/SI:N/SA:N';
    const score = scoreCvss4(base).score;
    expect(scoreCvss4(`${base}/S:P/AU:Y/R:I/V:C/RE:H/U:Red`)).toEqual({ score, macroVector: expect.any(String), nomenclature: 'CVSS-B' });
    expect(scoreCvss4(`${base}/S:N/AU:N/R:A/V:D/RE:L/U:Clear`).score).toBe(score);
  });

  it('X (Not Defined) is the worst case for E, CR, IR and AR, and the base value for modified metrics', () => {
    const base = 'CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:P/VC:H/VI:L/VA:L/SC:L/SI:L/SA:N';
    const score = scoreCvss4(base).score;
    expect(scoreCvss4(`${base}/E:X`).score).toBe(score);
    expect(scoreCvss4(`${base}/E:A`).score).toBe(score);
    expect(scoreCvss4(`${base}/CR:H/IR:H/AR:H`).score).toBe(score);
    expect(scoreCvss4(`${base}/CR:X/IR:X/AR:X/MAV:X/MVC:X/MSI:X`).score).toBe(score);
    expect(scoreCvss4(`${base}/E:U`).score).toBeLessThan(score);
    expect(scoreCvss4(`${base}/CR:L`).score).toBeLessThan(score);
  });

  it('modified metrics replace base ones', () => {
    expect(scoreCvss4('CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N/MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:H/MVA:H').score).toBe(
      scoreCvss4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N').score,
    );
  });

  it('names the metric groups it scored', () => {
    const base = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    expect(scoreCvss4(`${base}/E:P`).nomenclature).toBe('CVSS-BT');
    expect(scoreCvss4(`${base}/CR:L`).nomenclature).toBe('CVSS-BE');
    expect(scoreCvss4(`${base}/E:P/MAV:L`).nomenclature).toBe('CVSS-BTE');
    expect(scoreCvss4(`${base}/E:X/CR:X`).nomenclature).toBe('CVSS-B');
  });

  it('accepts the metrics in any order', () => {
    expect(scoreCvss4('CVSS:4.0/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N').score).toBe(9.3);
  });

  it.each([
    ['wrong prefix', 'CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'],
    ['missing base metric', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N'],
    ['unknown metric', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:U/XX:Y'],
    ['duplicate metric', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AV:L'],
    ['bad value', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N'],
    ['X for a base metric', 'CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'],
    ['lower-case value', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red'],
    ['no metrics', 'CVSS:4.0/'],
  ])('rejects %s', (_why, vector) => {
    expect(() => scoreCvss4(vector)).toThrow(CvssError);
  });
});

describe('CVSS v4.0 specification data', () => {
  it('has a score for each of the 270 MacroVectors', () => {
    const keys = Object.keys(MACROVECTOR_SCORES);
    expect(keys).toHaveLength(270);
    for (const key of keys) {
      expect(key).toMatch(/^[012][01][012][012][012][01]$/);
      expect(['00', '01', '10', '11', '21']).toContain(`${key[2]}${key[5]}`);
      const score = MACROVECTOR_SCORES[key] ?? 0;
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(10);
    }
  });

  // Every vector of every equivalence-class level must sit below one of the level's
  // highest-severity vectors in every metric, or the distance would be meaningless.
  it('every vector is dominated by one of its level’s highest-severity vectors', () => {
    const combos = (keys: string[], values: Record<string, string[]>): Record<string, string>[] =>
      keys.reduce<Record<string, string>[]>(
        (acc, key) => acc.flatMap((partial) => (values[key] ?? []).map((value) => ({ ...partial, [key]: value }))),
        [{}],
      );
    const dominated = (vector: Record<string, string>, maxes: readonly Readonly<Record<string, string>>[]): boolean =>
      maxes.some((max) =>
        Object.keys(vector).every((key) => (METRIC_LEVELS[key]?.[vector[key] ?? ''] ?? -1) >= (METRIC_LEVELS[key]?.[max[key] ?? ''] ?? 99)),
      );

    for (const v of combos(['AV', 'PR', 'UI'], { AV: ['N', 'A', 'L', 'P'], PR: ['N', 'L', 'H'], UI: ['N', 'P', 'A'] })) {
      const level = v.AV === 'N' && v.PR === 'N' && v.UI === 'N' ? 0 : (v.AV === 'N' || v.PR === 'N' || v.UI === 'N') && v.AV !== 'P' ? 1 : 2;
      expect(dominated(v, MAX_COMPOSED.eq1[level] ?? []), JSON.stringify(v)).toBe(true);
    }
    for (const v of combos(['AC', 'AT'], { AC: ['L', 'H'], AT: ['N', 'P'] })) {
      expect(dominated(v, MAX_COMPOSED.eq2[v.AC === 'L' && v.AT === 'N' ? 0 : 1] ?? [])).toBe(true);
    }
    const cia = ['H', 'L', 'N'];
    const req = ['H', 'M', 'L'];
    for (const v of combos(['VC', 'VI', 'VA', 'CR', 'IR', 'AR'], { VC: cia, VI: cia, VA: cia, CR: req, IR: req, AR: req })) {
      const eq3 = v.VC === 'H' && v.VI === 'H' ? 0 : v.VC === 'H' || v.VI === 'H' || v.VA === 'H' ? 1 : 2;
      const eq6 = (v.CR === 'H' && v.VC === 'H') || (v.IR === 'H' && v.VI === 'H') || (v.AR === 'H' && v.VA === 'H') ? 0 : 1;
      expect(dominated(v, MAX_COMPOSED.eq3eq6[`${eq3}${eq6}`] ?? []), JSON.stringify(v)).toBe(true);
      expect(MAX_SEVERITY.eq3eq6[`${eq3}${eq6}`]).toBeDefined();
    }
    for (const v of combos(['SC', 'SI', 'SA'], { SC: cia, SI: ['S', ...cia], SA: ['S', ...cia] })) {
      const eq4 = v.SI === 'S' || v.SA === 'S' ? 0 : v.SC === 'H' || v.SI === 'H' || v.SA === 'H' ? 1 : 2;
      expect(dominated(v, MAX_COMPOSED.eq4[eq4] ?? []), JSON.stringify(v)).toBe(true);
    }
  });
});

const METRIC_VALUES: Readonly<Record<string, readonly string[]>> = METRICS;
const anyVector = fc.record(
  Object.fromEntries(Object.entries(METRIC_VALUES).map(([key, values]) => [key, fc.constantFrom(...values)])),
);
const text = (metrics: Record<string, string>): string =>
  `CVSS:4.0/${Object.entries(metrics)
    .map(([key, value]) => `${key}:${value}`)
    .join('/')}`;

describe('CVSS v4.0 properties', () => {
  it('every score is within 0.0–10.0 with one decimal', () => {
    fc.assert(
      fc.property(anyVector, (metrics) => {
        const { score } = scoreCvss4(text(metrics));
        return score >= 0 && score <= 10 && Math.abs(score * 10 - Math.round(score * 10)) < 1e-9;
      }),
      { numRuns: 2000 },
    );
  });

  it('raising one impact metric (N → L → H), base or modified, never lowers the score', () => {
    const impacts = ['VC', 'VI', 'VA', 'SC', 'SI', 'SA', 'MVC', 'MVI', 'MVA', 'MSC', 'MSI', 'MSA'];
    fc.assert(
      fc.property(anyVector, fc.constantFrom(...impacts), (metrics, key) => {
        const order = ['N', 'L', 'H'];
        const at = order.indexOf(metrics[key] ?? 'X');
        if (at < 0 || at === order.length - 1) return true;
        const raised = { ...metrics, [key]: order[at + 1] ?? 'H' };
        return scoreCvss4(text(raised)).score >= scoreCvss4(text(metrics)).score;
      }),
      { numRuns: 5000 },
    );
  });

  it('raising one impact metric never lowers the score of a base-only vector', () => {
    const base = fc.record(
      Object.fromEntries(
        Object.entries(METRIC_VALUES)
          .slice(0, 11)
          .map(([key, values]) => [key, fc.constantFrom(...values)]),
      ),
    );
    fc.assert(
      fc.property(base, fc.constantFrom('VC', 'VI', 'VA', 'SC', 'SI', 'SA'), (metrics, key) => {
        const raised = { ...metrics, [key]: metrics[key] === 'N' ? 'L' : 'H' };
        return scoreCvss4(text(raised)).score >= scoreCvss4(text(metrics)).score;
      }),
      { numRuns: 5000 },
    );
  });
});
