import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WRITE_PIECE, writePrettyJson } from './write-pieces.js';

function pieces(value: unknown): string[] {
  const chunks: string[] = [];
  writePrettyJson(value, new Writable({ write: (chunk, _e, cb) => (chunks.push(String(chunk)), cb()) }));
  return chunks;
}

describe('writePrettyJson', () => {
  it('writes what JSON.stringify(value, null, 2) gives, and a newline', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(pieces(v).join('')).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves out and nulls what JSON.stringify does', () => {
    const odd = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s'), 'x'], d: {}, e: [], f: { g: undefined }, '"k"\n': -0, h: Number.NaN };
    expect(pieces(odd).join('')).toBe(`${JSON.stringify(odd, null, 2)}\n`);
  });

  it('writes a document longer than one piece in several, none much longer than a piece', () => {
    const doc = { runs: [{ results: Array.from({ length: 5000 }, (_, i) => ({ id: i, text: `"${'y'.repeat(500)}"\n` })) }] };
    const chunks = pieces(doc);
    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(WRITE_PIECE + 2000);
    expect(chunks.join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });
});
