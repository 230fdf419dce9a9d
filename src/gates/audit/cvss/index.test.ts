import { describe, expect, it } from 'vitest';
import { CvssError, cvssVersionOf, scoreCvss, severityBand, severityBandV2, tryScoreCvss } from './index.js';

describe('scoreCvss', () => {
  it('scores each version from its prefix (published examples)', () => {
    // FIRST CVSS v4.0 specification example.
    expect(scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toEqual({
      version: '4.0',
      score: 9.3,
      severity: 'critical',
    });
    // FIRST CVSS v3.1 examples: CVE-2014-0160 Heartbleed, CVE-2014-6271 Shellshock.
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N')).toEqual({ version: '3.1', score: 7.5, severity: 'high' });
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toEqual({ version: '3.1', score: 9.8, severity: 'critical' });
    // FIRST CVSS v3.0 examples: CVE-2013-1937 phpMyAdmin.
    expect(scoreCvss('CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toEqual({ version: '3.0', score: 6.1, severity: 'medium' });
    // v2 guide: CVE-2002-0392 (7.8), CVE-2003-0818 (10.0), CVE-2003-0062 (6.2).
    expect(scoreCvss('AV:N/AC:L/Au:N/C:N/I:N/A:C')).toEqual({ version: '2.0', score: 7.8, severity: 'high' });
    expect(scoreCvss('(AV:N/AC:L/Au:N/C:C/I:C/A:C)')).toEqual({ version: '2.0', score: 10, severity: 'high' });
    expect(scoreCvss('AV:L/AC:H/Au:N/C:C/I:C/A:C')).toEqual({ version: '2.0', score: 6.2, severity: 'medium' });
  });

  it('reports the environmental, else temporal, else base score', () => {
    const base = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N';
    expect(scoreCvss(base).score).toBe(7.5);
    expect(scoreCvss(`${base}/E:U`).score).toBe(6.9);
    expect(scoreCvss(`${base}/E:U/MAV:P`).score).toBe(4.2);
    expect(scoreCvss('AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C').score).toBe(6.4);
  });

  it('throws a CvssError for what is not a valid vector', () => {
    for (const vector of [
      '',
      'not a vector',
      'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      'CVSS:5.0/AV:N',
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', // missing A
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:H', // duplicate
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/Q:1', // unknown metric
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:Q', // bad value
      'AV:N/AC:L/Au:N/C:N/I:N', // v2 missing A
    ]) {
      expect(() => scoreCvss(vector), vector).toThrow(CvssError);
      expect(tryScoreCvss(vector), vector).toBeUndefined();
    }
  });

  it('names the problem in the error', () => {
    expect(() => scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H')).toThrow(/missing base metric A/);
    expect(() => scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N')).toThrow(/AV given twice/);
    expect(() => scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/Q:1')).toThrow(/unknown metric Q/);
    expect(() => scoreCvss('CVSS:3.1/AV:Z/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toThrow(/AV:Z is not allowed/);
  });

  it('tryScoreCvss returns the score of a valid vector', () => {
    expect(tryScoreCvss(' CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N ')).toEqual({
      version: '3.1',
      score: 6.1,
      severity: 'medium',
    });
  });
});

describe('versions and bands', () => {
  it('reads the version from the prefix', () => {
    expect(cvssVersionOf('CVSS:4.0/AV:N')).toBe('4.0');
    expect(cvssVersionOf('CVSS:3.0/AV:N')).toBe('3.0');
    expect(cvssVersionOf('CVSS:2.0/AV:N')).toBe('2.0');
    expect(cvssVersionOf('(AV:N/AC:L)')).toBe('2.0');
    expect(cvssVersionOf('CVSS:3.2/AV:N')).toBeUndefined();
    expect(cvssVersionOf('AC:L/AV:N')).toBeUndefined();
  });

  it('v3/v4 bands: 0 none, 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10 critical', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityBand)).toEqual([
      'none', 'low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical',
    ]);
  });

  it('v2 bands (NVD): 0–3.9 low, 4.0–6.9 medium, 7.0–10 high', () => {
    expect([0, 3.9, 4, 6.9, 7, 10].map(severityBandV2)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});
