import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundup30, roundup31, scoreCvss3 } from './v3.js';
import { CvssError } from './vector.js';

/**
 * The base vectors and scores of FIRST's "CVSS v3.1 Examples" document (the same vulnerabilities
 * as the "CVSS v3.0 Examples" document, whose vectors carry the CVSS:3.0/ prefix and the same
 * base scores: the base equations of the two versions differ only in Roundup, which changes no
 * base score). Cross-checked against an independent test suite that lists the v3.0 examples.
 */
const FIRST_EXAMPLES: [name: string, metrics: string, base: number][] = [
  ['CVE-2013-1937 phpMyAdmin reflected cross-site scripting', 'AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
  ['CVE-2013-0375 MySQL stored SQL injection', 'AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
  ['CVE-2014-3566 SSLv3 POODLE', 'AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
  ['CVE-2012-1516 VMware guest to host escape', 'AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
  ['CVE-2009-0783 Apache Tomcat XML parser', 'AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2],
  ['CVE-2012-0384 Cisco IOS arbitrary command execution', 'AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['CVE-2015-1098 Apple iWork denial of service', 'AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
  ['CVE-2014-0160 OpenSSL Heartbleed', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
  ['CVE-2014-6271 GNU Bash Shellshock', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
  ['CVE-2008-1447 DNS Kaminsky bug', 'AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N', 6.8],
  ['CVE-2014-2005 Sophos login screen bypass', 'AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.8],
  ['CVE-2010-0467 Joomla directory traversal', 'AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N', 5.8],
  ['CVE-2012-1342 Cisco access control bypass', 'AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N', 5.8],
  ['CVE-2013-6014 Juniper proxy ARP denial of service', 'AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H', 9.3],
  ['CVE-2014-9253 DokuWiki reflected cross-site scripting', 'AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N', 5.4],
  ['CVE-2009-0658 Adobe Acrobat buffer overflow', 'AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
  ['CVE-2011-1265 Microsoft Windows Bluetooth remote code execution', 'AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['CVE-2014-2019 Apple iOS security control bypass', 'AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', 4.6],
  ['CVE-2015-0970 SearchBlox cross-site request forgery', 'AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
  ['CVE-2014-0224 OpenSSL CCS injection (SSL/TLS MITM)', 'AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', 7.4],
  ['CVE-2012-5376 Google Chrome sandbox bypass', 'AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H', 9.6],
];

describe('CVSS v3.1 base scores: FIRST "CVSS v3.1 Examples"', () => {
  it.each(FIRST_EXAMPLES)('%s', (_name, metrics, base) => {
    const scores = scoreCvss3(`CVSS:3.1/${metrics}`);
    expect(scores).toEqual({ version: '3.1', base, score: base });
  });
});

describe('CVSS v3.0 base scores: FIRST "CVSS v3.0 Examples"', () => {
  it.each(FIRST_EXAMPLES)('%s', (_name, metrics, base) => {
    expect(scoreCvss3(`CVSS:3.0/${metrics}`)).toEqual({ version: '3.0', base, score: base });
  });
});

describe('Roundup', () => {
  it('v3.1 (Appendix A) does not let floating point noise round up', () => {
    expect(roundup31(4.000000000000001)).toBe(4.0);
    expect(roundup31(4.02)).toBe(4.1);
    expect(roundup31(4.0)).toBe(4.0);
    expect(roundup31(9.200000000000001)).toBe(9.2);
  });

  it('v3.0 is the plain ceiling to one decimal, noise included', () => {
    expect(roundup30(4.02)).toBe(4.1);
    expect(roundup30(9.200000000000001)).toBe(9.3);
  });

  // Derived, not a published example: 10 × 0.92 is 9.200000000000001 in binary floating point,
  // which v3.0's Roundup takes to 9.3 and v3.1's integer Roundup keeps at 9.2.
  it('a temporal score where the v3.0 and v3.1 Roundup differ', () => {
    const metrics = 'AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U';
    expect(scoreCvss3(`CVSS:3.0/${metrics}`)).toEqual({ version: '3.0', base: 10, temporal: 9.3, score: 9.3 });
    expect(scoreCvss3(`CVSS:3.1/${metrics}`)).toEqual({ version: '3.1', base: 10, temporal: 9.2, score: 9.2 });
  });

  // Derived, not a published example: v3.1 changed the Modified Impact of a changed scope to
  // 7.52 × (MISS − 0.029) − 3.25 × (MISS × 0.9731 − 0.02)^13 (v3.0: (MISS − 0.02)^15).
  it('an environmental score where the v3.1 changed-scope Modified Impact differs from v3.0', () => {
    const metrics = 'AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:N/CR:M/IR:L/AR:H';
    expect(scoreCvss3(`CVSS:3.0/${metrics}`).environmental).toBe(9.6);
    expect(scoreCvss3(`CVSS:3.1/${metrics}`).environmental).toBe(9.5);
  });
});

describe('temporal and environmental scores', () => {
  it('temporal: Roundup(base × E × RL × RC), and it becomes the score', () => {
    // Heartbleed with functional exploit, official fix, confirmed: 7.5 × 0.97 × 0.95 = 6.91125.
    expect(scoreCvss3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/E:F/RL:O/RC:C')).toEqual({
      version: '3.1',
      base: 7.5,
      temporal: 7.0,
      score: 7.0,
    });
  });

  it('environmental: modified metrics replace base ones, requirements weigh the impacts', () => {
    // Shellshock reachable only locally: MAV:L gives 8.22 × 0.55 × 0.77 × 0.85 × 0.85 = 2.5145…
    // exploitability, 5.8731… impact, Roundup(8.3876…) = 8.4.
    const scores = scoreCvss3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:L');
    expect(scores.environmental).toBe(8.4);
    expect(scores.score).toBe(8.4);
    // Heartbleed with CR:H: MISS = 1 − (1 − 1.5 × 0.56) = 0.84, 6.42 × 0.84 = 5.3928 impact,
    // Roundup(5.3928 + 3.8870…) = 9.3 (base 7.5).
    expect(scoreCvss3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/CR:H').environmental).toBe(9.3);
  });

  it('the environmental score also applies the temporal metrics', () => {
    const scores = scoreCvss3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:R/MAV:L');
    expect(scores.temporal).toBe(8.2); // Roundup(9.8 × 0.91 × 0.95 × 0.96 = 8.133…)
    expect(scores.environmental).toBe(7.0); // Roundup(8.4 × 0.91 × 0.95 × 0.96 = 6.971…)
    expect(scores.score).toBe(7.0);
  });

  it('metrics set to X (Not Defined) leave the score at the base score', () => {
    expect(scoreCvss3('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N/E:X/RL:X/RC:X/CR:X/MAV:X')).toEqual({
      version: '3.1',
      base: 6.1,
      score: 6.1,
    });
  });

  it('no impact scores 0.0, also environmentally', () => {
    expect(scoreCvss3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N').base).toBe(0);
    expect(scoreCvss3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/MC:N').environmental).toBe(0);
  });
});

describe('invalid vectors', () => {
  it.each([
    ['wrong prefix', 'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['missing base metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'],
    ['unknown metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AT:N'],
    ['duplicate metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L'],
    ['bad value', 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['empty metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/'],
  ])('%s', (_why, vector) => {
    expect(() => scoreCvss3(vector)).toThrow(CvssError);
  });
});

const BASE_VALUES: Record<string, string[]> = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['N', 'L', 'H'],
  I: ['N', 'L', 'H'],
  A: ['N', 'L', 'H'],
};
const baseVector = fc.record(
  Object.fromEntries(Object.entries(BASE_VALUES).map(([key, values]) => [key, fc.constantFrom(...values)])),
);
const text = (metrics: Record<string, string>): string =>
  Object.entries(metrics)
    .map(([key, value]) => `${key}:${value}`)
    .join('/');

describe('properties', () => {
  it('every score is within 0.0–10.0 with one decimal', () => {
    fc.assert(
      fc.property(baseVector, fc.constantFrom('3.0', '3.1'), (metrics, version) => {
        const { score } = scoreCvss3(`CVSS:${version}/${text(metrics)}`);
        return score >= 0 && score <= 10 && Math.abs(score * 10 - Math.round(score * 10)) < 1e-9;
      }),
    );
  });

  it('raising one impact metric (N → L → H) never lowers the base score', () => {
    fc.assert(
      fc.property(baseVector, fc.constantFrom('C', 'I', 'A'), (metrics, key) => {
        const order = ['N', 'L', 'H'];
        const at = order.indexOf(metrics[key] ?? 'N');
        if (at === order.length - 1) return true;
        const raised = { ...metrics, [key]: order[at + 1] ?? 'H' };
        return scoreCvss3(`CVSS:3.1/${text(raised)}`).base >= scoreCvss3(`CVSS:3.1/${text(metrics)}`).base;
      }),
    );
  });
});
