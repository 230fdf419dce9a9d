import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectIstanbulShape, detectSyntax } from './detect.js';
import { readCoverageReports } from './read.js';
import { expectInvalidReport, readOne, tempRoot, type TempRoot } from './test-support.js';

let t: TempRoot;
beforeAll(async () => {
  t = await tempRoot();
});
afterAll(() => t.remove());

describe('detectSyntax', () => {
  it.each([
    ['TN:\nSF:a.ts\n', 'lcov'],
    ['SF:/abs/a.ts\nDA:1,1\n', 'lcov'],
    ['\uFEFF\n\r\nTN:unit\n', 'lcov'],
    ['VER:2.0\nTN:\n', 'lcov'],
    ['<?xml version="1.0" ?>\n<coverage>', 'cobertura'],
    ['  \n<coverage/>', 'cobertura'],
    ['{"total": {}}', 'istanbul'],
    ['\uFEFF {}', 'istanbul'],
    ['TNT:\n', undefined],
    ['tn:\n', undefined],
    ['hello world', undefined],
    ['[1]', undefined],
    ['', undefined],
  ])('%j is %s', (head, syntax) => {
    expect(detectSyntax(head)).toBe(syntax);
  });
});

describe('detectIstanbulShape', () => {
  it('tells coverage-final.json from coverage-summary.json by their entries', () => {
    expect(detectIstanbulShape({})).toBe('istanbul-final');
    expect(detectIstanbulShape({ '/a.ts': { statementMap: {}, s: {} } })).toBe('istanbul-final');
    expect(detectIstanbulShape({ total: { lines: { total: 0 } } })).toBe('istanbul-summary');
    expect(detectIstanbulShape({ total: { lines: { total: 1 } }, '/a.ts': { lines: { total: 1 } } })).toBe('istanbul-summary');
    expect(detectIstanbulShape({ meta: {}, files: {} })).toBeUndefined();
    expect(detectIstanbulShape({ '/a.ts': [] })).toBeUndefined();
  });
});

describe('reading by content, not by name', () => {
  it('reads each format whatever the file is called', async () => {
    const lcov = 'SF:a.ts\nDA:1,1\nend_of_record\n';
    const xml = '<coverage><packages><package><classes><class filename="a.ts"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>';
    const json = '{"total": {"lines": {"total": 0, "covered": 0}, "branches": {"total": 0, "covered": 0}}}';
    expect((await readOne(t, lcov, 'coverage.xml')).format).toBe('lcov');
    expect((await readOne(t, xml, 'lcov.info')).format).toBe('cobertura');
    expect((await readOne(t, json, 'report.txt')).format).toBe('istanbul-summary');
  });

  it('rejects empty, blank, binary and unknown files', async () => {
    for (const content of ['', '  \n\t\n', '\uFEFF']) expect((await expectInvalidReport(t, content)).message).toMatch(/empty/);
    const gz = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    for (const content of [gz, 'Name  Stmts  Miss  Cover\n', 'mode: set\ngithub.com/x/y.go:1.2,3.4 1 1\n']) {
      const e = await expectInvalidReport(t, content, 1);
      expect(e.message).toMatch(/not a coverage report in a known format/);
      expect(e.hint).toMatch(/lcov.*coverage xml/);
    }
  });

  it('reports a missing or unreadable file as unreadable', async () => {
    const missing = `${t.root}/nope/lcov.info`;
    const e = await readCoverageReports([missing], { root: t.root }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'coverage-report-unreadable', exitCode: 2, file: missing });
    const dir = await readCoverageReports([t.root], { root: t.root }).catch((err: unknown) => err);
    expect(dir).toMatchObject({ code: 'coverage-report-unreadable', exitCode: 2, file: t.root });
  });
});
