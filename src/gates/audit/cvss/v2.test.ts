import { describe, expect, it } from 'vitest';
import { scoreCvss2 } from './v2.js';
import { CvssError } from './vector.js';

/** The worked examples of the v2 guide ("A Complete Guide to the CVSS Version 2.0", 3.3). */
describe('CVSS v2: the v2 guide examples', () => {
  it('3.3.1 CVE-2002-0392 Apache chunked encoding memory corruption: 7.8 / 6.4 / 9.2', () => {
    const vector = 'AV:N/AC:L/Au:N/C:N/I:N/A:C';
    expect(scoreCvss2(vector)).toEqual({ base: 7.8, score: 7.8 });
    expect(scoreCvss2(`${vector}/E:F/RL:OF/RC:C`)).toEqual({ base: 7.8, temporal: 6.4, score: 6.4 });
    // The guide's environmental score with CDP:H/TD:H is 9.2: (8.3 + 1.7 × 0.5) = 9.15 exactly,
    // which naive binary floating point computes as 9.149999… and rounds to 9.1.
    expect(scoreCvss2(`${vector}/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H`)).toEqual({
      base: 7.8,
      temporal: 6.4,
      environmental: 9.2,
      score: 9.2,
    });
    // "could vary between 0.0 ("None", "None") and 9.2 ("High", "High")".
    expect(scoreCvss2(`${vector}/E:F/RL:OF/RC:C/CDP:N/TD:N/CR:M/IR:M/AR:H`).environmental).toBe(0);
  });

  it('3.3.2 CVE-2003-0818 Microsoft Windows ASN.1 library integer handling: 10.0 / 8.3 / 9.0', () => {
    expect(scoreCvss2('AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L')).toEqual({
      base: 10,
      temporal: 8.3,
      environmental: 9.0,
      score: 9.0,
    });
  });

  it('3.3.3 CVE-2003-0062 NOD32 antivirus buffer overflow: 6.2 / 4.9 / 7.5', () => {
    expect(scoreCvss2('AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M')).toEqual({
      base: 6.2,
      temporal: 4.9,
      environmental: 7.5,
      score: 7.5,
    });
  });
});

describe('CVSS v2 vector forms', () => {
  it('reads NVD parentheses and a CVSS:2.0/ prefix', () => {
    expect(scoreCvss2('(AV:N/AC:L/Au:N/C:C/I:C/A:C)').score).toBe(10);
    expect(scoreCvss2('CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C').score).toBe(10);
    expect(scoreCvss2('  AV:N/AC:L/Au:N/C:P/I:P/A:P  ').score).toBe(7.5);
  });

  it('ND temporal and environmental metrics leave the base score', () => {
    expect(scoreCvss2('AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND')).toEqual({
      base: 7.5,
      score: 7.5,
    });
  });

  it('no impact scores 0.0', () => {
    expect(scoreCvss2('AV:N/AC:L/Au:N/C:N/I:N/A:N').score).toBe(0);
  });

  it.each([
    ['a v3 vector', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['missing base metric', 'AV:N/AC:L/Au:N/C:C/I:C'],
    ['unknown metric', 'AV:N/AC:L/Au:N/C:C/I:C/A:C/PR:N'],
    ['duplicate metric', 'AV:N/AC:L/Au:N/C:C/I:C/A:C/AV:L'],
    ['bad value', 'AV:N/AC:L/Au:N/C:C/I:C/A:H'],
    ['v3 metric names', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
  ])('rejects %s', (_why, vector) => {
    expect(() => scoreCvss2(vector)).toThrow(CvssError);
  });
});
