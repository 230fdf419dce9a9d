/**
 * The ar container of a .deb: a magic line, then members each behind a 60-byte text header.
 * The writer produces exactly what dpkg-deb writes (names padded with spaces and no trailing `/`,
 * uid/gid 0, mode 100644); the reader validates every header before trusting a number in it,
 * because a .deb may come from anywhere.
 */
import { DebshipError } from '../core/errors.js';
import type { RandomAccess } from './random-access.js';

export const AR_MAGIC = Buffer.from('!<arch>\n', 'latin1');
export const AR_HEADER_SIZE = 60;
const AR_FMAG = '`\n';

/** One member header, with `mtime` as the archive's SOURCE_DATE_EPOCH. */
export function arHeader(name: string, size: number, mtime: number): Buffer {
  if (!/^[\x21-\x7e]{1,15}$/.test(name) || name.includes('/')) {
    throw new DebshipError('ar-name', `ar member name "${name}" must be 1-15 printable characters without "/"`);
  }
  if (!Number.isSafeInteger(size) || size < 0 || size > 9_999_999_999) {
    throw new DebshipError('ar-size', `ar member "${name}" is ${size} bytes; ar headers hold at most 10 decimal digits`);
  }
  if (!Number.isSafeInteger(mtime) || mtime < 0 || mtime > 999_999_999_999) {
    throw new DebshipError('ar-mtime', `ar member "${name}" has an invalid mtime ${mtime}`);
  }
  const text =
    name.padEnd(16) + String(mtime).padEnd(12) + '0'.padEnd(6) + '0'.padEnd(6) + '100644'.padEnd(8) + String(size).padEnd(10) + AR_FMAG;
  return Buffer.from(text, 'latin1');
}

/** The `\n` that pads an odd-sized member to an even offset, or nothing. */
export function arPadding(size: number): Buffer {
  return size % 2 === 1 ? Buffer.from('\n') : Buffer.alloc(0);
}

/** A whole archive in memory (control-sized data and tests; the .deb writer streams). */
export function buildAr(members: Array<{ name: string; data: Uint8Array }>, mtime: number): Buffer {
  const parts: Buffer[] = [AR_MAGIC];
  for (const m of members) parts.push(arHeader(m.name, m.data.length, mtime), Buffer.from(m.data), arPadding(m.data.length));
  return Buffer.concat(parts);
}

export interface ArMember {
  name: string;
  /** Offset of the member's data in the archive. */
  offset: number;
  size: number;
  mtime: number;
}

/** Where the next member's header starts: after the data and the padding of an odd size. */
export function memberEnd(m: Pick<ArMember, 'offset' | 'size'>): number {
  return m.offset + m.size + (m.size % 2);
}

/**
 * The members of an ar archive, header by header. Nothing is read beyond the headers, so a
 * huge member costs nothing until its data is asked for through `source.stream()`.
 */
export async function* readArMembers(source: RandomAccess, what = 'archive'): AsyncGenerator<ArMember> {
  const fail = (msg: string): DebshipError =>
    new DebshipError('ar-corrupt', `${what} is not a valid .deb (ar) archive: ${msg}`, {
      file: what,
      hint: 'the file is damaged or not a Debian package; download or build it again',
    });
  if (source.size < AR_MAGIC.length) throw fail(`file is ${source.size} bytes, too short for the ar magic`);
  const magic = await source.read(0, AR_MAGIC.length);
  if (!magic.equals(AR_MAGIC)) throw fail('bad magic (expected "!<arch>\\n")');

  let pos = AR_MAGIC.length;
  for (let index = 0; pos < source.size; index++) {
    if (source.size - pos < AR_HEADER_SIZE) throw fail(`truncated member header at offset ${pos}`);
    const header = (await source.read(pos, AR_HEADER_SIZE)).toString('latin1');
    if (header.slice(58, 60) !== AR_FMAG) throw fail(`bad header terminator at offset ${pos + 58}`);
    const name = header.slice(0, 16).replace(/ +$/, '').replace(/\/$/, '');
    if (!/^[\x21-\x7e]+$/.test(name)) throw fail(`member ${index + 1} at offset ${pos} has an invalid name`);
    const sizeField = header.slice(48, 58);
    if (!/^\d+ *$/.test(sizeField)) throw fail(`member "${name}" has a non-decimal size field "${sizeField.trim()}"`);
    const size = Number(sizeField.trim());
    const offset = pos + AR_HEADER_SIZE;
    if (size > source.size - offset) {
      throw fail(`member "${name}" claims ${size} bytes but only ${source.size - offset} remain (truncated file?)`);
    }
    // dpkg only trusts the size; mtime is informational, so a garbled one reads as 0.
    const mtimeField = header.slice(16, 28).trim();
    const mtime = /^\d+$/.test(mtimeField) ? Number(mtimeField) : 0;
    yield { name, offset, size, mtime };
    pos = memberEnd({ offset, size });
  }
}
