/**
 * For tests: damaged .xz streams, as a corrupt or hostile package has them, every other byte kept
 * valid.
 */
import { crc32 } from './crc32.js';
import { encodeVli } from './xz.js';

/**
 * `xz`, a stream of one block, with its index recording `declared` as the uncompressed size (the
 * index CRC recomputed).
 */
export function withDeclaredSize(xz: Uint8Array, declared: number): Buffer {
  const out = Buffer.from(xz);
  const n = out.length;
  const indexSize = (out.readUInt32LE(n - 8) + 1) * 4;
  const start = n - 12 - indexSize;
  let pos = start + 1;
  const vli = () => {
    const at = pos;
    while (out[pos]! & 0x80) pos++;
    pos++;
    return { at, length: pos - at };
  };
  if (vli().length !== 1 || out[start + 1] !== 1) throw new Error('expected an index of one record');
  vli(); // unpadded size
  const size = vli();
  const encoded = encodeVli(declared);
  // Same length keeps every offset valid.
  if (encoded.length !== size.length) throw new Error(`${declared} takes ${encoded.length} bytes in the index, the real size ${size.length}`);
  encoded.copy(out, size.at);
  const crcAt = start + indexSize - 4;
  out.writeUInt32LE(crc32(out.subarray(start, crcAt)), crcAt);
  return out;
}

/**
 * `xz`, a one-block stream with a CRC32 check, with that check no longer matching: it sits just
 * before the index, so the output comes out whole and only the check fails.
 */
export function withBadCheck(xz: Uint8Array): Buffer {
  const bad = Buffer.from(xz);
  bad[bad.length - 12 - (bad.readUInt32LE(bad.length - 8) + 1) * 4 - 1]! ^= 0xff;
  return bad;
}
