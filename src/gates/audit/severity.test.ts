import { describe, expect, it } from 'vitest';
import { rateSeverity } from './severity.js';

const V4 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'; // 9.3 (FIRST v4.0 example)
const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N'; // 7.5 (CVE-2014-0160)
const V30 = 'CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N'; // 6.1 (CVE-2013-1937)
const V2 = 'AV:L/AC:H/Au:N/C:C/I:C/A:C'; // 6.2 (CVE-2003-0062)

describe('rateSeverity', () => {
  it('the newest vector wins, whatever the order', () => {
    expect(rateSeverity({ vectors: [V2, V31, V4] })).toEqual({ severity: 'critical', score: 9.3, vector: V4, from: 'cvss-v4' });
    expect(rateSeverity({ vectors: [V2, V31] })).toEqual({ severity: 'high', score: 7.5, vector: V31, from: 'cvss-v3' });
    expect(rateSeverity({ vectors: [V30, V31] })).toEqual({ severity: 'high', score: 7.5, vector: V31, from: 'cvss-v3' });
    expect(rateSeverity({ vectors: [V2, V30] })).toEqual({ severity: 'medium', score: 6.1, vector: V30, from: 'cvss-v3' });
    expect(rateSeverity({ vectors: [V2] })).toEqual({ severity: 'medium', score: 6.2, vector: V2, from: 'cvss-v2' });
  });

  it('a vector wins over the database word and score', () => {
    expect(rateSeverity({ vectors: [V31], databaseSeverity: 'LOW', score: 2 })).toMatchObject({ severity: 'high', from: 'cvss-v3' });
  });

  it('among vectors of one version the first wins', () => {
    const other = 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N';
    expect(rateSeverity({ vectors: [V31, other] }).vector).toBe(V31);
    expect(rateSeverity({ vectors: [other, V31] }).vector).toBe(other);
  });

  it('ignores vectors that do not parse and tries the next', () => {
    const broken = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N'; // no SA
    expect(rateSeverity({ vectors: [broken, 'garbage', V31] })).toEqual({ severity: 'high', score: 7.5, vector: V31, from: 'cvss-v3' });
    expect(rateSeverity({ vectors: [broken], databaseSeverity: 'moderate' })).toEqual({ severity: 'medium', from: 'database' });
  });

  it('reads Ubuntu\'s "negligible" priority as low', () => {
    expect(rateSeverity({ databaseSeverity: 'negligible' })).toEqual({ severity: 'low', from: 'database' });
  });

  it('v2 has no critical: a 10.0 is high', () => {
    expect(rateSeverity({ vectors: ['AV:N/AC:L/Au:N/C:C/I:C/A:C'] })).toMatchObject({ severity: 'high', score: 10, from: 'cvss-v2' });
  });

  it('keeps the vector as given, trimmed', () => {
    expect(rateSeverity({ vectors: [`  ${V31}\n`] }).vector).toBe(V31);
  });

  it('without a vector, a numeric score decides by the v3 bands', () => {
    expect(rateSeverity({ score: 9.8 })).toEqual({ severity: 'critical', score: 9.8, from: 'database' });
    expect(rateSeverity({ score: 7 })).toEqual({ severity: 'high', score: 7, from: 'database' });
    expect(rateSeverity({ score: 5.3, databaseSeverity: 'LOW' })).toEqual({ severity: 'medium', score: 5.3, from: 'database' });
    expect(rateSeverity({ score: 0.1 })).toEqual({ severity: 'low', score: 0.1, from: 'database' });
    expect(rateSeverity({ score: 0 })).toEqual({ severity: 'none', score: 0, from: 'database' });
  });

  it('ignores a score outside 0–10', () => {
    expect(rateSeverity({ score: Number.NaN, databaseSeverity: 'high' })).toEqual({ severity: 'high', from: 'database' });
    expect(rateSeverity({ score: 11 })).toEqual({ severity: 'unknown', from: 'none' });
    expect(rateSeverity({ score: -1 })).toEqual({ severity: 'unknown', from: 'none' });
  });

  it('then the database word, any case', () => {
    const cases: [string, string][] = [
      ['CRITICAL', 'critical'],
      ['High', 'high'],
      ['moderate', 'medium'],
      ['MODERATE', 'medium'],
      ['medium', 'medium'],
      [' low ', 'low'],
      ['info', 'none'],
      ['none', 'none'],
    ];
    for (const [word, severity] of cases) {
      expect(rateSeverity({ databaseSeverity: word }), word).toEqual({ severity, from: 'database' });
    }
  });

  it('else unknown', () => {
    expect(rateSeverity({})).toEqual({ severity: 'unknown', from: 'none' });
    expect(rateSeverity({ vectors: [], databaseSeverity: '' })).toEqual({ severity: 'unknown', from: 'none' });
    expect(rateSeverity({ databaseSeverity: 'severe' })).toEqual({ severity: 'unknown', from: 'none' });
    expect(rateSeverity({ databaseSeverity: 'constructor' })).toEqual({ severity: 'unknown', from: 'none' });
    expect(rateSeverity({ vectors: ['CVSS:3.1/AV:N'] })).toEqual({ severity: 'unknown', from: 'none' });
  });
});
