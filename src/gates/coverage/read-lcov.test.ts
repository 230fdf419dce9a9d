import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HINTS, ReportContext } from './context.js';
import { pathResolver } from './paths.js';
import { lcovReader } from './read-lcov.js';
import { expectInvalidReport, plain, readOne, tempRoot, type TempRoot } from './test-support.js';

let t: TempRoot;
beforeAll(async () => {
  t = await tempRoot();
});
afterAll(() => t.remove());

describe('lcov', () => {
  it('reads DA and BRDA, ignoring test names, functions and summary lines', async () => {
    const report = await readOne(
      t,
      [
        'TN:unit',
        'SF:src/a.ts',
        'FN:1,main',
        'FNDA:3,main',
        'FNF:1',
        'FNH:1',
        'DA:1,3',
        'DA:2,0,4gfA3suQkHJlkmmpK+kEpA', // coverage.py appends a checksum of the source line
        'DA:4,12',
        'BRDA:1,0,0,2',
        'BRDA:1,0,1,-',
        'BRDA:4,1,0,0',
        'LF:3',
        'LH:2',
        'BRF:3',
        'BRH:1',
        'end_of_record',
        '',
      ].join('\n'),
    );
    expect(report.format).toBe('lcov');
    expect(plain(report)).toEqual({ 'src/a.ts': { lines: { 1: 3, 2: 0, 4: 12 }, branches: { 1: [2, 0], 4: [0] } } });
  });

  it('takes CRLF line ends, a byte order mark, blank lines and a missing final newline', async () => {
    const report = await readOne(t, '\uFEFFTN:\r\n\r\nSF:a.ts\r\nDA:1,1\r\nend_of_record');
    expect(plain(report)).toEqual({ 'a.ts': { lines: { 1: 1 }, branches: {} } });
  });

  it('sums a file recorded twice (concatenated tracefiles) and repeated DA/BRDA lines, as lcov does', async () => {
    const record = (hits: number, taken: string) => `SF:a.ts\nDA:1,${hits}\nDA:1,1\nBRDA:1,0,0,${taken}\nBRDA:1,0,1,1\nend_of_record\n`;
    const report = await readOne(t, record(2, '-') + record(5, '3'));
    expect(plain(report)).toEqual({ 'a.ts': { lines: { 1: 9 }, branches: { 1: [3, 2] } } });
  });

  it("keeps coverage.py 6.5's branches on line 0 (arcs that leave the function) so totals match", async () => {
    const report = await readOne(t, 'SF:a.py\nDA:1,1\nBRDA:0,7,0,-\nBRDA:0,7,1,1\nend_of_record\n');
    expect(report.files[0]!.branches.get(0)).toEqual([0, 1]);
  });

  it('takes lcov 2 branch expressions containing commas', async () => {
    const report = await readOne(t, 'SF:a.c\nBRDA:3,0,(a, b) == true,4\nBRDA:3,0,(a, b) == false,0\nend_of_record\n');
    expect(report.files[0]!.branches.get(3)).toEqual([4, 0]);
  });

  it('reads a record containing nothing but SF as a file with no executable lines', async () => {
    const report = await readOne(t, 'TN:\nSF:pkg/__init__.py\nLF:0\nLH:0\nend_of_record\n');
    expect(plain(report)).toEqual({ 'pkg/__init__.py': { lines: {}, branches: {} } });
  });

  it('gives the same result however the text is split into chunks', () => {
    const text = 'TN:\nSF:a.ts\nDA:1,3\nDA:22,0\nBRDA:22,0,0,1\nBRDA:22,0,1,-\nend_of_record\nSF:b.ts\nDA:7,7\nend_of_record\n';
    const read = (size: number) => {
      const reader = lcovReader(new ReportContext('r', HINTS.lcov, pathResolver('/p', '/p')));
      for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
      return plain({ files: reader.end() });
    };
    const whole = read(text.length);
    for (const size of [1, 2, 3, 7, 13]) expect(read(size)).toEqual(whole);
  });

  describe('rejects, naming the line', () => {
    const cases: Array<[string, string, number]> = [
      ['DA before any SF', 'TN:\nDA:1,1\n', 2],
      ['BRDA before any SF', 'TN:\n\nBRDA:1,0,0,1\n', 3],
      ['a truncated last record', 'SF:a.ts\nDA:1,1\nend_of_record\nSF:b.ts\nDA:1,1\nDA:2,', 6],
      ['a record without end_of_record', 'SF:a.ts\nDA:1,1\n', 2],
      ['SF inside an open record', 'SF:a.ts\nDA:1,1\nSF:b.ts\nend_of_record\n', 3],
      ['end_of_record with no record', 'TN:\nend_of_record\n', 2],
      ['an empty SF', 'SF:\nend_of_record\n', 1],
      ['a negative hit count', 'SF:a.ts\nDA:1,-1\nend_of_record\n', 2],
      ['a fractional hit count', 'SF:a.ts\nDA:1,1.5\nend_of_record\n', 2],
      ['NaN as a line number', 'SF:a.ts\nDA:NaN,1\nend_of_record\n', 2],
      ['line 0 in DA', 'SF:a.ts\nDA:0,1\nend_of_record\n', 2],
      ['a line number beyond 10000000', 'SF:a.ts\nDA:10000001,1\nend_of_record\n', 2],
      ['a hit count beyond 2^53', 'SF:a.ts\nDA:1,99999999999999999\nend_of_record\n', 2],
      ['a DA with no hit count', 'SF:a.ts\nDA:1\nend_of_record\n', 2],
      ['a BRDA with too few fields', 'SF:a.ts\nBRDA:1,1\nend_of_record\n', 2],
      ['a BRDA with a negative line', 'SF:a.ts\nBRDA:-1,0,0,1\nend_of_record\n', 2],
      ['a BRDA taken count that is not a number or "-"', 'SF:a.ts\nBRDA:1,0,0,x\nend_of_record\n', 2],
      ['a line that is not KEYWORD:value', 'SF:a.ts\nDA:1,1\nthis is prose\nend_of_record\n', 3],
    ];
    it.each(cases)('%s', async (_what, text, line) => {
      const e = await expectInvalidReport(t, text, line);
      expect(e.code).toBe('coverage-report-invalid');
      expect(e.hint).toContain('lcov');
    });

    it('an endless line without a newline', async () => {
      await expectInvalidReport(t, `SF:a.ts\nDA:1,1${'9'.repeat(2 << 20)}`, 2);
    });
  });
});
