/**
 * A streaming tar reader accepting what dpkg accepts (v7, ustar with prefix, GNU long-name and
 * long-link records, base-256 numbers) and refusing what dpkg refuses (PAX, GNU sparse and
 * multivolume entries). Built for hostile input: every header is checksummed, names that would
 * escape the target directory are refused, and memory stays bounded whatever sizes are claimed.
 */
import { DebshipError } from '../core/errors.js';
import { ByteReader } from './byte-reader.js';
import { pathFromTarName, PATH_MAX } from './paths.js';
import type { TarMemberFields } from './tar-member.js';
import type { DebEntry } from './types.js';

export interface TarEntry extends TarMemberFields<DebEntry['type']> {
  /** Normalised absolute path: `/usr/bin/foo`, `/` for the root. */
  path: string;
}

/**
 * The entry as a package entry: owner and group by name, as dpkg resolves them. Every entry gets
 * the same properties in the same order (`linkTarget` undefined when there is none): code reading
 * many entries then meets one object shape.
 */
export function debEntryOf(e: TarEntry): DebEntry {
  return {
    path: e.path,
    type: e.type,
    mode: e.mode,
    owner: e.uname,
    group: e.gname,
    uid: e.uid,
    gid: e.gid,
    size: e.size,
    mtime: e.mtime,
    linkTarget: e.linkTarget,
  };
}

export interface ReadTarOptions {
  /** Names the archive in error messages, e.g. `data.tar.xz in foo.deb`. */
  what?: string;
  /** Which regular files to return the content of; the rest is skipped without buffering. */
  collect?: (entry: TarEntry) => boolean;
  /**
   * Streams the content of regular files that are not collected: the returned sink gets each
   * piece in order (pieces are views into the reader's buffers: copy what you keep), then `end()`.
   */
  visit?: (entry: TarEntry) => BodySink | undefined;
  /** Largest content returned by `collect`, in bytes. */
  maxCollect?: number;
  /** Largest GNU long name or link record accepted, in bytes with its NUL (default Linux's PATH_MAX). */
  maxLongName?: number;
  /** Most entries accepted (default a million: 10 s and 1 GB to lint; the largest packages hold about 100,000). */
  maxEntries?: number;
  /** After the end-of-archive blocks, how much trailing data to read so decompressor errors surface. */
  drainLimit?: number;
}

export interface BodySink {
  write(piece: Buffer): void;
  end(): void;
}

const BLOCK = 512;

const UNSUPPORTED: Record<string, string> = {
  x: 'a PAX extended header',
  g: 'a PAX global header',
  S: 'a GNU sparse file',
  M: 'a GNU multivolume continuation',
  V: 'a GNU volume label',
};

const TYPES: Record<string, DebEntry['type']> = {
  '0': 'file',
  '\0': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'dir',
  '6': 'fifo',
};

export async function* readTar(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: ReadTarOptions = {},
): AsyncGenerator<{ entry: TarEntry; body?: Buffer }> {
  const what = opts.what ?? 'tar archive';
  const maxCollect = opts.maxCollect ?? 16 * 1024 * 1024;
  // A longer path or link target cannot be unpacked (ENAMETOOLONG), and a path of 30,000
  // directories lints into 30,000 findings of up to 60 KB each.
  const maxLong = opts.maxLongName ?? PATH_MAX;
  const r = new ByteReader(source);
  const fail = (msg: string): DebshipError =>
    new DebshipError('tar-corrupt', `${what}: ${msg}`, { hint: 'the package is damaged or was not built for dpkg' });
  const maxEntries = opts.maxEntries ?? 1_000_000;
  let count = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  try {
    for (;;) {
      const at = r.position;
      const block = r.readNow(BLOCK) ?? (await r.read(BLOCK));
      if (block.length === 0 && longName === undefined && longLink === undefined) break;
      if (block.length < BLOCK) throw fail(`truncated archive: partial or missing header at offset ${at}`);
      if (isZero(block)) {
        if (longName !== undefined || longLink !== undefined) throw fail(`GNU long name record at the end of the archive`);
        break;
      }
      const h = decodeHeader(block, at, fail);
      if (h.typeflag === 'L' || h.typeflag === 'K') {
        if (h.size > maxLong) {
          const limit = maxLong === PATH_MAX ? `${maxLong} bytes (PATH_MAX: dpkg cannot unpack a longer path)` : `${maxLong} bytes`;
          throw fail(`GNU long ${h.typeflag === 'L' ? 'name' : 'link'} of ${h.size} bytes at offset ${at} exceeds ${limit}`);
        }
        const data = r.readNow(h.size) ?? (await r.read(h.size));
        const padded = data.length === h.size && skipped(r, pad(h.size));
        if (padded === false || (padded !== true && !(await padded))) throw fail(`truncated archive inside a GNU long name record`);
        const nul = data.indexOf(0);
        const value = data.subarray(0, nul < 0 ? data.length : nul).toString('utf8');
        if (h.typeflag === 'L') longName = value;
        else longLink = value;
        continue;
      }
      const unsupported = UNSUPPORTED[h.typeflag];
      if (unsupported) {
        throw fail(`entry ${JSON.stringify(h.name)} at offset ${at} is ${unsupported} (typeflag '${h.typeflag}'), which dpkg does not support`);
      }
      let type = TYPES[h.typeflag];
      if (!type) throw fail(`unknown tar entry type ${JSON.stringify(h.typeflag)} at offset ${at}`);
      // A few megabytes of xz can hold millions of empty entries, which would exhaust the heap.
      if (++count > maxEntries) throw fail(`more than ${maxEntries} entries (the next at offset ${at})`);
      const name = longName ?? h.name;
      const rawLink = longLink ?? h.linkName;
      longName = longLink = undefined;
      if (name === '') throw fail(`entry with an empty name at offset ${at}`);
      // Pre-POSIX archives mark directories with a trailing slash on a regular-file entry.
      if (type === 'file' && name.endsWith('/')) type = 'dir';
      const entry: TarEntry = {
        name,
        path: pathFromTarName(name, what),
        type,
        mode: h.mode & 0o7777,
        uid: h.uid,
        gid: h.gid,
        uname: h.uname,
        gname: h.gname,
        size: type === 'file' ? h.size : 0,
        mtime: h.mtime,
      };
      if (type === 'symlink') entry.linkTarget = rawLink;
      if (type === 'hardlink') entry.linkTarget = pathFromTarName(rawLink, what);
      // Like dpkg, only regular files carry data; other types' size fields are ignored.
      if (type !== 'file') {
        yield { entry };
        continue;
      }
      if (opts.collect?.(entry)) {
        if (entry.size > maxCollect) throw fail(`member ${name} is ${entry.size} bytes, more than the ${maxCollect} allowed here`);
        const body = r.readNow(entry.size) ?? (await r.read(entry.size));
        const padded = body.length === entry.size && skipped(r, pad(entry.size));
        if (padded === false || (padded !== true && !(await padded))) throw fail(`truncated archive inside ${name}`);
        yield { entry, body };
      } else {
        const sink = opts.visit?.(entry);
        if (sink) {
          const write = (piece: Buffer) => sink.write(piece);
          // Awaited only when the body runs past the current chunk.
          const now = r.forEachNow(entry.size, write);
          if (now < entry.size && now + (await r.forEach(entry.size - now, write)) < entry.size) throw fail(`truncated archive inside ${name}`);
          sink.end();
        }
        const rest = skipped(r, (sink ? 0 : entry.size) + pad(entry.size));
        if (rest !== true && !(await rest)) throw fail(`truncated archive inside ${name}`);
        yield { entry };
      }
    }
    await r.skip(opts.drainLimit ?? 1024 * 1024);
  } finally {
    await r.close();
  }
}

interface RawHeader {
  name: string;
  linkName: string;
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  uname: string;
  gname: string;
}

function decodeHeader(b: Buffer, at: number, fail: (msg: string) => DebshipError): RawHeader {
  const field = (name: string, offset: number, width: number, signed = false): number => {
    const v = parseNumber(b.subarray(offset, offset + width), signed);
    if (v === undefined) throw fail(`invalid ${name} field in the header at offset ${at}`);
    return v;
  };
  const stored = parseNumber(b.subarray(148, 156), false);
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += b[i]!;
  if (stored !== sum) throw fail(`header checksum mismatch at offset ${at} (not a tar archive, or corrupted)`);

  const magic = b.toString('latin1', 257, 263);
  let name = cString(b, 0, 100);
  if (magic === 'ustar\0' && b[345] !== 0) name = `${cString(b, 345, 155)}/${name}`;
  const size = field('size', 124, 12);
  return {
    name,
    linkName: cString(b, 157, 100),
    typeflag: String.fromCharCode(b[156]!),
    mode: field('mode', 100, 8),
    uid: field('uid', 108, 8),
    gid: field('gid', 116, 8),
    size,
    mtime: field('mtime', 136, 12, true),
    uname: magic.startsWith('ustar') ? cString(b, 265, 32) : '',
    gname: magic.startsWith('ustar') ? cString(b, 297, 32) : '',
  };
}

/**
 * Octal as dpkg parses it (leading spaces, digits, then only NULs or spaces), or GNU base-256.
 * Undefined when malformed or beyond what a JS number holds exactly.
 */
export function parseNumber(f: Buffer, signed: boolean): number | undefined {
  if (f[0] === 0x80 || f[0] === 0xff) {
    let v = 0n;
    for (const byte of f) v = (v << 8n) | BigInt(byte);
    v = f[0] === 0xff ? BigInt.asIntN(8 * f.length, v) : v & ((1n << BigInt(8 * f.length - 1)) - 1n);
    if (v < 0n && !signed) return undefined;
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined;
  }
  let i = 0;
  while (i < f.length && f[i] === 0x20) i++;
  if (i === f.length) return undefined;
  let v = 0;
  for (; i < f.length && f[i] !== 0 && f[i] !== 0x20; i++) {
    const d = f[i]! - 0x30;
    if (d < 0 || d > 7) return undefined;
    v = v * 8 + d;
  }
  for (; i < f.length; i++) if (f[i] !== 0 && f[i] !== 0x20) return undefined;
  return Number.isSafeInteger(v) ? v : undefined;
}

function cString(b: Buffer, offset: number, width: number): string {
  let end = offset;
  let ascii = true;
  for (; end < offset + width && b[end] !== 0; end++) if (b[end]! >= 0x80) ascii = false;
  // Most names are ASCII, and latin1 decoding skips UTF-8 validation.
  return b.toString(ascii ? 'latin1' : 'utf8', offset, end);
}

/**
 * Skips `n` bytes: `true` when the current chunk held them, else whether the stream did. Callers
 * await only a promise (`await` on a plain value still costs a microtask).
 */
function skipped(r: ByteReader, n: number): true | Promise<boolean> {
  const now = r.skipNow(n);
  return now === n || r.skip(n - now).then((more) => now + more === n);
}

function isZero(b: Buffer): boolean {
  for (const byte of b) if (byte !== 0) return false;
  return true;
}

function pad(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
