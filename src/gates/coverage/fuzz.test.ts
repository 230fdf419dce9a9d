/**
 * Random bytes and damaged valid reports must end in a model or a DebshipError (exit code 2, the
 * report named): never a TypeError, a RangeError or a hang. Whatever is read must still hold the
 * model's invariants, so hostile numbers cannot slip through a damaged report either.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDebshipError } from '../../core/errors.js';
import { MAX_LINE } from './context.js';
import type { CoverageReport } from './model.js';
import { readCoverageReports } from './read.js';
import { tempRoot, type TempRoot } from './test-support.js';

const LCOV = `TN:
SF:src/a.ts
FN:1,main
FNDA:1,main
DA:1,1
DA:2,0,4gfA3suQkHJlkmmpK+kEpA
DA:3,7
BRDA:1,0,0,1
BRDA:1,0,1,-
BRDA:0,1,0,2
LF:3
LH:2
end_of_record
SF:/abs/b.ts
DA:10,2
end_of_record
`;

const COBERTURA = `<?xml version="1.0" ?>
<!DOCTYPE coverage SYSTEM "coverage-04.dtd">
<coverage version="6.5.0" lines-valid="3" lines-covered="2">
  <sources><source></source><source>/p/src</source></sources>
  <packages><package name="pkg"><classes>
    <class name="mod.py" filename="pkg/mod.py">
      <methods><method name="f"><lines><line number="1" hits="1"/></lines></method></methods>
      <lines>
        <line number="1" hits="1"/>
        <line number="2" hits="1" branch="true" condition-coverage="50% (1/2)" missing-branches="5"/>
        <line number="5" hits="0"/>
      </lines>
    </class>
  </classes></package></packages>
</coverage>
`;

const span = (line: number) => ({ start: { line, column: 0 }, end: { line, column: 5 } });
const FINAL = JSON.stringify({
  '/p/src/a.ts': {
    path: '/p/src/a.ts',
    statementMap: { 0: span(1), 1: span(2), 2: span(2) },
    s: { 0: 1, 1: 0, 2: 3 },
    branchMap: { 0: { type: 'if', line: 2, loc: span(2), locations: [span(2), span(3)] } },
    b: { 0: [1, 0] },
    fnMap: {},
    f: {},
  },
});

const ratio = (covered: number, total: number) => ({ total, covered, skipped: 0, pct: 50 });
const SUMMARY = JSON.stringify({
  total: { lines: ratio(1, 2), statements: ratio(1, 2), functions: ratio(0, 0), branches: ratio(1, 2) },
  '/p/src/a.ts': { lines: ratio(1, 2), statements: ratio(1, 2), functions: ratio(0, 0), branches: ratio(1, 2) },
});

const COVERAGEPY = JSON.stringify({
  meta: { version: '6.5.0', timestamp: '2026-11-27T10:00:00', branch_coverage: true, show_contexts: false },
  files: { 'src/a.py': { executed_lines: [1, 2], missing_lines: [5], excluded_lines: [], executed_branches: [[2, 3]], missing_branches: [[2, 5]], summary: {} } },
  totals: {},
});

/** Text that pushes parsers toward their edge cases: signs, huge and non-numbers, structure, entities. */
const TOKENS = [
  '-', '-1', 'NaN', '0', '99999999999999999999', '1e400', '10000001', ',', ':', '\n', '\r\n', ' ',
  '<', '>', '/>', '"', '&', '&lol;', '<!DOCTYPE coverage [<!ENTITY lol "lol">]>', ']]>', '<![CDATA[',
  '{', '}', '[', ']', 'null', '"__proto__"', '"constructor"', 'end_of_record', 'SF:', 'DA:', 'BRDA:',
  '\uFEFF', '\u0000', '\uD800', 'é',
];

const edit = fc.record({
  kind: fc.constantFrom('insert', 'replace', 'delete'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.integer({ min: 1, max: 8 }),
  text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })),
});
const damage = fc.record({
  edits: fc.array(edit, { minLength: 1, maxLength: 6 }),
  // Half the cases keep the whole text, so edits deep inside it are reached too.
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 1 }),
});

function apply(text: string, d: typeof damage extends fc.Arbitrary<infer T> ? T : never): string {
  let out = text;
  for (const e of d.edits) {
    const at = Math.floor(e.at * out.length);
    const keep = e.kind === 'insert' ? 0 : e.len;
    out = out.slice(0, at) + (e.kind === 'delete' ? '' : e.text) + out.slice(at + keep);
  }
  return d.cut === null ? out : out.slice(0, Math.floor(d.cut * out.length));
}

/** A resolved report holds only what the model allows; a rejection is a usage-level DebshipError. */
async function readOrReject(path: string, root: string): Promise<void> {
  let report: CoverageReport | undefined;
  try {
    [report] = await readCoverageReports([path], { root });
  } catch (e) {
    if (!isDebshipError(e)) throw e;
    expect(e.exitCode).toBe(2);
    expect(e.file).toBe(path);
    expect(e.hint).toBeTruthy();
    if (e.line !== undefined) expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
    return;
  }
  for (const f of report!.files) {
    expect(f.path).not.toBe('');
    for (const [line, hits] of f.lines) {
      expect(Number.isInteger(line) && line >= 1 && line <= MAX_LINE).toBe(true);
      expect(Number.isSafeInteger(hits) && hits >= 0).toBe(true);
    }
    for (const [line, outcomes] of f.branches) {
      expect(Number.isInteger(line) && line >= 0 && line <= MAX_LINE).toBe(true);
      for (const hits of outcomes) expect(Number.isSafeInteger(hits) && hits >= 0).toBe(true);
    }
  }
}

let t: TempRoot;
beforeAll(async () => {
  t = await tempRoot();
});
afterAll(() => t.remove());

/** Every place in a JSON value, as a list of keys from the top. */
function placesIn(value: unknown, at: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [at];
  return [at, ...Object.entries(value).flatMap(([k, v]) => placesIn(v, [...at, k]))];
}

function replaceAt(value: unknown, at: readonly string[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[at[0]!] = replaceAt(copy[at[0]!], at.slice(1), replacement);
  return copy;
}

const HOSTILE_VALUES = fc.oneof(
  fc.constantFrom(-1, 0.5, 1e308, -0, 20_000_000, Number.MAX_SAFE_INTEGER + 2, '1', 'NaN', '', null, true, [], {}, [-1], [1e308], { line: -1 }, { start: {} }),
  fc.jsonValue({ maxDepth: 2 }),
);

describe.each([
  ['coverage-final.json', FINAL],
  ['coverage-summary.json', SUMMARY],
  ['coverage.py JSON', COVERAGEPY],
])('fuzzing the structure of %s', (name, valid) => {
  it('any value replaced by anything JSON can hold', async () => {
    const json: unknown = JSON.parse(valid);
    const places = placesIn(json);
    const path = `${name}.structure`;
    const replacements = fc.array(fc.tuple(fc.constantFrom(...places), HOSTILE_VALUES), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(replacements, async (rs) => {
        const damaged = rs.reduce<unknown>((v, [at, r]) => replaceAt(v, at, r), json);
        await readOrReject(await t.write(path, JSON.stringify(damaged) ?? 'null'), '/p');
      }),
      { numRuns: 300 },
    );
  });
});

describe.each([
  ['lcov', LCOV],
  ['Cobertura', COBERTURA],
  ['coverage-final.json', FINAL],
  ['coverage-summary.json', SUMMARY],
  ['coverage.py JSON', COVERAGEPY],
])('fuzzing the %s reader', (name, valid) => {
  it('reads the undamaged report', async () => {
    const path = await t.write(`${name}.valid`, valid);
    const [report] = await readCoverageReports([path], { root: '/p' });
    expect(report!.files.length).toBeGreaterThan(0);
  });

  it('damaged reports', async () => {
    const path = `${name}.damaged`;
    await fc.assert(
      fc.asyncProperty(damage, async (d) => readOrReject(await t.write(path, apply(valid, d)), '/p')),
      { numRuns: 300 },
    );
  });

  it('random bytes behind the start of a valid report', async () => {
    const path = `${name}.random`;
    // At least the first line, so most cases get past format detection into the reader.
    const head = fc.integer({ min: 16, max: Math.min(valid.length, 200) }).map((n) => valid.slice(0, n));
    await fc.assert(
      fc.asyncProperty(head, fc.uint8Array({ maxLength: 300 }), async (prefix, bytes) =>
        readOrReject(await t.write(path, Buffer.concat([Buffer.from(prefix), bytes])), '/p'),
      ),
      { numRuns: 200 },
    );
  });
});
