/**
 * Whatever a report file holds, reading it ends in an AuditReport whose findings keep the model's
 * promises, or in a DebshipError naming the file: never another exception. Mutations start from
 * the real fixtures, so most inputs are nearly valid and reach deep into each reader.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebshipError } from '../../core/errors.js';
import { CATEGORIES, SEVERITIES, type AuditReport } from './model.js';
import { parseAuditReport } from './read.js';
import { compareVersions } from './versions.js';

const NAMES = [
  'npm-audit-v2.json',
  'npm-audit-workspace.json',
  'npm-audit-405.json',
  'npm-audit-enoaudit.json',
  'pip-audit.json',
  'pip-audit-legacy.json',
  'osv-scanner.json',
  'osv-scanner-local.json',
];
const TEXTS = NAMES.map((n) => readFileSync(new URL(`./__fixtures__/${n}`, import.meta.url), 'utf8'));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}

type Edit = 'replace' | 'delete' | 'wrap' | 'empty';

function edit(doc: Json, path: Path, how: Edit, value: Json): Json {
  if (path.length === 0) return how === 'wrap' ? [doc] : how === 'empty' ? {} : value;
  const copy = structuredClone(doc);
  let parent = copy as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (how === 'wrap') {
    parent[key] = [parent[key]!];
  } else if (how === 'empty') {
    parent[key] = Array.isArray(parent[key]) ? [] : typeof parent[key] === 'string' ? '' : {};
  } else {
    parent[key] = value;
  }
  return copy;
}

const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('', ' ', '<', '<=', '*', '||', 'CVSS:3.1/', 'CVSS:4.0/AV:N', 'AV:N/AC:L', 'GHSA-xxxx', 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm', 'node_modules/', '0', '-1', 'NaN', 'x'.repeat(100_000), -0, 1e308, -1, 11, 7.5, true, null, [], {}, [null], ['x', 1]),
);

function check(text: string, source: string): void {
  let report: AuditReport;
  try {
    report = parseAuditReport(text, source);
  } catch (e) {
    if (!(e instanceof DebshipError)) throw e;
    expect(e.file).toBe(source);
    expect(e.exitCode).toBe(2);
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message.length).toBeLessThan(2000);
    if (e.line !== undefined) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.line).toBeLessThanOrEqual(text.split('\n').length);
      expect(e.column).toBeGreaterThanOrEqual(1);
    }
    return;
  }
  expect(report.source).toBe(source);
  for (const f of report.findings) {
    expect(typeof f.package).toBe('string');
    expect(typeof f.id).toBe('string');
    expect(f.id.length).toBeGreaterThan(0);
    expect(f.aliases).not.toContain(f.id);
    expect(SEVERITIES).toContain(f.rating.severity);
    expect(CATEGORIES).toContain(f.category);
    expect(f.source).toBe(source);
    expect(f.scanner).toBe(report.format);
    expect(typeof f.local).toBe('boolean');
    for (const list of [f.aliases, f.fixedVersions, f.cwes]) for (const x of list) expect(typeof x).toBe('string');
    for (let i = 1; i < f.fixedVersions.length; i++) expect(compareVersions(f.fixedVersions[i - 1]!, f.fixedVersions[i]!)).toBeLessThan(0);
    if (f.rating.score !== undefined) expect(f.rating.score >= 0 && f.rating.score <= 10).toBe(true);
  }
  for (const s of report.skipped) expect(typeof s.reason).toBe('string');
}

describe('reading mutated reports', () => {
  it('structural edits of valid reports', () => {
    const docs = TEXTS.map((t) => JSON.parse(t) as Json);
    const all = docs.map((d) => paths(d));
    fc.assert(
      fc.property(
        fc.nat({ max: docs.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom<Edit>('replace', 'replace', 'delete', 'wrap', 'empty'), weird), { minLength: 1, maxLength: 3 }),
        (which, edits) => {
          let doc: Json = docs[which] as Json;
          for (const [n, how, value] of edits) {
            const ps = doc === docs[which] ? all[which]! : paths(doc);
            doc = edit(doc, ps[n % ps.length]!, how, value);
          }
          check(JSON.stringify(doc), `fuzz/${NAMES[which]}`);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('text edits: cuts, inserted characters, dangerous keys', () => {
    const insert = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\u0000', '\uFEFF', 'null', '"__proto__": {"x": 1}, ', '"constructor": 1, ', '\n', '1e999', '-', '\ud800');
    fc.assert(
      fc.property(fc.nat({ max: TEXTS.length - 1 }), fc.nat(), fc.nat(), fc.constantFrom('cut', 'insert', 'delete', 'duplicate'), insert, (which, a, b, how, piece) => {
        const text = TEXTS[which]!;
        const i = a % (text.length + 1);
        const j = Math.min(text.length, i + (b % 64));
        const mutated =
          how === 'cut' ? text.slice(0, i) : how === 'insert' ? text.slice(0, i) + piece + text.slice(i) : how === 'delete' ? text.slice(0, i) + text.slice(j) : text.slice(0, j) + text.slice(i, j) + text.slice(j);
        check(mutated, `fuzz/${NAMES[which]}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('keys inserted after every opening brace', () => {
    for (const [k, text] of TEXTS.entries()) {
      for (const key of ['"__proto__": {"polluted": true}, ', '"constructor": {"prototype": {"polluted": true}}, ', '"hasOwnProperty": 1, ', '"toString": "x", ']) {
        const mutated = text.replace(/\{(?=\s*")/g, `{${key}`);
        check(mutated, `fuzz/${NAMES[k]}`);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    }
  });
});
