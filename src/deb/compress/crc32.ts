/**
 * CRC-32 as gzip's trailer needs it, incrementally. node:zlib has a native crc32 from Node 20.15
 * and 22.2; older 20.x releases fall back to a table-driven JS version with the same results.
 */
import * as zlib from 'node:zlib';

type Crc32 = (data: Uint8Array, previous?: number) => number;

const native = (zlib as unknown as { crc32?: Crc32 }).crc32;

let table: Uint32Array | undefined;

export function crc32Js(data: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** Node's native crc32 returns 0 for an empty buffer without a backing store, whatever `previous` is. */
export const crc32: Crc32 = native ? (data, previous = 0) => (data.length === 0 ? previous : native(data, previous)) : crc32Js;
