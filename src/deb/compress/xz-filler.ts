/**
 * The filler stream the xz pool puts behind every member (xz-pool.ts), made afresh for each pool:
 * it decodes to 31 random bytes and a zero, then a run of 0xA5 bytes twice as long as xz's
 * buffers (xz-buffers.ts). The pool takes a member as whole only once the filler's output follows
 * it, byte for byte. A member whose index declares less than it decodes to runs on where that
 * output belongs; with a fixed filler, a crafted member could run on with exactly the filler's
 * bytes and be read short, but it cannot guess the random ones.
 *
 * Random bytes do not compress, and only the first ones need to be random, so the stream is one
 * small LZMA2 block: an uncompressed chunk holding the prefix, then a fixed LZMA chunk for the
 * 0xA5 run. That chunk is what `head -c 131072 /dev/zero | tr '\0' '\245' | xz --format=raw
 * --lzma2=preset=0 -c` writes (16384 for the short run), less its end marker, with its control
 * byte changed from 0xE1 (0xE0) to 0xC1 (0xC0): no dictionary reset. LZMA codes a literal in the
 * context of the byte before it (its top three bits, lc=3) and the position modulo 4 (pb=2), and
 * after 32 bytes ending in a zero both are what the encoder assumed at the start.
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from './crc32.js';
import { encodeVli } from './xz.js';

/** The byte of the run. */
export const FILLER_BYTE = 0xa5;
const PREFIX = 32;

/** The LZMA chunk for each run length: twice xz's 8 KiB and 64 KiB buffers. */
const RUN_CHUNKS = new Map([
  [16384, 'wD//ADVdAFLv+7/+o7Fe5fg/sqomVfhocEFwFQ+N/R5MG4pCtxn0aRhxrmYjiopNL6MN2X+m44tIWB4A'],
  [131072, 'wf//AFhdAFLv+7/+o7Fe5fg/sqomVfhocEFwFQ+N/R5MG4pCtxn0aRhxrmYjiopNL6MN2X+m44wjEVPgWRjFdYrid/i2lH8MasDedElk4ulcU7IE2PdEDKtZ5D8eAAA='],
]);

/** How long the run is behind xz buffers of `bufferSize` bytes. */
export function fillerRun(bufferSize: number): number {
  return 2 * bufferSize;
}

/** Stream flags: no integrity check (the pool compares the output itself). */
const FLAGS = Buffer.from([0, 0]);
const MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
/** One filter, LZMA2 (0x21), with a 256 KiB dictionary (property 0x0C), padded to 12 bytes with its CRC. */
const BLOCK_HEADER_FIELDS = Buffer.from([0x02, 0x00, 0x21, 0x01, 0x0c, 0, 0, 0]);

export interface Filler {
  /** The .xz stream. */
  stream: Buffer;
  /** What it decodes to. */
  output: Buffer;
}

/** A filler for xz buffers of 8 or 64 KiB (xz-buffers.ts). */
export function makeFiller(bufferSize: number): Filler {
  const run = fillerRun(bufferSize);
  const chunk = RUN_CHUNKS.get(run);
  if (chunk === undefined) throw new RangeError(`no filler for xz buffers of ${bufferSize} bytes`);
  const prefix = randomBytes(PREFIX);
  prefix[PREFIX - 1] = 0;
  // An uncompressed chunk that resets the dictionary: 0x01, then its size less one, big-endian.
  const data = Buffer.concat([Buffer.from([0x01, 0, PREFIX - 1]), prefix, Buffer.from(chunk, 'base64'), Buffer.from([0x00])]);
  const header = withCrc(BLOCK_HEADER_FIELDS);
  const block = Buffer.concat([header, data, Buffer.alloc(pad4(header.length + data.length))]);
  const size = PREFIX + run;
  const records = Buffer.concat([Buffer.from([0x00, 0x01]), encodeVli(header.length + data.length), encodeVli(size)]);
  const index = withCrc(Buffer.concat([records, Buffer.alloc(pad4(records.length))]));
  const backward = Buffer.alloc(4);
  backward.writeUInt32LE(index.length / 4 - 1);
  const stream = Buffer.concat([MAGIC, withCrc(FLAGS), block, index, withCrc(Buffer.concat([backward, FLAGS]), true), Buffer.from('YZ')]);
  return { stream, output: Buffer.concat([prefix, Buffer.alloc(run, FILLER_BYTE)]) };
}

/** `bytes` followed by their CRC32 (little-endian), or preceded by it (the stream footer). */
function withCrc(bytes: Buffer, before = false): Buffer {
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(bytes));
  return Buffer.concat(before ? [crc, bytes] : [bytes, crc]);
}

function pad4(n: number): number {
  return (4 - (n % 4)) % 4;
}
