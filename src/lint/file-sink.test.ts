import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseElf } from './elf/parse.js';
import { HELLO_C, compile, haveToolchain } from './elf/test-fixtures.js';
import { FileSink } from './file-sink.js';
import type { LintFile } from './types.js';

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** A file as the loader makes it before its content streams past. */
function fileOf(size: number): LintFile {
  return { path: '/usr/share/x', name: 'usr/share/x', type: 'file', mode: 0o644, owner: 'root', group: 'root', uid: 0, gid: 0, size, mtime: 0, linkTarget: undefined, md5: undefined, head: undefined } as unknown as LintFile;
}

describe('FileSink', () => {
  it('gives the MD5 of the whole content, and the content when a check wants it, however it is cut into pieces', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 4095, 4097, 100_000, 256 * 1024, 256 * 1024 + 1, 700_000), fc.array(fc.integer({ min: 1, max: 300_000 }), { maxLength: 8 }), fc.boolean(), (size, cuts, wanted) => {
        const content = Buffer.alloc(size);
        for (let i = 0; i < size; i++) content[i] = (i * 131 + (i >> 9)) & 0xff;
        const file = fileOf(size);
        // A check that wants the content makes the sink keep it whole.
        const sink = new FileSink(file, wanted ? [() => true] : []);
        let at = 0;
        for (const cut of cuts) {
          if (at >= size) break;
          sink.write(content.subarray(at, Math.min(size, at + cut)));
          at = Math.min(size, at + cut);
        }
        if (at < size) sink.write(content.subarray(at));
        sink.end();
        expect(file.md5).toBe(md5(content));
        expect(file.head?.equals(content.subarray(0, 4096)) ?? size === 0).toBe(true);
        if (wanted) expect(file.content?.equals(content)).toBe(true);
        else expect(file.content).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it.runIf(haveToolchain())('parses an ELF object that arrives in pieces as it parses the whole', () => {
    const elf = compile(HELLO_C, ['-g']);
    const file = fileOf(elf.length);
    const sink = new FileSink(file, []);
    for (let at = 0; at < elf.length; at += 1000) sink.write(elf.subarray(at, at + 1000));
    sink.end();
    expect(file.elf).toEqual(parseElf(elf));
    expect(file.content).toBeUndefined();
  });

  it('holds a kept file in a buffer of its own, not in the pieces it was given', () => {
    const content = Buffer.alloc(300_000, 7);
    const pieces = [content.subarray(0, 5000), content.subarray(5000, 150_000), content.subarray(150_000)];
    const file = fileOf(content.length);
    const sink = new FileSink(file, [() => true]);
    for (const piece of pieces) sink.write(piece);
    // Nothing kept points into the pieces, so the decompressor's buffers behind them can be freed.
    content.fill(9);
    sink.end();
    expect(file.content?.equals(Buffer.alloc(300_000, 7))).toBe(true);
  });
});
