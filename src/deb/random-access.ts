/**
 * Positioned reads over a file or a buffer, so the ar reader can seek from header to header and
 * stream one member without loading the archive.
 */
import { close, closeSync, fstat, open, openSync, read as readFd, readSync } from 'node:fs';
import { promisify } from 'node:util';
import { DebshipError } from '../core/errors.js';

// The callback API, promisified: node:fs/promises would load readline and friends as well, a
// measurable part of linting one small package.
const openAsync = promisify(open);
const fstatAsync = promisify(fstat);
const readAsync = promisify(readFd);
const closeAsync = promisify(close);

export interface RandomAccess {
  readonly size: number;
  /** Exactly `length` bytes at `position` (callers stay within `size`). */
  read(position: number, length: number): Promise<Buffer>;
  /** `length` bytes from `position`, in chunks of bounded size. */
  stream(position: number, length: number): AsyncIterable<Buffer>;
  /**
   * A new descriptor of the same file whose offset is `position`, for a child process to read
   * from there itself; undefined when there is no file behind this, or the way there is long.
   * The caller closes it.
   */
  openFrom?(position: number): number | undefined;
  close(): Promise<void>;
}

/** openFrom reads its way to the position (Node has no lseek): worth it only this far in. */
const OPEN_FROM_MAX = 16 * 1024 * 1024;

const CHUNK = 256 * 1024;

export function bufferAccess(data: Uint8Array): RandomAccess {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    size: buf.length,
    read: async (position, length) => buf.subarray(position, position + length),
    async *stream(position, length) {
      for (let p = position; p < position + length; p += CHUNK) yield buf.subarray(p, Math.min(p + CHUNK, position + length));
    },
    close: async () => {},
  };
}

export async function fileAccess(path: string): Promise<RandomAccess> {
  let fd: number;
  try {
    fd = await openAsync(path, 'r');
  } catch (e) {
    throw new DebshipError('file-unreadable', `cannot open ${path}: ${(e as Error).message}`, { file: path, cause: e });
  }
  const st = await fstatAsync(fd).catch(async (e: unknown) => {
    await closeAsync(fd);
    throw e;
  });
  if (!st.isFile()) {
    await closeAsync(fd);
    throw new DebshipError('file-unreadable', `${path} is not a regular file`, { file: path });
  }
  const { size } = st;
  let closing: Promise<void> | undefined;
  // Reads on the thread pool when close() is called: the descriptor is closed after them, never
  // under them (its number may belong to another file by the time they run).
  const reading = new Set<Promise<unknown>>();
  const read = async (position: number, length: number): Promise<Buffer> => {
    const buf = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      if (closing) throw new Error(`${path} was read after being closed`);
      const pending = readAsync(fd, buf, done, length - done, position + done);
      reading.add(pending);
      try {
        const { bytesRead } = await pending;
        if (bytesRead === 0) throw new DebshipError('file-truncated', `${path} shrank while being read`, { file: path });
        done += bytesRead;
      } finally {
        reading.delete(pending);
      }
    }
    return buf;
  };
  return {
    size,
    read,
    async *stream(position, length) {
      for (let p = position; p < position + length; p += CHUNK) yield await read(p, Math.min(CHUNK, position + length - p));
    },
    openFrom: (position) => (closing || position > OPEN_FROM_MAX ? undefined : reopenAt(fd, position)),
    // Once only: a descriptor number closed twice may by then belong to another file.
    close: () => (closing ??= Promise.allSettled([...reading]).then(() => closeAsync(fd))),
  };
}

/**
 * The file open as `fd` opened again, with its own offset moved to `position`. Through
 * /proc/self/fd, so it is the same file even if its path now names another; undefined without
 * /proc or when the file is shorter.
 */
function reopenAt(fd: number, position: number): number | undefined {
  let again: number;
  try {
    again = openSync(`/proc/self/fd/${fd}`, 'r');
  } catch {
    return undefined;
  }
  try {
    const scratch = Buffer.allocUnsafe(Math.min(position, CHUNK));
    for (let done = 0; done < position; ) {
      const n = readSync(again, scratch, 0, Math.min(scratch.length, position - done), null);
      if (n === 0) throw new Error('the file is shorter');
      done += n;
    }
    return again;
  } catch {
    closeSync(again);
    return undefined;
  }
}
