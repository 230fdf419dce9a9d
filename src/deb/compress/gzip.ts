/**
 * Parallel gzip in the style of pigz, on node:zlib. The input is cut into fixed-size chunks; each
 * is raw-deflated on its own, primed with the previous 32 KiB of input as dictionary, and ended
 * with a sync flush (the last one with a finish), so the concatenated outputs form one deflate
 * stream. node's async zlib runs on the libuv thread pool, so chunks in flight use every core.
 *
 * Every chunk's output is a function of its bytes, its dictionary and the level only, so the
 * result is the same whatever the core count or the timing; only node's bundled zlib version
 * could change it.
 */
import { availableParallelism, cpus } from 'node:os';
import { Transform, type TransformCallback } from 'node:stream';
import { constants, deflateRaw, type ZlibOptions } from 'node:zlib';
import { crc32 } from './crc32.js';

export interface GzipOptions {
  level: number;
  /** Input bytes per independently compressed chunk (default 1 MiB). */
  chunkSize?: number;
  /** Chunks compressed at once (default: the core count, at least 2). Does not change the output. */
  parallel?: number;
}

const WINDOW = 32 * 1024;

export class ParallelGzip extends Transform {
  private readonly level: number;
  private readonly chunkSize: number;
  private readonly parallel: number;
  private buffered: Buffer[] = [];
  private bufferedLength = 0;
  private dictionary = Buffer.alloc(0);
  private readonly inFlight: Array<Promise<Buffer>> = [];
  private crc = 0;
  private inputSize = 0;
  private headerDone = false;

  constructor(opts: GzipOptions) {
    super();
    this.level = opts.level;
    this.chunkSize = opts.chunkSize ?? 1024 * 1024;
    // Twice the cores, so a core never waits while the main thread prepares the next chunk.
    this.parallel = opts.parallel ?? 2 * Math.max(2, availableParallelism?.() ?? cpus().length);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.buffered.push(chunk);
    this.bufferedLength += chunk.length;
    this.pump(false).then(() => cb(), cb);
  }

  override _flush(cb: TransformCallback): void {
    this.pump(true).then(() => {
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(this.crc >>> 0, 0);
      trailer.writeUInt32LE(this.inputSize >>> 0, 4);
      this.push(trailer);
      cb();
    }, cb);
  }

  /** Starts every full chunk (all of the rest when `final`), keeping at most `parallel` in flight. */
  private async pump(final: boolean): Promise<void> {
    if (!this.headerDone) {
      this.push(gzipHeader(this.level));
      this.headerDone = true;
    }
    // Chunk boundaries fall at multiples of chunkSize whatever the write sizes were; the last
    // chunk is the remainder, possibly empty.
    while (this.bufferedLength >= this.chunkSize) {
      this.start(this.takeInput(this.chunkSize), false);
      await this.emitUntil(this.parallel - 1);
    }
    if (final) {
      this.start(this.takeInput(this.bufferedLength), true);
      await this.emitUntil(0);
    }
  }

  private takeInput(n: number): Buffer {
    const all = Buffer.concat(this.buffered, this.bufferedLength);
    this.buffered = n < all.length ? [all.subarray(n)] : [];
    this.bufferedLength = all.length - n;
    return all.subarray(0, n);
  }

  private start(input: Buffer, last: boolean): void {
    this.crc = crc32(input, this.crc);
    this.inputSize = (this.inputSize + input.length) % 2 ** 32;
    const opts: ZlibOptions = {
      level: this.level,
      finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      ...(this.dictionary.length > 0 ? { dictionary: this.dictionary } : {}),
    };
    const job = new Promise<Buffer>((resolve, reject) => deflateRaw(input, opts, (err, out) => (err ? reject(err) : resolve(out))));
    job.catch(() => {}); // awaited in order by emitUntil(); this only stops an early rejection being "unhandled"
    this.inFlight.push(job);
    // The last 32 KiB of all input so far (copied: `input` is a view into a larger buffer).
    const tail = input.length >= WINDOW ? input : Buffer.concat([this.dictionary, input]);
    this.dictionary = Buffer.from(tail.subarray(Math.max(0, tail.length - WINDOW)));
  }

  /** Emits finished chunks in order until at most `keep` are in flight. */
  private async emitUntil(keep: number): Promise<void> {
    while (this.inFlight.length > keep) this.push(await this.inFlight.shift()!);
  }
}

/** RFC 1952 header: deflate, no name, mtime 0 (reproducible), XFL as zlib sets it, OS 3 (Unix). */
function gzipHeader(level: number): Buffer {
  const xfl = level === 9 ? 2 : level < 2 ? 4 : 0;
  return Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]);
}
