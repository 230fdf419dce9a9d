/**
 * GNU-format tar, the dialect dpkg-deb writes and dpkg reads: magic `ustar  \0`, names and link
 * targets of 100 bytes or more in GNU long-name (`L`) / long-link (`K`) records, base-256 numbers
 * where octal does not fit. Never PAX `x`/`g` headers: dpkg rejects them as unknown entry types.
 */
import { DebshipError } from '../core/errors.js';
import type { TarMemberFields } from './tar-member.js';

export const TAR_BLOCK = 512;
/** Two zero blocks close an archive. */
export const TAR_END = Buffer.alloc(2 * TAR_BLOCK);

export type TarType = 'file' | 'dir' | 'symlink' | 'hardlink';

/** A member as the writer takes it: one of the types it produces. */
export type TarHeader = TarMemberFields<TarType>;

const TYPEFLAG: Record<TarType, number> = { file: 0x30, hardlink: 0x31, symlink: 0x32, dir: 0x35 };
const NAME_FIELD = 100;
const GNU_MAGIC = Buffer.from('ustar  \0', 'latin1');
const LONG_LINK_NAME = Buffer.from('././@LongLink');

/** The header block(s) of one member: GNU `K`/`L` records when needed, then the header itself. */
export function encodeTarHeader(h: TarHeader): Buffer {
  const header = Buffer.alloc(TAR_BLOCK);
  if (writeTarHeader(h, header, 0)) return header;
  const name = Buffer.from(h.name, 'utf8');
  const link = Buffer.from(h.linkTarget ?? '', 'utf8');
  const blocks: Buffer[] = [];
  if (link.length >= NAME_FIELD) blocks.push(...longRecord(0x4b /* K */, link));
  if (name.length >= NAME_FIELD) blocks.push(...longRecord(0x4c /* L */, name));
  writeHeaderBlock(header, 0, fieldsOf(h, name.subarray(0, NAME_FIELD), link.subarray(0, NAME_FIELD)));
  blocks.push(header);
  return Buffer.concat(blocks);
}

/**
 * Writes a member's header into `b` at `at` (one block) when it needs no long-name records, and
 * says whether it did: the data archive encodes most headers in place this way.
 */
export function writeTarHeader(h: TarHeader, b: Buffer, at: number): boolean {
  const link = h.linkTarget ?? '';
  if (h.name === '' || h.name.includes('\0') || link.includes('\0')) {
    throw new DebshipError('tar-name', `tar member name ${JSON.stringify(h.name)} is empty or contains a NUL byte`);
  }
  // GNU tar switches to long records at 100 bytes (a full field has no NUL); so do we.
  if (Buffer.byteLength(h.name, 'utf8') >= NAME_FIELD || Buffer.byteLength(link, 'utf8') >= NAME_FIELD) return false;
  writeHeaderBlock(b, at, fieldsOf(h, h.name, link));
  return true;
}

function fieldsOf(h: TarHeader, name: Buffer | string, link: Buffer | string): RawHeader {
  return { name, link, typeflag: TYPEFLAG[h.type], mode: h.mode, uid: h.uid, gid: h.gid, size: h.size, mtime: h.mtime, uname: h.uname, gname: h.gname, what: h.name };
}

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

function longRecord(typeflag: number, value: Buffer): Buffer[] {
  // Same fields as GNU tar's own `././@LongLink` records; the data is NUL-terminated.
  const data = Buffer.concat([value, Buffer.alloc(1)]);
  const header = Buffer.alloc(TAR_BLOCK);
  writeHeaderBlock(header, 0, {
    name: LONG_LINK_NAME,
    link: '',
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
  /** At most 100 bytes (already cut for long names). */
  name: Buffer | string;
  link: Buffer | string;
  typeflag: number;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  uname: string;
  gname: string;
  what: string;
}

/** One header block at b[at, at + 512), every byte written (b may hold old data). */
function writeHeaderBlock(b: Buffer, at: number, r: RawHeader): void {
  b.fill(0, at, at + TAR_BLOCK);
  if (typeof r.name === 'string') b.write(r.name, at, NAME_FIELD, 'utf8');
  else r.name.copy(b, at);
  writeNumber(b, at + 100, 8, r.mode, r.what, 'mode');
  writeNumber(b, at + 108, 8, r.uid, r.what, 'uid');
  writeNumber(b, at + 116, 8, r.gid, r.what, 'gid');
  writeNumber(b, at + 124, 12, r.size, r.what, 'size');
  writeNumber(b, at + 136, 12, r.mtime, r.what, 'mtime');
  b[at + 156] = r.typeflag;
  if (typeof r.link === 'string') b.write(r.link, at + 157, NAME_FIELD, 'utf8');
  else r.link.copy(b, at + 157);
  GNU_MAGIC.copy(b, at + 257);
  writeString(b, at + 265, 32, r.uname, r.what, 'owner');
  writeString(b, at + 297, 32, r.gname, r.what, 'group');
  // The checksum is computed with its own field as spaces, then written as 6 digits, NUL, space.
  b.fill(0x20, at + 148, at + 156);
  let sum = 0;
  for (let i = at; i < at + TAR_BLOCK; i++) sum += b[i]!;
  writeOctal(b, at + 148, 7, sum);
  b[at + 155] = 0x20;
}

/** Octal with a NUL when it fits (GNU tar's choice), else GNU base-256 (e.g. sizes ≥ 8 GiB). */
function writeNumber(b: Buffer, offset: number, width: number, value: number, what: string, field: string): void {
  if (!Number.isSafeInteger(value)) throw new DebshipError('tar-field', `tar member ${what}: ${field} ${value} is not an integer`);
  if (value >= 0 && value < 8 ** (width - 1)) {
    writeOctal(b, offset, width, value);
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

/** `width - 1` zero-padded octal digits and a NUL; the value must fit. */
function writeOctal(b: Buffer, offset: number, width: number, value: number): void {
  b[offset + width - 1] = 0;
  for (let i = width - 2, v = value; i >= 0; i--, v = Math.floor(v / 8)) b[offset + i] = 0x30 + (v % 8);
}

function writeString(b: Buffer, offset: number, width: number, value: string, what: string, field: string): void {
  const written = b.write(value, offset, width, 'utf8');
  // Buffer.write stops at the field's end (never mid-character): a shorter count means it did not fit.
  if (Buffer.byteLength(value, 'utf8') !== written || value.includes('\0')) {
    throw new DebshipError('tar-field', `tar member ${what}: ${field} name "${value}" is longer than ${width} bytes or contains NUL`);
  }
}
