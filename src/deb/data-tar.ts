/**
 * data.tar as a stream of bytes. Each regular file is read once: its chunks go into the archive
 * and into its MD5 at the same time, so md5sums costs no second pass over a large payload.
 *
 * Files are read with synchronous calls: a payload is mostly many small files in the page cache,
 * where each asynchronous open/read/close costs a thread-pool round trip that dwarfs the read
 * itself, and the compressors run on other threads (or processes) meanwhile anyway. Small pieces
 * (headers, small files, padding) are batched into larger buffers so the streams downstream see
 * few, large chunks.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { DebshipError } from '../core/errors.js';
import { tarName } from './paths.js';
import { encodeTarHeader, TAR_END, tarPadding, type TarHeader } from './tar-writer.js';
import type { FileSource, PackageEntry } from './types.js';

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
  /** Called with each regular file's MD5 (lowercase hex) once it has been read. */
  md5(path: string, hex: string): void;
  /** Payload bytes read so far. */
  progress(bytes: number): void;
  signal?: AbortSignal;
}

/** Largest piece read from a file at once, and the size batches of small pieces grow to. */
const CHUNK = 1024 * 1024;

/** The archive of `entries` (already planned: sorted, complete, clamped). */
export async function* dataTar(entries: PackageEntry[], sink: DataTarSink): AsyncGenerator<Buffer> {
  const batch = new Batch();
  for (const e of entries) {
    sink.signal?.throwIfAborted();
    batch.add(encodeTarHeader(tarHeaderOf(e)));
    if (e.type === 'file') {
      const hash = createHash('md5');
      let read = 0;
      for (const chunk of contentOf(e.source, e.size)) {
        read += chunk.length;
        // The header already promised e.size bytes; a file that changed since must not corrupt the archive.
        if (read > e.size) throw changed(e.path, e.size, 'grew');
        hash.update(chunk);
        sink.progress(chunk.length);
        batch.add(chunk);
        if (batch.full) yield* batch.take();
      }
      if (read !== e.size) throw changed(e.path, e.size, 'shrank');
      sink.md5(e.path, hash.digest('hex'));
      batch.add(tarPadding(e.size));
    }
    // Let the event loop run between batches so compressors and writers keep draining.
    if (batch.full) yield* batch.take();
  }
  batch.add(TAR_END);
  yield* batch.take();
}

/** A piece this large goes downstream as it is: copying it into a batch would cost more than a write. */
const LARGE = 64 * 1024;

class Batch {
  private parts: Buffer[] = [];
  private length = 0;
  get full(): boolean {
    return this.length >= CHUNK;
  }
  add(b: Buffer): void {
    this.parts.push(b);
    this.length += b.length;
  }
  /** The pieces so far: runs of small ones joined, large ones alone (never copied). */
  *take(): Generator<Buffer> {
    const parts = this.parts;
    this.parts = [];
    this.length = 0;
    let run: Buffer[] = [];
    const joined = () => (run.length === 1 ? run[0]! : Buffer.concat(run));
    for (const part of parts) {
      if (part.length < LARGE) {
        run.push(part);
        continue;
      }
      if (run.length) yield joined();
      run = [];
      yield part;
    }
    if (run.length) yield joined();
  }
}

function* contentOf(source: FileSource, size: number): Generator<Buffer> {
  if (source.kind === 'bytes') {
    yield Buffer.from(source.data.buffer, source.data.byteOffset, source.data.byteLength);
    return;
  }
  let fd: number;
  try {
    fd = openSync(source.path, 'r');
  } catch (e) {
    throw unreadable(source.path, e);
  }
  try {
    // Read one byte past the promised size so a file that grew is noticed.
    for (let remaining = size + 1; remaining > 0; ) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, remaining));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw unreadable(source.path, e);
      }
      if (n === 0) return;
      remaining -= n;
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

function unreadable(path: string, e: unknown): DebshipError {
  return new DebshipError('file-unreadable', `cannot read ${path}: ${(e as Error).message}`, { file: path, cause: e });
}

function changed(path: string, size: number, how: string): DebshipError {
  return new DebshipError('file-changed', `${path} ${how} while being packaged (expected ${size} bytes)`, {
    hint: 'make sure nothing writes to the staging tree during the build',
  });
}
