/**
 * Random damage to valid archives must end in a result or a DebshipError: never another exception,
 * a hang or an unbounded allocation. Each property runs a bounded number of cases, each bounded in
 * size, so the whole file stays within a few seconds.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDebshipError } from '../core/errors.js';
import { buildAr, readArMembers } from './ar.js';
import { formatControl, parseControl } from './control.js';
import { bufferAccess } from './random-access.js';
import { readDeb, readDebFrom } from './reader.js';
import { readTar } from './tar-reader.js';
import { buildTar } from './tar-writer.js';
import { dir, file, pkgOf, symlink, tempDir } from './test-helpers.js';
import type { CompressionAlgo } from './types.js';
import { writeDeb } from './writer.js';
import { openDescriptors } from '../../test/support/descriptors.js';

/** Byte flips, overwrites of header-like text, and a truncation, applied to a copy. */
const damage = (size: number) =>
  fc.record({
    edits: fc.array(fc.record({ at: fc.nat(size - 1), byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x30, 0x37, 0x20, 0x00, 0x80, 0xff)) }), { minLength: 1, maxLength: 8 }),
    // Half the cases keep the full length, so edits reach the headers behind the first one.
    cut: fc.oneof(fc.constant(undefined), fc.nat(size)),
  });

function apply(bytes: Buffer, d: { edits: Array<{ at: number; byte: number }>; cut: number | undefined }): Buffer {
  const out = Buffer.from(bytes);
  for (const e of d.edits) out[e.at] = e.byte;
  return d.cut === undefined ? out : out.subarray(0, d.cut);
}

async function resultOrDebshipError(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!isDebshipError(e)) throw e;
    expect(e.exitCode).toBe(2);
  }
}

const tar = buildTar([
  { header: { name: './', type: 'dir', mode: 0o755, uid: 0, gid: 0, uname: 'root', gname: 'root', size: 0, mtime: 1 } },
  { header: { name: `./${'l'.repeat(130)}`, type: 'file', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', size: 600, mtime: 1 }, body: Buffer.alloc(600, 0x61) },
  { header: { name: './s', type: 'symlink', mode: 0o777, uid: 0, gid: 0, uname: 'root', gname: 'root', size: 0, mtime: 1, linkTarget: 'x'.repeat(120) } },
  { header: { name: './f', type: 'file', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', size: 3, mtime: 1 }, body: Buffer.from('abc') },
]);

describe('fuzzing the readers', () => {
  it('ar reader', async () => {
    const ar = buildAr([{ name: 'debian-binary', data: Buffer.from('2.0\n') }, { name: 'control.tar', data: Buffer.alloc(333, 1) }, { name: 'data.tar', data: Buffer.alloc(100, 2) }], 0);
    await fc.assert(
      fc.asyncProperty(damage(ar.length), async (d) => {
        await resultOrDebshipError(async () => {
          for await (const m of readArMembers(bufferAccess(apply(ar, d)))) expect(m.offset + m.size).toBeLessThanOrEqual(ar.length);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('tar reader', async () => {
    await fc.assert(
      fc.asyncProperty(damage(tar.length), async (d) => {
        await resultOrDebshipError(async () => {
          for await (const { body } of readTar([apply(tar, d)], { collect: () => true, maxCollect: 4096, maxLongName: 4096 })) {
            if (body) expect(body.length).toBeLessThanOrEqual(4096);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('tar reader: chunk boundaries change nothing', async () => {
    // What a read produces: entries, collected bodies, streamed bodies, and how it ended.
    const transcript = async (chunks: Uint8Array[]): Promise<string[]> => {
      const out: string[] = [];
      try {
        const opts = {
          collect: (e: { size: number }) => e.size < 100,
          visit: (e: { path: string }) => {
            const pieces: Buffer[] = [];
            return { write: (p: Buffer) => void pieces.push(Buffer.from(p)), end: () => void out.push(`streamed ${e.path}: ${Buffer.concat(pieces).toString('hex')}`) };
          },
          maxLongName: 4096,
        };
        for await (const { entry, body } of readTar(chunks, opts)) out.push(`${entry.type} ${entry.path} ${entry.size}${body ? ` ${body.toString('hex')}` : ''}`);
        out.push('end');
      } catch (e) {
        if (!isDebshipError(e)) throw e;
        out.push(`error: ${e.message}`);
      }
      return out;
    };
    const split = (bytes: Buffer, cuts: number[]): Buffer[] => {
      const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      return [...at, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : at[i - 1]!, end));
    };
    await fc.assert(
      fc.asyncProperty(fc.option(damage(tar.length), { nil: undefined }), fc.array(fc.nat(), { maxLength: 40 }), fc.boolean(), async (d, cuts, bytewise) => {
        const bytes = d ? apply(tar, d) : tar;
        const chunks = bytewise ? [...bytes].map((b) => Buffer.from([b])) : split(bytes, cuts);
        expect(await transcript(chunks)).toEqual(await transcript([bytes]));
      }),
      { numRuns: 300 },
    );
  });

  it('control parser', () => {
    const valid = formatControl([['Package', 'x'], ['Version', '1.0'], ['Description', 'short\nlong text\n\nmore']]);
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('A', 'b', ':', ' ', '\n', '.', '\t', '#', '-', 'é', '\r'), maxLength: 200 }),
      damage(valid.length).map((d) => apply(Buffer.from(valid), d).toString('utf8')),
    );
    fc.assert(
      fc.property(text, (t) => {
        try {
          parseControl(t);
        } catch (e) {
          if (!isDebshipError(e)) throw e;
          expect(e.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 1000 },
    );
  });

  describe.each<CompressionAlgo>(['none', 'gzip'])('whole .deb (%s)', (algo) => {
    let deb: Buffer;
    beforeAll(async () => {
      const out = join(await tempDir(), 'f.deb');
      const pkg = pkgOf([dir('/usr'), file(`/usr/${'n'.repeat(110)}`, 'content'), symlink('/usr/l', 'target')], {
        compression: { algo },
        scripts: { postinst: '#!/bin/sh\n' },
        conffiles: [],
      });
      await writeDeb(pkg, out);
      deb = await readFile(out);
    });

    it('reader', async () => {
      await fc.assert(
        fc.asyncProperty(damage(deb.length), async (d) => {
          await resultOrDebshipError(() => readDebFrom(bufferAccess(apply(deb, d)), 'fuzz.deb'));
        }),
        { numRuns: 200 },
      );
    });
  });

  // Read from a file, xz reads the last member from it directly (reader.ts): damage there must end
  // the same way, and leave no descriptor open.
  it('whole .deb (xz) read from a file', async () => {
    const work = await tempDir();
    const out = join(work, 'f.deb');
    await writeDeb(pkgOf([dir('/usr'), file(`/usr/${'n'.repeat(110)}`, 'content '.repeat(500)), symlink('/usr/l', 'target')], { compression: { algo: 'xz' } }), out);
    const deb = await readFile(out);
    const before = openDescriptors();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(damage(deb.length), async (d) => {
        const path = join(work, `damaged-${n++}.deb`);
        await writeFile(path, apply(deb, d));
        await resultOrDebshipError(() => readDeb(path));
      }),
      { numRuns: 60 },
    );
    for (let i = 0; i < 50 && openDescriptors() > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(openDescriptors()).toBeLessThanOrEqual(before);
  });
});
