/**
 * Writes a .deb with bounded memory whatever the payload, into `<out>.tmp-<random>` renamed into
 * place once whole and synced: on any failure the temporary files are removed, so nothing is
 * ever half-written. Same input, same bytes, whichever of the two ways below wrote them.
 *
 * - Hashed first (the usual case): every file's MD5 is computed up front on every core (see
 *   file-digests.ts), so the control member with md5sums can be written first and the compressor
 *   writes data.tar straight into the package behind it; its ar header is filled in at the end.
 * - In one pass, for a payload too large to stay in the page cache between two reads: data.tar
 *   streams through the compressor into a temporary file beside the output, MD5s computed on the
 *   way, and is copied in behind the control member.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { freemem } from 'node:os';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { DebshipError, isDebshipError } from '../core/errors.js';
import { AR_HEADER_SIZE, AR_MAGIC, arHeader, arPadding } from './ar.js';
import { ChunkPool } from './chunk-pool.js';
import { createCompressor, extensionOf, isExternal, transformBuffer } from './compress/index.js';
import { buildControlTar } from './control-tar.js';
import { DATA_CHUNK, dataTar, type DataTarSink } from './data-tar.js';
import { FileDigests } from './file-digests.js';
import { installedSize } from './installed-size.js';
import { planPackage, type PackagePlan } from './plan.js';
import type { Package } from './types.js';

export interface WriteDebOptions {
  signal?: AbortSignal;
  /** Payload bytes read so far and in total, while hashing (see above) and then while packing. */
  onProgress?: (bytesDone: number, bytesTotal: number, phase: 'hashing' | 'packing') => void;
  /**
   * Hash every file before writing (see above). Default: when the payload's files take at most
   * half the memory available, so the second read comes from the page cache.
   */
  hashFirst?: boolean;
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

/** What both ways of writing need. */
interface Job {
  pkg: Package;
  plan: PackagePlan;
  installedSize: number;
  /** The members' names: control.tar and data.tar with the codec's suffix. */
  controlName: string;
  dataName: string;
  outTmp: string;
  dataTmp: string;
  sink: DataTarSink;
  signal?: AbortSignal;
}

export async function writeDeb(pkg: Package, outPath: string, opts: WriteDebOptions = {}): Promise<WriteDebResult> {
  const total = pkg.files.reduce((n, e) => n + (e.type === 'file' ? e.size : 0), 0);
  // Hashing starts first: its workers get going while the package is planned.
  const digests = (opts.hashFirst ?? total <= freemem() / 2) ? new FileDigests(pkg.files) : undefined;
  const suffix = randomBytes(6).toString('hex');
  const outTmp = `${outPath}.tmp-${suffix}`;
  const dataTmp = `${outPath}.data-${suffix}`;
  try {
    const plan = planPackage(pkg);
    let done = 0;
    opts.onProgress?.(0, total, digests ? 'hashing' : 'packing');
    const job: Job = {
      pkg,
      plan,
      installedSize: installedSize(pkg, plan),
      controlName: `control.tar${extensionOf(pkg.compression.algo)}`,
      dataName: `data.tar${extensionOf(pkg.compression.algo)}`,
      outTmp,
      dataTmp,
      sink: { progress: (n) => opts.onProgress?.((done += n), total, 'packing'), signal: opts.signal },
      signal: opts.signal,
    };
    const hashing = digests && { digests, progress: (bytes: number) => opts.onProgress?.(bytes, total, 'hashing') };
    const written = hashing ? await writeHashedFirst(job, hashing) : await writeInOnePass(job);
    await rename(outTmp, outPath);
    return { path: outPath, ...written, installedSize: job.installedSize, fileCount: plan.entries.length };
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
    digests?.stop();
    await rm(dataTmp, { force: true });
  }
}

type Written = { size: number; sha256: string };

/** The format version member's content. */
const DEBIAN_BINARY = Buffer.from('2.0\n');

/** md5sums first, then data.tar compressed straight into the package behind a placeholder header. */
async function writeHashedFirst(job: Job, hashing: { digests: FileDigests; progress: (bytes: number) => void }): Promise<Written> {
  const digests = await hashing.digests.result(job.signal, hashing.progress);
  const control = await controlMember(job, new Map([...digests].map(([path, d]) => [path, d.md5])));
  job.signal?.throwIfAborted();
  const mtime = job.pkg.sourceDateEpoch;
  const fd = openSync(job.outTmp, 'w+');
  try {
    const head = Buffer.concat([AR_MAGIC, ...member('debian-binary', DEBIAN_BINARY, mtime), ...member(job.controlName, control, mtime)]);
    writeAll(fd, head);
    writeAll(fd, arHeader(job.dataName, 0, mtime));
    const pool = new ChunkPool(DATA_CHUNK);
    await compressInto(fd, Readable.from(dataTar(job.plan.entries, { ...job.sink, digested: digests }, pool)), job.pkg, pool, job.signal);
    // The compressor wrote at the descriptor's offset, behind the placeholder; now its size is known.
    const end = fstatSync(fd).size;
    const dataSize = end - head.length - AR_HEADER_SIZE;
    writeAll(fd, arHeader(job.dataName, dataSize, mtime), head.length);
    writeAll(fd, arPadding(dataSize), end);
    // Hash the finished file while the kernel writes it out; neither may still run once fd is closed.
    const [synced, hashed] = await Promise.allSettled([promisify(fsync)(fd), Promise.resolve().then(() => sha256Of(fd))]);
    if (synced.status === 'rejected') throw synced.reason;
    if (hashed.status === 'rejected') throw hashed.reason;
    return { size: end + arPadding(dataSize).length, sha256: hashed.value };
  } finally {
    closeSync(fd);
  }
}

/** data.tar (hashing on the way) into a temporary file, then copied behind the control member. */
async function writeInOnePass(job: Job): Promise<Written> {
  const md5 = new Map<string, string>();
  const pool = new ChunkPool(DATA_CHUNK);
  let control: Promise<Buffer> | undefined;
  async function* data(): AsyncGenerator<Buffer> {
    yield* dataTar(job.plan.entries, { ...job.sink, md5: (path, hex) => md5.set(path, hex) }, pool);
    // Every file has been read, so md5sums is known: build the control member while the codec
    // is still finishing data.tar, not after.
    control = controlMember(job, md5);
    control.catch(() => {}); // awaited below, unless data.tar failed first
  }
  const dataFd = openSync(job.dataTmp, 'w');
  try {
    await compressInto(dataFd, Readable.from(data()), job.pkg, pool, job.signal);
  } finally {
    closeSync(dataFd);
  }
  const controlBytes = await control!;
  job.signal?.throwIfAborted();
  return assemble(job.outTmp, job.pkg.sourceDateEpoch, [
    { name: 'debian-binary', data: DEBIAN_BINARY },
    { name: job.controlName, data: controlBytes },
    { name: job.dataName, path: job.dataTmp },
  ]);
}

async function controlMember(job: Job, md5: Map<string, string>): Promise<Buffer> {
  const { plan } = job;
  const md5sums = plan.entries
    .filter((e) => e.type === 'file' && !plan.conffilePaths.has(e.path))
    .map((e): [string, string] => [e.path, md5.get(e.path)!]);
  const tar = buildControlTar({ pkg: job.pkg, installedSize: job.installedSize, conffilesText: plan.conffilesText, md5sums });
  return transformBuffer(createCompressor(job.pkg.compression), tar);
}

/**
 * Compresses into `fd` at its current offset. xz and zstd write to the descriptor themselves, and
 * hand each chunk back to the pool once their pipe has taken it; in-process codecs go through a
 * write stream.
 */
async function compressInto(fd: number, source: Readable, pkg: Package, pool: ChunkPool, signal?: AbortSignal): Promise<void> {
  if (!isExternal(pkg.compression.algo)) {
    await pipeline(source, createCompressor(pkg.compression), fdWriter(fd), { signal });
    return;
  }
  const discard = new Writable({ write: (_chunk, _enc, cb) => cb() });
  await pipeline(source, createCompressor(pkg.compression, { outputFd: fd, onFlushed: (chunk) => pool.give(chunk) }), discard, { signal });
}

/**
 * Writes to `fd` at its offset and leaves it open (an fs.WriteStream closes it when destroyed).
 * Synchronous, so no write is still in flight when a failed pipeline returns and the descriptor
 * is closed (and its number possibly reused).
 */
function fdWriter(fd: number): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      try {
        writeAll(fd, chunk);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
}

function member(name: string, data: Buffer, mtime: number): Buffer[] {
  return [arHeader(name, data.length, mtime), data, arPadding(data.length)];
}

function writeAll(fd: number, buf: Buffer, position?: number): void {
  for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off, position === undefined ? null : position + off);
}

function sha256Of(fd: number): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(COPY_PIECE);
  for (let pos = 0, n; (n = readSync(fd, buf, 0, buf.length, pos)) > 0; pos += n) hash.update(buf.subarray(0, n));
  return hash.digest('hex');
}

type Member = { name: string; data: Buffer } | { name: string; path: string };

/**
 * Writes the ar archive, hashing as it goes, and syncs it so the rename publishes whole bytes.
 * Synchronous on purpose: nothing else is left to run meanwhile, and a thread-pool round trip per
 * piece of a large member costs more than the copy.
 */
function assemble(path: string, mtime: number, members: Member[]): Written {
  const fd = openSync(path, 'w');
  const hash = createHash('sha256');
  let size = 0;
  const write = (buf: Buffer): void => {
    hash.update(buf);
    size += buf.length;
    writeAll(fd, buf);
  };
  try {
    write(AR_MAGIC);
    for (const m of members) {
      if ('data' in m) member(m.name, m.data, mtime).forEach(write);
      else copyMember(m.name, m.path, mtime, write);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

/** A file as a member, read in large pieces. */
function copyMember(name: string, path: string, mtime: number, write: (buf: Buffer) => void): void {
  const fd = openSync(path, 'r');
  try {
    const length = fstatSync(fd).size;
    write(arHeader(name, length, mtime));
    const buf = Buffer.allocUnsafe(Math.max(1, Math.min(length, COPY_PIECE)));
    for (let left = length; left > 0; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, left), null);
      if (n === 0) throw new DebshipError('write-failed', `${path} became shorter than ${length} bytes while the package was assembled`);
      write(buf.subarray(0, n));
      left -= n;
    }
    write(arPadding(length));
  } finally {
    closeSync(fd);
  }
}

const COPY_PIECE = 4 * 1024 * 1024;
