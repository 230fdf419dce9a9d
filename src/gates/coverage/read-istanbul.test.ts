import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidReport, plain, readOne, tempRoot, type TempRoot } from './test-support.js';

let t: TempRoot;
beforeAll(async () => {
  t = await tempRoot();
});
afterAll(() => t.remove());

const span = (line: number, endLine = line) => ({ start: { line, column: 0 }, end: { line: endLine, column: 9 } });

function finalEntry(path: string) {
  return {
    path,
    statementMap: { 0: span(1), 1: span(2, 4), 2: span(2), 3: span(3), 4: span(9) },
    s: { 0: 1, 1: 5, 2: 0, 3: 0, 4: 2, 99: 7 }, // 99 has no statement: skipped, as istanbul does
    branchMap: {
      0: { type: 'if', loc: span(2), locations: [span(2), span(3)], line: 2 },
      // Older istanbul entries lack `loc`: the first location says where the branch starts.
      1: { type: 'cond-expr', locations: [span(9), span(9)], line: 9 },
      2: { type: 'binary-expr', loc: span(2), locations: [span(2)] },
    },
    b: { 0: [5, 0], 1: [0, 2], 2: [3] },
    fnMap: {},
    f: {},
  };
}

describe('istanbul coverage-final.json', () => {
  it("reads lines as getLineCoverage does (a line's hits are its busiest statement's), branches by where they start", async () => {
    const report = await readOne(t, JSON.stringify({ [`${t.root}/src/a.ts`]: finalEntry(`${t.root}/src/a.ts`) }));
    expect(report.format).toBe('istanbul-final');
    expect(plain(report)).toEqual({ 'src/a.ts': { lines: { 1: 1, 2: 5, 3: 0, 9: 2 }, branches: { 2: [5, 0, 3], 9: [0, 2] } } });
  });

  it('keeps paths outside the root absolute, and reads `{}` as a run that loaded no files', async () => {
    const report = await readOne(t, JSON.stringify({ '/opt/lib/x.js': finalEntry('/opt/lib/x.js') }));
    expect(report.files.map((f) => f.path)).toEqual(['/opt/lib/x.js']);
    expect(await readOne(t, '{}')).toMatchObject({ format: 'istanbul-final', files: [] });
  });

  it('rejects hostile or malformed values, naming the file and what is wrong', async () => {
    const key = `${t.root}/a.ts`;
    const variants: Array<[string, (e: ReturnType<typeof finalEntry>) => unknown, RegExp]> = [
      ['negative count', (e) => ({ ...e, s: { 0: -1 } }), /s\["0"\] is "-1"/],
      ['count as a string', (e) => ({ ...e, s: { 0: 'NaN' } }), /not a hit count/],
      ['huge count', (e) => ({ ...e, s: { 0: 1e300 } }), /not a hit count/],
      ['huge line', (e) => ({ ...e, statementMap: { ...e.statementMap, 0: span(20_000_000) } }), /start\.line/],
      ['statement without start', (e) => ({ ...e, statementMap: { ...e.statementMap, 0: {} } }), /start\.line/],
      ['branch counts not an array', (e) => ({ ...e, b: { 0: 5 } }), /b\["0"\] is not an array/],
      ['negative branch count', (e) => ({ ...e, b: { 0: [1, -2] } }), /b\["0"\] holds "-2"/],
      ['branch without a location', (e) => ({ ...e, branchMap: { 0: { type: 'if' } } }), /no loc\.start\.line/],
      ['missing statementMap', ({ statementMap: _, ...e }) => e, /"statementMap" is missing/],
      ['entry not an object', () => 42, /expected an object/],
    ];
    for (const [what, mutate, message] of variants) {
      // A valid entry first: the shape is detected from the first, so the damage is met while reading.
      const e = await expectInvalidReport(t, JSON.stringify({ '/ok.ts': finalEntry('/ok.ts'), [key]: mutate(finalEntry(key)) }));
      expect(e.message, what).toMatch(message);
      expect(e.hint).toContain('coverage.reporter=json');
    }
  });
});

describe('istanbul coverage-summary.json', () => {
  const ratio = (covered: number, total: number) => ({ total, covered, skipped: 0, pct: total ? (100 * covered) / total : 100 });
  const entry = (lines: [number, number], branches: [number, number]) => ({
    lines: ratio(...lines),
    statements: ratio(...lines),
    functions: ratio(1, 1),
    branches: ratio(...branches),
  });

  it('reads totals per file without lines, skipping the "total" entry', async () => {
    const json = { total: entry([3, 10], [1, 4]), [`${t.root}/src/a.ts`]: entry([3, 4], [1, 2]), '/elsewhere/b.ts': entry([0, 6], [0, 2]) };
    const report = await readOne(t, JSON.stringify(json, null, 2));
    expect(report.format).toBe('istanbul-summary');
    expect(report.files).toEqual([
      { path: '/elsewhere/b.ts', lines: new Map(), branches: new Map(), summary: { lines: { covered: 0, total: 6 }, branches: { covered: 0, total: 2 } } },
      { path: 'src/a.ts', lines: new Map(), branches: new Map(), summary: { lines: { covered: 3, total: 4 }, branches: { covered: 1, total: 2 } } },
    ]);
  });

  it('reads a summary of a run without files', async () => {
    expect(await readOne(t, JSON.stringify({ total: entry([0, 0], [0, 0]) }))).toMatchObject({ format: 'istanbul-summary', files: [] });
  });

  it('rejects impossible ratios and missing measures', async () => {
    const other = { total: entry([0, 0], [0, 0]) };
    for (const bad of [entry([5, 4], [0, 0]), entry([-1, 4], [0, 0]), { lines: ratio(1, 1) }, { ...entry([1, 1], [0, 0]), branches: { covered: 'x', total: 1 } }]) {
      const e = await expectInvalidReport(t, JSON.stringify({ ...other, [`${t.root}/a.ts`]: bad }));
      expect(e.message).toMatch(/"(lines|branches)" is not \{covered, total\}/);
    }
  });
});

describe('istanbul JSON that is not a report', () => {
  it.each([
    ['truncated JSON', '{\n  "/a.ts": {\n    "path": "/a.ts",\n', 3, /not valid JSON/],
    ['a syntax error', '{\n  "/a.ts": {},\n  oops\n}', 3, /not valid JSON/],
    ['an array', '[1, 2]', 1, /not a coverage report in a known format/],
    ['a string', '"/a.ts"', 1, /not a coverage report in a known format/],
    ['some other JSON object', '{"name": "debship", "version": "1.0.0"}', undefined, /neither an istanbul coverage-final/],
  ])('%s', async (_what, text, line, message) => {
    const e = await expectInvalidReport(t, text, line);
    expect(e.message).toMatch(message);
  });
});
