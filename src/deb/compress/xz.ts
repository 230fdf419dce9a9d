/**
 * The .xz container around LZMA2, decoded in-process: stream header, blocks (LZMA2 only, the only
 * filter dpkg-deb and debship use), and their integrity checks. Like dpkg, only the first stream
 * is read. Spawning `xz` costs more than decoding a small member here; large members still go to
 * the multi-threaded xz tool (see createDecompressor).
 */
import { createHash } from 'node:crypto';
import { crc32 } from './crc32.js';
import { crc64 } from './crc64.js';
import { decodeLzma2, XzDataError } from './lzma.js';

export { XzDataError } from './lzma.js';

const MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const LZMA2 = 0x21;
/** Check type → its size in bytes (CRC32, CRC64, SHA-256, or none). */
const CHECK_SIZE: Record<number, number> = { 0: 0, 1: 4, 4: 8, 10: 32 };

/** Whether this decoder can read the stream (LZMA2-only blocks, a known check); else use the xz tool. */
export function canDecodeXz(data: Uint8Array): boolean {
  if (data.length < 12 + 12 || !MAGIC.every((b, i) => data[i] === b)) return false;
  if (data[6] !== 0 || CHECK_SIZE[data[7]!] === undefined) return false;
  if (data[12] === 0) return true; // no blocks: an empty stream
  try {
    return blockHeader(data, 12) !== undefined;
  } catch {
    return false;
  }
}

export interface XzStreamInfo {
  /** What the stream decodes to, as its index records it. */
  uncompressed: number;
  /** Whether `data` is exactly one stream (no padding, no second stream). */
  single: boolean;
}

/**
 * What the index at the end of `data` says (read from the stream footer), or undefined when
 * `data` does not end with a readable index. Cheap: it reads only the tail.
 */
export function xzStreamInfo(data: Uint8Array): XzStreamInfo | undefined {
  const n = data.length;
  if (n < 24 || data[n - 2] !== 0x59 || data[n - 1] !== 0x5a) return undefined;
  if (crc32(data.subarray(n - 8, n - 2)) !== readU32(data, n - 12)) return undefined;
  const indexSize = (readU32(data, n - 8) + 1) * 4;
  let pos = n - 12 - indexSize;
  const indexEnd = n - 12;
  if (pos < 12 || data[pos] !== 0) return undefined;
  pos++;
  const vli = (): number | undefined => {
    let value = 0;
    for (let i = 0; i < 9 && pos < indexEnd; i++) {
      const b = data[pos++]!;
      value += (b & 0x7f) * 2 ** (7 * i);
      if (!(b & 0x80)) return value;
    }
    return undefined;
  };
  const records = vli();
  if (records === undefined) return undefined;
  let total = 0;
  let blocks = 0;
  for (let i = 0; i < records; i++) {
    const unpadded = vli();
    const size = vli();
    if (unpadded === undefined || size === undefined) return undefined;
    total += size;
    blocks += Math.ceil(unpadded / 4) * 4;
  }
  return { uncompressed: total, single: 12 + blocks + indexSize + 12 === n };
}

/**
 * Decodes the first stream, yielding the output piece by piece. Throws XzDataError on damage.
 * `expected`, the size the index states, only sizes the first buffers.
 */
export function* decodeXz(data: Uint8Array, expected?: number): Generator<Uint8Array> {
  if (data.length < 12 || !MAGIC.every((b, i) => data[i] === b)) throw new XzDataError('not an xz stream');
  if (crc32(data.subarray(6, 8)) !== readU32(data, 8)) throw new XzDataError('stream header checksum mismatch');
  if (data[6] !== 0) throw new XzDataError('unsupported stream flags');
  const checkType = data[7]!;
  const checkSize = CHECK_SIZE[checkType];
  if (checkSize === undefined) throw new XzDataError(`unsupported integrity check ${checkType}`);
  let pos = 12;
  for (;;) {
    if (pos >= data.length) throw new XzDataError('truncated xz stream');
    if (data[pos] === 0) break; // the index follows the last block
    const header = blockHeader(data, pos);
    if (!header) throw new XzDataError('unsupported filter in xz block');
    const check = newCheck(checkType);
    let produced = 0;
    const blocks = decodeLzma2(data, pos + header.size, header.dictSize, header.uncompressed ?? expected);
    let step = blocks.next();
    for (; !step.done; step = blocks.next()) {
      produced += step.value.length;
      check?.update(step.value);
      yield step.value;
    }
    const end = step.value;
    if (header.compressed !== undefined && end - pos - header.size !== header.compressed) throw new XzDataError('block size mismatch');
    if (header.uncompressed !== undefined && produced !== header.uncompressed) throw new XzDataError('block size mismatch');
    pos = end;
    while (pos % 4 !== 0) if (data[pos++] !== 0) throw new XzDataError('bad block padding');
    if (data.length - pos < checkSize) throw new XzDataError('truncated xz stream');
    if (check && !check.matches(data.subarray(pos, pos + checkSize))) throw new XzDataError('integrity check failed');
    pos += checkSize;
  }
}

/** All of the first stream at once (control members, tests). */
export function decodeXzBuffer(data: Uint8Array): Buffer {
  return Buffer.concat([...decodeXz(data)]);
}

interface BlockHeader {
  size: number;
  dictSize: number;
  compressed?: number;
  uncompressed?: number;
}

function blockHeader(data: Uint8Array, at: number): BlockHeader | undefined {
  const size = (data[at]! + 1) * 4;
  if (data.length - at < size) throw new XzDataError('truncated block header');
  if (crc32(data.subarray(at, at + size - 4)) !== readU32(data, at + size - 4)) throw new XzDataError('block header checksum mismatch');
  const flags = data[at + 1]!;
  if (flags & 0x3c) throw new XzDataError('unsupported block flags');
  let pos = at + 2;
  const vli = (): number => {
    let value = 0;
    for (let i = 0; i < 9; i++) {
      if (pos >= at + size - 4) throw new XzDataError('bad block header');
      const b = data[pos++]!;
      value += (b & 0x7f) * 2 ** (7 * i);
      if (!(b & 0x80)) return value;
    }
    throw new XzDataError('bad block header');
  };
  const header: BlockHeader = { size, dictSize: 0 };
  if (flags & 0x40) header.compressed = vli();
  if (flags & 0x80) header.uncompressed = vli();
  // One filter, LZMA2, with its dictionary-size byte: anything else is left to the xz tool.
  if ((flags & 0x03) !== 0) return undefined;
  if (vli() !== LZMA2 || vli() !== 1) return undefined;
  const props = data[pos++]!;
  if (props > 40) throw new XzDataError('bad LZMA2 dictionary size');
  header.dictSize = props === 40 ? 0xffffffff : (2 | (props & 1)) * 2 ** ((props >> 1) + 11);
  return header;
}

interface Check {
  update(piece: Uint8Array): void;
  matches(stored: Uint8Array): boolean;
}

function newCheck(type: number): Check | undefined {
  if (type === 1) {
    let crc = 0;
    return { update: (p) => void (crc = crc32(p, crc)), matches: (s) => readU32(s, 0) === crc };
  }
  if (type === 4) {
    let state = crc64.initial();
    return { update: (p) => void (state = crc64.update(state, p)), matches: (s) => crc64.equals(state, s) };
  }
  if (type === 10) {
    const hash = createHash('sha256');
    return { update: (p) => void hash.update(p), matches: (s) => Buffer.from(s).equals(hash.digest()) };
  }
  return undefined;
}

function readU32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
