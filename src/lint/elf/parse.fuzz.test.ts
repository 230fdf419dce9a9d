/**
 * Hostile input: random bytes behind an ELF magic, mutated and truncated real objects, absurd
 * counts and offsets. The parser must return a result or undefined, never throw (readElf is
 * parseElf without its catch-all), in bounded time.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readElf } from './parse.js';
import { HELLO_C, LIB_C, compile, handmadeElf, haveToolchain } from './test-fixtures.js';

/** Runs parseElf and checks the contract: undefined or a well-formed result, quickly. */
function checked(data: Buffer, budgetMs = 2000): void {
  const start = performance.now();
  const info = readElf(data);
  const ms = performance.now() - start;
  expect(ms).toBeLessThan(budgetMs);
  if (info === undefined) return;
  expect([32, 64]).toContain(info.class);
  expect(Array.isArray(info.needed) && Array.isArray(info.sections) && Array.isArray(info.embeddedLibraries)).toBe(true);
  expect(typeof info.unstripped).toBe('boolean');
}

const withMagic = fc
  .tuple(fc.constantFrom(1, 2), fc.constantFrom(1, 2), fc.uint8Array({ minLength: 0, maxLength: 2048 }))
  .map(([cls, enc, rest]) => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, cls, enc]), Buffer.from(rest)]));

/** Byte edits biased towards the headers, where a single byte changes counts and offsets. */
function mutations(size: number, headerEnd: number) {
  const offset = fc.oneof(fc.integer({ min: 0, max: Math.min(size, 64) - 1 }), fc.integer({ min: 0, max: headerEnd - 1 }), fc.integer({ min: 0, max: size - 1 }));
  return fc.array(fc.tuple(offset, fc.oneof(fc.constantFrom(0, 0xff, 0x7f, 0x80), fc.integer({ min: 0, max: 255 }))), { minLength: 1, maxLength: 24 });
}

function mutate(base: Buffer, edits: Array<[number, number]>): Buffer {
  const copy = Buffer.from(base);
  for (const [at, value] of edits) copy[at] = value;
  return copy;
}

describe('parseElf under hostile input', () => {
  it('survives random bytes behind an ELF magic', () => {
    fc.assert(fc.property(withMagic, (data) => checked(data)), { numRuns: 400 });
  });

  it('survives every truncation of a hand-made header', () => {
    for (const bits of [32, 64] as const) {
      const whole = handmadeElf({ machine: 62, bits });
      for (let n = 0; n <= whole.length; n++) checked(whole.subarray(0, n));
    }
  });

  it('survives absurd counts and offsets in the header', () => {
    const base = handmadeElf({ machine: 62 });
    const cases: Array<(b: Buffer) => void> = [
      (b) => b.writeUInt16LE(0xffff, 56), // e_phnum = PN_XNUM without a section 0
      (b) => (b.writeBigUInt64LE(BigInt(b.length - 8), 40), b.writeUInt16LE(0, 60)), // e_shnum from a half-present section 0
      (b) => (b.writeBigUInt64LE(0xffffffffffffff00n, 40), b.writeUInt16LE(0xff00, 60)), // e_shoff beyond 2^53
      (b) => (b.writeBigUInt64LE(0xffffffffffffff00n, 32), b.writeUInt16LE(0xffff, 56)), // e_phoff beyond 2^53
      (b) => b.writeUInt16LE(7, 54), // odd e_phentsize
    ];
    for (const edit of cases) {
      const copy = Buffer.from(base);
      edit(copy);
      checked(copy);
    }
  });

  it('stays linear on a large printable body full of signature fragments', () => {
    const body = Buffer.from('deflate inflate This is a bug in bzip2 Caml1999X0 oui.txt '.repeat(140_000), 'latin1');
    const data = Buffer.concat([handmadeElf({ machine: 62 }), body]);
    checked(data, 5000);
  });

  describe('on mutated real objects', { skip: !haveToolchain() }, () => {
    const program = compile(HELLO_C);
    const library = compile(LIB_C, ['-shared', '-fPIC', '-Wl,-soname,libdemo.so.1']);
    const system = readFileSync(`/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/libz.so.1`);

    for (const [name, base] of [['program', program], ['library', library], ['libz', system]] as const) {
      it(`survives byte edits of a ${name}`, () => {
        // Section headers sit at the end: bias edits to the first 4 KiB and the last 2 KiB too.
        fc.assert(
          fc.property(mutations(base.length, 4096), fc.boolean(), (edits, tail) => {
            const tailEdits = tail ? edits.map(([at, v]): [number, number] => [base.length - 1 - (at % 2048), v]) : edits;
            checked(mutate(base, tailEdits));
          }),
          { numRuns: 250 },
        );
      });

      it(`survives truncation of a ${name}`, () => {
        fc.assert(fc.property(fc.integer({ min: 0, max: base.length }), (n) => checked(base.subarray(0, n))), { numRuns: 150 });
      });
    }
  });
});
