/**
 * One codec interface for the .deb members: a compressor or decompressor is a Duplex stream.
 * gzip runs in-process (parallel deflate); xz, zstd, bzip2 and lzma run the system tools, with
 * settings that make the output independent of the core count.
 */
import { availableParallelism, cpus } from 'node:os';
import { PassThrough, Readable, Writable, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { DebshipError } from '../../core/errors.js';
import { spawnWithBlockingOutput } from '../../core/blocking-output.js';
import { spawnPiped } from '../../core/exec.js';
import type { Compression, CompressionAlgo } from '../types.js';
import { ParallelGzip } from './gzip.js';

/** Everything a .deb member may be compressed with; bzip2 and lzma are read only. */
export type AnyAlgo = CompressionAlgo | 'bzip2' | 'lzma';

/** dpkg-deb's defaults. */
export const DEFAULT_LEVEL: Record<Exclude<CompressionAlgo, 'none'>, number> = { gzip: 9, xz: 6, zstd: 3 };

const LEVELS: Record<Exclude<CompressionAlgo, 'none'>, [number, number]> = { gzip: [1, 9], xz: [0, 9], zstd: [1, 22] };

const EXTENSION: Record<AnyAlgo, string> = { gzip: '.gz', xz: '.xz', zstd: '.zst', bzip2: '.bz2', lzma: '.lzma', none: '' };

/** The member-name suffix: `.gz`, `.xz`, `.zst`, or none. */
export function extensionOf(algo: AnyAlgo): string {
  return EXTENSION[algo];
}

/** The algorithm a member name's suffix stands for, or undefined when it is not one dpkg knows. */
export function algoOfExtension(ext: string): AnyAlgo | undefined {
  return (Object.keys(EXTENSION) as AnyAlgo[]).find((a) => EXTENSION[a] === ext);
}

const TOOL_PACKAGE: Record<string, string> = { xz: 'xz-utils', zstd: 'zstd', bzip2: 'bzip2' };

function missingHint(cmd: string, alternative: string): string {
  return `install it with: apt-get install ${TOOL_PACKAGE[cmd] ?? cmd}${alternative}`;
}

function tool(cmd: string, args: string[], alternative: string, opts: CompressorOptions & Pick<DecompressorOptions, 'inputFd'> = {}): Duplex {
  return spawnPiped(cmd, args, {
    missingHint: missingHint(cmd, alternative),
    stdoutFd: opts.outputFd,
    stdinFd: opts.inputFd,
    onFlushed: opts.onFlushed,
  });
}

/** Whether the codec runs as a separate process (and can write to a file descriptor itself). */
export function isExternal(algo: CompressionAlgo): boolean {
  return algo === 'xz' || algo === 'zstd';
}

function cores(): number {
  return availableParallelism?.() ?? cpus().length;
}

export interface CompressorOptions {
  /** gzip only: chunk size of the parallel deflate (tests use small ones). */
  chunkSize?: number;
  /** External codecs only (see isExternal): write the output to this descriptor, not the stream. */
  outputFd?: number;
  /** External codecs only: called with each input chunk once the codec's pipe has taken it. */
  onFlushed?: (chunk: Buffer) => void;
}

export function createCompressor(c: Compression, opts: CompressorOptions = {}): Duplex {
  if (c.algo === 'none') return new PassThrough();
  const level = c.level ?? DEFAULT_LEVEL[c.algo];
  const [min, max] = LEVELS[c.algo];
  if (!Number.isInteger(level) || level < min || level > max) {
    throw new DebshipError('compression-level', `${c.algo} level ${level} is out of range ${min}-${max}`);
  }
  const other = '; or choose another compression (deb.compression: gzip needs no external tool)';
  switch (c.algo) {
    case 'gzip':
      return new ParallelGzip({ level, chunkSize: opts.chunkSize });
    case 'xz':
      // A fixed block size makes threaded xz's output the same for any thread count ≥ 2, and a
      // single stream is required: dpkg stops reading at the end of the first one.
      return tool('xz', [`-${level}`, `-T${Math.max(2, cores())}`, '--block-size=8MiB', '-q', '-c'], other, opts);
    case 'zstd':
      // zstd's multi-threaded mode produces the same frame for any -T ≥ 1.
      return tool('zstd', [`-${level}`, ...(level > 19 ? ['--ultra'] : []), `-T${Math.max(1, cores())}`, '-q', '-c'], other, opts);
  }
}

export interface DecompressorOptions {
  /** Let xz decode a multi-block member (threaded xz output) on every core. */
  threads?: boolean;
  /**
   * xz only: the tool reads its input from this descriptor (positioned at the stream), not from
   * the stream's writable side. It stops after the first xz stream, ignoring what follows.
   */
  inputFd?: number;
}

const READ_REASON = ' (this package needs it to be read)';

export function createDecompressor(algo: AnyAlgo, opts: DecompressorOptions = {}): Duplex {
  switch (algo) {
    case 'none':
      return new PassThrough();
    case 'gzip':
      return createGunzip();
    case 'xz':
      return tool('xz', xzDecodeArgs(opts), READ_REASON, { inputFd: opts.inputFd });
    case 'lzma':
      return tool('xz', ['-dc', '-q', '--format=lzma'], READ_REASON);
    case 'zstd':
      return tool('zstd', ['-dc', '-q'], READ_REASON);
    case 'bzip2':
      return tool('bzip2', ['-dc', '-q'], READ_REASON);
  }
}

/** Like dpkg (liblzma, one stream): data after the first stream is ignored. */
function xzDecodeArgs(opts: DecompressorOptions): string[] {
  return ['-dc', '-q', '--single-stream', ...(opts.threads ? ['-T0'] : [])];
}

/**
 * xz decoding the stream at `inputFd`'s position, its output read with blocking reads from a
 * named pipe (core/blocking-output.ts): less CPU than a stream for large members. Undefined when
 * no named pipe can be made here.
 */
export function xzFromFd(inputFd: number, opts: Pick<DecompressorOptions, 'threads'> = {}): AsyncIterable<Buffer> | undefined {
  return spawnWithBlockingOutput('xz', xzDecodeArgs(opts), { stdinFd: inputFd, missingHint: missingHint('xz', READ_REASON) });
}

/** Runs a whole in-memory buffer through a codec stream (control-sized data, tests). */
export async function transformBuffer(stream: Duplex, data: Uint8Array): Promise<Buffer> {
  const out: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out.push(chunk);
      cb();
    },
  });
  await pipeline(Readable.from([Buffer.from(data)]), stream, collect);
  return Buffer.concat(out);
}
