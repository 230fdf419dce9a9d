/**
 * data.tar as a stream of bytes. Each regular file is read once: its chunks go into the archive
 * and into its MD5 at the same time, so md5sums costs no second pass over a large payload.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
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

/** The archive of `entries` (already planned: sorted, complete, clamped). */
export async function* dataTar(entries: PackageEntry[], sink: DataTarSink): AsyncGenerator<Buffer> {
  for (const e of entries) {
    sink.signal?.throwIfAborted();
    yield encodeTarHeader(tarHeaderOf(e));
    if (e.type !== 'file') continue;
    const hash = createHash('md5');
    let read = 0;
    for await (const chunk of contentOf(e.source)) {
      read += chunk.length;
      // The header already promised e.size bytes; a file that changed since must not corrupt the archive.
      if (read > e.size) throw changed(e.path, e.size, 'grew');
      hash.update(chunk);
      sink.progress(chunk.length);
      yield chunk;
    }
    if (read !== e.size) throw changed(e.path, e.size, 'shrank');
    sink.md5(e.path, hash.digest('hex'));
    yield tarPadding(e.size);
  }
  yield TAR_END;
}

async function* contentOf(source: FileSource): AsyncGenerator<Buffer> {
  if (source.kind === 'bytes') {
    yield Buffer.from(source.data.buffer, source.data.byteOffset, source.data.byteLength);
    return;
  }
  try {
    for await (const chunk of createReadStream(source.path, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
  } catch (e) {
    throw new DebshipError('file-unreadable', `cannot read ${source.path}: ${(e as Error).message}`, { file: source.path, cause: e });
  }
}

function changed(path: string, size: number, how: string): DebshipError {
  return new DebshipError('file-changed', `${path} ${how} while being packaged (expected ${size} bytes)`, {
    hint: 'make sure nothing writes to the staging tree during the build',
  });
}
