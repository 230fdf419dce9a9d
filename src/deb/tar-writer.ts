/**
 * GNU-format tar, the dialect dpkg-deb writes and dpkg reads: magic `ustar  \0`, names and link
 * targets of 100 bytes or more in GNU long-name (`L`) / long-link (`K`) records, base-256 numbers
 * where octal does not fit. Never PAX `x`/`g` headers: dpkg rejects them as unknown entry types.
 */
import { DebshipError } from '../core/errors.js';

export const TAR_BLOCK = 512;
/** Two zero blocks close an archive. */
export const TAR_END = Buffer.alloc(2 * TAR_BLOCK);

export type TarType = 'file' | 'dir' | 'symlink' | 'hardlink';

export interface TarHeader {
  /** Member name as written, e.g. `./usr/bin/foo` or `./usr/`. */
  name: string;
  type: TarType;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  /** Content size; 0 for anything but regular files. */
  size: number;
  mtime: number;
  linkTarget?: string;
}

const TYPEFLAG: Record<TarType, string> = { file: '0', hardlink: '1', symlink: '2', dir: '5' };
const NAME_FIELD = 100;
const GNU_MAGIC = 'ustar  \0';

/** The header block(s) of one member: GNU `K`/`L` records when needed, then the header itself. */
export function encodeTarHeader(h: TarHeader): Buffer {
  const name = Buffer.from(h.name, 'utf8');
  const link = h.linkTarget === undefined ? EMPTY : Buffer.from(h.linkTarget, 'utf8');
  if (name.length === 0 || name.includes(0) || link.includes(0)) {
    throw new DebshipError('tar-name', `tar member name ${JSON.stringify(h.name)} is empty or contains a NUL byte`);
  }
  const header = headerBlock({
    name: name.subarray(0, NAME_FIELD),
    link: link.subarray(0, NAME_FIELD),
    typeflag: TYPEFLAG[h.type],
    mode: h.mode,
    uid: h.uid,
    gid: h.gid,
    size: h.size,
    mtime: h.mtime,
    uname: h.uname,
    gname: h.gname,
    what: h.name,
  });
  // GNU tar switches to long records at 100 bytes (a full field has no NUL); so do we.
  if (link.length < NAME_FIELD && name.length < NAME_FIELD) return header;
  const blocks: Buffer[] = [];
  if (link.length >= NAME_FIELD) blocks.push(...longRecord('K', link));
  if (name.length >= NAME_FIELD) blocks.push(...longRecord('L', name));
  blocks.push(header);
  return Buffer.concat(blocks);
}

const EMPTY = Buffer.alloc(0);

/** Zero bytes completing a member's content to a whole block. */
export function tarPadding(size: number): Buffer {
  const rest = size % TAR_BLOCK;
  return rest === 0 ? Buffer.alloc(0) : Buffer.alloc(TAR_BLOCK - rest);
}

/** A complete archive in memory; for small archives (control.tar) and tests. */
export function buildTar(members: Array<{ header: TarHeader; body?: Uint8Array }>): Buffer {
  const parts: Buffer[] = [];
  for (const { header, body } of members) {
    const data = body ?? new Uint8Array(0);
    if (data.length !== header.size) {
      throw new DebshipError('tar-size', `tar member ${header.name} declares ${header.size} bytes but has ${data.length}`);
    }
    parts.push(encodeTarHeader(header), Buffer.from(data), tarPadding(data.length));
  }
  parts.push(TAR_END);
  return Buffer.concat(parts);
}

function longRecord(typeflag: 'L' | 'K', value: Buffer): Buffer[] {
  // Same fields as GNU tar's own `././@LongLink` records; the data is NUL-terminated.
  const data = Buffer.concat([value, Buffer.alloc(1)]);
  const header = headerBlock({
    name: Buffer.from('././@LongLink'),
    link: Buffer.alloc(0),
    typeflag,
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: data.length,
    mtime: 0,
    uname: 'root',
    gname: 'root',
    what: value.toString('utf8'),
  });
  return [header, data, tarPadding(data.length)];
}

interface RawHeader {
  name: Buffer;
  link: Buffer;
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  uname: string;
  gname: string;
  what: string;
}

function headerBlock(r: RawHeader): Buffer {
  const b = Buffer.alloc(TAR_BLOCK);
  r.name.copy(b, 0);
  writeNumber(b, 100, 8, r.mode, r.what, 'mode');
  writeNumber(b, 108, 8, r.uid, r.what, 'uid');
  writeNumber(b, 116, 8, r.gid, r.what, 'gid');
  writeNumber(b, 124, 12, r.size, r.what, 'size');
  writeNumber(b, 136, 12, r.mtime, r.what, 'mtime');
  b.write(r.typeflag, 156, 'latin1');
  r.link.copy(b, 157);
  b.write(GNU_MAGIC, 257, 'latin1');
  writeString(b, 265, 32, r.uname, r.what, 'owner');
  writeString(b, 297, 32, r.gname, r.what, 'group');
  // The checksum is computed with its own field as spaces, then written as 6 digits, NUL, space.
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < TAR_BLOCK; i++) sum += b[i]!;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return b;
}

/** Octal with a NUL when it fits (GNU tar's choice), else GNU base-256 (e.g. sizes ≥ 8 GiB). */
function writeNumber(b: Buffer, offset: number, width: number, value: number, what: string, field: string): void {
  if (!Number.isSafeInteger(value)) throw new DebshipError('tar-field', `tar member ${what}: ${field} ${value} is not an integer`);
  if (value >= 0 && value < 8 ** (width - 1)) {
    b.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, 'latin1');
    return;
  }
  if (field === 'mode') throw new DebshipError('tar-field', `tar member ${what}: mode ${value.toString(8)} is out of range`);
  // Two's complement, big-endian, high bit of the first byte set (0x80 positive, 0xff negative).
  let v = BigInt.asUintN(8 * width, BigInt(value));
  for (let i = width - 1; i >= 0; i--) {
    b[offset + i] = Number(v & 0xffn);
    v >>= 8n;
  }
  b[offset] = value < 0 ? 0xff : 0x80;
}

function writeString(b: Buffer, offset: number, width: number, value: string, what: string, field: string): void {
  const written = b.write(value, offset, width, 'utf8');
  // Buffer.write stops at the field's end (never mid-character): a shorter count means it did not fit.
  if (Buffer.byteLength(value, 'utf8') !== written || value.includes('\0')) {
    throw new DebshipError('tar-field', `tar member ${what}: ${field} name "${value}" is longer than ${width} bytes or contains NUL`);
  }
}
