import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
});
