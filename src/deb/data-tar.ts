/**
 * data.tar as a stream of bytes. Either the MD5s are already known (see file-digests.ts) and each
 * file is checked to be the one that was hashed, or each file's bytes go into the archive and into
 * its MD5 at the same time.
 *
 * The archive is written into fixed 1 MiB chunks — headers encoded into them, file contents read
 * straight into them — so downstream streams see few, large writes and no byte is copied twice.
 * Chunks come from a pool a consumer may give them back to (see ChunkPool). Files are read with
 * synchronous calls: a payload is mostly many small files in the page cache, where each
 * asynchronous open/read/close costs a thread-pool round trip that dwarfs the read itself, and
 * the compressors run on other threads (or processes) meanwhile anyway.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DebshipError } from '../core/errors.js';
import { ChunkPool } from './chunk-pool.js';
import { fileStamp, type FileDigest } from './file-digests.js';
import { tarName } from './paths.js';
import { encodeTarHeader, TAR_BLOCK, TAR_END, writeTarHeader, type TarHeader } from './tar-writer.js';
import type { PackageEntry } from './types.js';

export function tarHeaderOf(e: PackageEntry): TarHeader {
  return {
    name: tarName(e.path, e.type === 'dir'),
    type: e.type,
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    uname: e.owner,
    gname: e.group,
    size: e.type === 'file' ? e.size : 0,
    mtime: e.mtime,
    ...(e.type === 'symlink' ? { linkTarget: e.linkTarget } : {}),
  };
}

export interface DataTarSink {
  /** Called with each regular file's MD5 (lowercase hex) once it has been read; absent when they are known. */
  md5?(path: string, hex: string): void;
  /** The digests computed beforehand: a file on disk that changed since it was hashed is refused. */
  digested?: ReadonlyMap<string, FileDigest>;
  /** Payload bytes read so far. */
  progress(bytes: number): void;
  signal?: AbortSignal;
}

/** The size of the chunks the archive comes in (all but the last). */
export const DATA_CHUNK = 1024 * 1024;

/**
 * The archive of `entries` (already planned: sorted, complete, clamped), in chunks of DATA_CHUNK
 * bytes taken from `pool`. A chunk is never touched again once yielded.
 */
export async function* dataTar(entries: PackageEntry[], sink: DataTarSink, pool = new ChunkPool(DATA_CHUNK)): AsyncGenerator<Buffer> {
  if (pool.size % TAR_BLOCK) throw new Error(`data.tar chunks must be whole tar blocks, not ${pool.size} bytes`);
  const out = new ChunkWriter(pool);
  for (const e of entries) {
    sink.signal?.throwIfAborted();
    yield* out.header(tarHeaderOf(e));
    if (e.type === 'file') {
      const hash = sink.md5 ? createHash('md5') : undefined;
      if (e.source.kind === 'bytes') {
        yield* out.copy(e.source.data, hash);
        sink.progress(e.size);
      } else {
        yield* out.readFile(e.source.path, e.size, e.path, sink, hash);
      }
      if (hash) sink.md5!(e.path, hash.digest('hex'));
      yield* out.zeros((TAR_BLOCK - (e.size % TAR_BLOCK)) % TAR_BLOCK);
    }
    // Let the event loop run between chunks so compressors and writers keep draining.
    if (out.full) yield out.take();
  }
  yield* out.copy(TAR_END);
  const last = out.rest();
  if (last) yield last;
}

/** Fills pooled chunks; each generator method yields the chunks it completes. */
class ChunkWriter {
  private chunk: Buffer;
  private used = 0;

  constructor(private readonly pool: ChunkPool) {
    this.chunk = pool.take();
  }

  get full(): boolean {
    return this.used === this.chunk.length;
  }

  take(): Buffer {
    const full = this.chunk;
    this.chunk = this.pool.take();
    this.used = 0;
    return full;
  }

  /** The last, partly filled chunk, if anything is in it. */
  rest(): Buffer | undefined {
    return this.used ? this.chunk.subarray(0, this.used) : undefined;
  }

  /** A member's header, encoded in place unless it needs long-name records. */
  *header(h: TarHeader): Generator<Buffer> {
    if (this.full) yield this.take();
    // Everything before a header is whole blocks and chunks are too, so a block always fits here.
    if (writeTarHeader(h, this.chunk, this.used)) this.used += TAR_BLOCK;
    else yield* this.copy(encodeTarHeader(h));
  }

  *copy(bytes: Uint8Array, hash?: Hash): Generator<Buffer> {
    hash?.update(bytes);
    for (let off = 0; off < bytes.length; ) {
      if (this.full) yield this.take();
      const n = Math.min(bytes.length - off, this.chunk.length - this.used);
      this.chunk.set(bytes.subarray(off, off + n), this.used);
      this.used += n;
      off += n;
    }
  }

  *zeros(count: number): Generator<Buffer> {
    for (let left = count; left > 0; ) {
      if (this.full) yield this.take();
      const n = Math.min(left, this.chunk.length - this.used);
      this.chunk.fill(0, this.used, this.used + n);
      this.used += n;
      left -= n;
    }
  }

  /** Reads a file of `size` bytes straight into the chunks, hashing it on the way or checking it is the one hashed before. */
  *readFile(path: string, size: number, packagePath: string, sink: DataTarSink, hash?: Hash): Generator<Buffer> {
    const fd = openFile(path);
    // A file hashed before is checked against what was hashed (its size included) afterwards;
    // otherwise ask for one byte past the promised size, so a file that grew is noticed.
    const before = sink.digested?.get(packagePath);
    const limit = before ? size : size + 1;
    try {
      let read = 0;
      while (read < limit) {
        if (this.full) yield this.take();
        const n = readInto(fd, this.chunk, this.used, Math.min(limit - read, this.chunk.length - this.used), path);
        if (n === 0) break;
        // The header already promised `size` bytes; a file that changed since must not corrupt the archive.
        if (read + n > size) throw changed(packagePath, size, 'grew');
        hash?.update(this.chunk.subarray(this.used, this.used + n));
        this.used += n;
        read += n;
        sink.progress(n);
      }
      if (read !== size) throw changed(packagePath, size, 'shrank');
      if (before) {
        const now = fstatSync(fd);
        if (now.size !== size) throw changed(packagePath, size, now.size > size ? 'grew' : 'shrank');
        if (before.stamp !== fileStamp(now)) throw changed(packagePath, size, 'was modified');
      }
    } finally {
      closeSync(fd);
    }
  }
}

function openFile(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (e) {
    throw unreadable(path, e);
  }
}

function readInto(fd: number, buf: Buffer, offset: number, length: number, path: string): number {
  try {
    return readSync(fd, buf, offset, length, null);
  } catch (e) {
    throw unreadable(path, e);
  }
}

function unreadable(path: string, e: unknown): DebshipError {
  return new DebshipError('file-unreadable', `cannot read ${path}: ${(e as Error).message}`, { file: path, cause: e });
}

function changed(path: string, size: number, how: string): DebshipError {
  return new DebshipError('file-changed', `${path} ${how} while being packaged (${size} bytes when listed)`, {
    hint: 'make sure nothing writes to the staging tree during the build',
  });
}
