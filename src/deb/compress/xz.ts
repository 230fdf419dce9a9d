/**
 * What the index at the end of an .xz member says: how much it decodes to, and whether it is
 * exactly one stream. The xz pool relies on both to cut the output of shared xz processes back
 * into members.
 */
import { crc32 } from './crc32.js';

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

/** A number in xz's variable-length encoding: seven bits a byte, least significant first. */
export function encodeVli(value: number): Buffer {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a size: ${value}`);
  const bytes: number[] = [];
  for (let v = value; ; v = Math.floor(v / 128)) {
    if (v < 128) {
      bytes.push(v);
      return Buffer.from(bytes);
    }
    bytes.push((v % 128) | 0x80);
  }
}

function readU32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
