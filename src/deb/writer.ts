/**
 * Writes a .deb with bounded memory whatever the payload: data.tar streams through the
 * compressor into a temporary file beside the output (MD5s computed on the way), control.tar is
 * built from those sums, and the ar archive is assembled into `<out>.tmp-<random>` and renamed
 * into place. On any failure the temporary files are removed: nothing is ever half-written.
 * Same input, same bytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DebshipError, isDebshipError } from '../core/errors.js';
import { AR_MAGIC, arHeader, arPadding } from './ar.js';
import { createCompressor, extensionOf, isExternal, transformBuffer } from './compress/index.js';
import { buildControlTar } from './control-tar.js';
import { ChunkPool } from './chunk-pool.js';
import { DATA_CHUNK, dataTar } from './data-tar.js';
import { installedSize } from './installed-size.js';
import { planPackage } from './plan.js';
import type { Package } from './types.js';

export interface WriteDebOptions {
  signal?: AbortSignal;
  /** Payload bytes read so far and in total. */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

export interface WriteDebResult {
  path: string;
  /** Size of the .deb in bytes. */
  size: number;
  sha256: string;
  /** Installed-Size written in the control file, KiB. */
  installedSize: number;
  /** Entries in data.tar, directories and the root included. */
  fileCount: number;
}

export async function writeDeb(pkg: Package, outPath: string, opts: WriteDebOptions = {}): Promise<WriteDebResult> {
  const plan = planPackage(pkg);
  const kib = installedSize(pkg, plan);
  const ext = extensionOf(pkg.compression.algo);
  const suffix = randomBytes(6).toString('hex');
  const dataTmp = `${outPath}.data-${suffix}`;
  const outTmp = `${outPath}.tmp-${suffix}`;
  const total = plan.entries.reduce((n, e) => n + (e.type === 'file' ? e.size : 0), 0);
  let done = 0;
  opts.onProgress?.(0, total);
  try {
    const md5 = new Map<string, string>();
    const pool = new ChunkPool(DATA_CHUNK);
    const sink = { md5: (path: string, hex: string) => md5.set(path, hex), progress: (n: number) => opts.onProgress?.((done += n), total), signal: opts.signal };
    await compressInto(dataTmp, Readable.from(dataTar(plan.entries, sink, pool)), pkg, pool, opts.signal);

    const md5sums = plan.entries
      .filter((e) => e.type === 'file' && !plan.conffilePaths.has(e.path))
      .map((e): [string, string] => [e.path, md5.get(e.path)!]);
    const controlTar = buildControlTar({ pkg, installedSize: kib, conffilesText: plan.conffilesText, md5sums });
    const control = await transformBuffer(createCompressor(pkg.compression), controlTar);
    opts.signal?.throwIfAborted();

    const written = assemble(outTmp, pkg.sourceDateEpoch, [
      { name: 'debian-binary', data: Buffer.from('2.0\n') },
      { name: `control.tar${ext}`, data: control },
      { name: `data.tar${ext}`, path: dataTmp, size: (await stat(dataTmp)).size },
    ]);
    await rename(outTmp, outPath);
    return { path: outPath, ...written, installedSize: kib, fileCount: plan.entries.length };
  } catch (e) {
    await rm(outTmp, { force: true });
    if (opts.signal?.aborted) throw new DebshipError('aborted', `writing ${outPath} was aborted`, { cause: e });
    if (!isDebshipError(e) && (e as NodeJS.ErrnoException).code) {
      throw new DebshipError('write-failed', `cannot write ${outPath}: ${(e as Error).message}`, {
        file: outPath,
        cause: e,
        hint: 'check that the output directory exists, is writable and has free space',
      });
    }
    throw e;
  } finally {
    await rm(dataTmp, { force: true });
  }
}

/**
 * xz and zstd write the member file themselves, and hand each chunk back to the pool once their
 * pipe has taken it; in-process codecs go through a write stream.
 */
async function compressInto(path: string, source: Readable, pkg: Package, pool: ChunkPool, signal?: AbortSignal): Promise<void> {
  if (!isExternal(pkg.compression.algo)) {
    await pipeline(source, createCompressor(pkg.compression), createWriteStream(path), { signal });
    return;
  }
  const fh = await open(path, 'w');
  try {
    const discard = new Writable({ write: (_chunk, _enc, cb) => cb() });
    await pipeline(source, createCompressor(pkg.compression, { outputFd: fh.fd, onFlushed: (chunk) => pool.give(chunk) }), discard, { signal });
  } finally {
    await fh.close();
  }
}

type Member = { name: string; data: Buffer } | { name: string; path: string; size: number };

/**
 * Writes the ar archive, hashing as it goes, and syncs it so the rename publishes whole bytes.
 * Synchronous on purpose: nothing else is left to run meanwhile, and a thread-pool round trip per
 * piece of a large member costs more than the copy.
 */
function assemble(path: string, mtime: number, members: Member[]): { size: number; sha256: string } {
  const fd = openSync(path, 'w');
  const hash = createHash('sha256');
  let size = 0;
  const write = (buf: Buffer): void => {
    hash.update(buf);
    size += buf.length;
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
  };
  try {
    write(AR_MAGIC);
    for (const m of members) {
      const length = 'data' in m ? m.data.length : m.size;
      write(arHeader(m.name, length, mtime));
      if ('data' in m) write(m.data);
      else copyFile(m.path, length, write);
      write(arPadding(length));
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

/** Exactly `length` bytes of the file, in large pieces; a file that shrank since is an error. */
function copyFile(path: string, length: number, write: (buf: Buffer) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(Math.min(length, COPY_PIECE));
    for (let left = length; left > 0; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, left), null);
      if (n === 0) throw new DebshipError('write-failed', `${path} became shorter than ${length} bytes while the package was assembled`);
      write(buf.subarray(0, n));
      left -= n;
    }
  } finally {
    closeSync(fd);
  }
}

const COPY_PIECE = 4 * 1024 * 1024;
