/**
 * The MD5 of every regular file, computed before the archive is written: md5sums lives in the
 * control member, which precedes data.tar, so knowing the sums first lets the compressor write
 * data.tar straight into the package instead of into a temporary file copied afterwards.
 *
 * A large payload is hashed on every core: the main thread and worker threads take files, largest
 * first, from one shared counter, so nobody waits for a worker that started late. Each digest
 * carries a stamp of the file (size, mtime, ctime, inode) taken after reading it; the archive pass
 * compares it with its own, as GNU tar does, so a file changed between the two reads is refused
 * instead of shipped with a wrong sum.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { DebshipError } from '../core/errors.js';
import type { PackageEntry } from './types.js';

export interface FileDigest {
  md5: string;
  /** What the file looked like when it was hashed; see fileStamp. */
  stamp: string;
}

/** Below this many bytes of files on disk, starting a worker costs more than it saves. */
const WORKER_THRESHOLD = 16 * 1024 * 1024;
/** The main thread lets the event loop run (abort, progress) this often while hashing its share. */
const SLICE_MS = 50;

/**
 * Starts hashing `entries`' regular files at once (workers, when the payload is large, begin
 * while the caller does other work); `result()` joins in on the main thread and returns every
 * digest. Call `stop()` when done or abandoning, to end the workers.
 */
export class FileDigests {
  private readonly digests = new Map<string, FileDigest>();
  private readonly onDisk: Array<{ path: string; source: string; size: number }> = [];
  /** onDisk's source paths, the list the shared counter indexes. */
  private readonly sources: string[];
  /** The shared counters; see hashShare. */
  private readonly shared = new SharedArrayBuffer(16);
  private readonly workers: Array<{ worker: Worker; results: Promise<HashResult[]> }>;

  constructor(entries: readonly PackageEntry[]) {
    for (const e of entries) {
      if (e.type !== 'file') continue;
      if (e.source.kind === 'bytes') this.digests.set(e.path, { md5: crypto.createHash('md5').update(e.source.data).digest('hex'), stamp: '' });
      else this.onDisk.push({ path: e.path, source: e.source.path, size: e.size });
    }
    this.onDisk.sort((a, b) => b.size - a.size);
    const bytes = this.onDisk.reduce((n, f) => n + f.size, 0);
    const count = bytes < WORKER_THRESHOLD ? 0 : Math.min(3, availableParallelism() - 1);
    this.sources = this.onDisk.map((f) => f.source);
    this.workers = Array.from({ length: count }, () => startWorker(this.sources, this.shared));
    // A worker that fails is reported by result(); until then its rejection is not unhandled.
    for (const w of this.workers) w.results.catch(() => {});
  }

  /** `progress` hears the bytes hashed so far, by every thread, between the main thread's slices. */
  async result(signal?: AbortSignal, progress?: (bytes: number) => void): Promise<Map<string, FileDigest>> {
    const mine: HashResult[] = [];
    const hashed = new BigInt64Array(this.shared, 8, 1);
    for (;;) {
      signal?.throwIfAborted();
      const done = hashShare(this.sources, this.shared, fs, crypto, SLICE_MS);
      for (const r of done.results) mine.push(r);
      progress?.(Number(Atomics.load(hashed, 0)));
      if (done.finished) break;
      await yieldToEventLoop();
    }
    const all = [mine, ...(await Promise.all(this.workers.map((w) => w.results)))].flat();
    if (this.workers.length) progress?.(Number(Atomics.load(hashed, 0)));
    for (const [i, md5, stamp] of all) {
      const f = this.onDisk[i]!;
      if (md5 === null) throw new DebshipError('file-unreadable', `cannot read ${f.source}: ${stamp}`, { file: f.source });
      this.digests.set(f.path, { md5, stamp });
    }
    return this.digests;
  }

  stop(): void {
    for (const w of this.workers) void w.worker.terminate();
  }
}

/** Hashes every regular file of `entries` (see FileDigests). */
export async function digestFiles(entries: readonly PackageEntry[], signal?: AbortSignal): Promise<Map<string, FileDigest>> {
  const digests = new FileDigests(entries);
  try {
    return await digests.result(signal);
  } finally {
    digests.stop();
  }
}

/** [index, md5, stamp], or [index, null, error message] for a file that could not be read. */
type HashResult = [number, string, string] | [number, null, string];

function startWorker(sources: string[], shared: SharedArrayBuffer): { worker: Worker; results: Promise<HashResult[]> } {
  const source = `const { workerData, parentPort } = require('node:worker_threads');
parentPort.postMessage((${hashShare.toString()})(workerData.sources, workerData.shared, require('node:fs'), require('node:crypto'), Infinity).results);`;
  const worker = new Worker(source, { eval: true, workerData: { sources, shared } });
  const results = new Promise<HashResult[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new DebshipError('digest-worker', `a hashing worker stopped (exit ${code}) before finishing`)));
  });
  return { worker, results };
}

/**
 * Takes files from the shared counter and hashes them until none is left or `budgetMs` has passed.
 * `shared` holds the index of the next file to take (Int32 at 0) and the bytes hashed so far by
 * every thread (BigInt64 at 8). Self-contained (everything through its parameters): it is also the
 * whole program of a worker.
 */
function hashShare(sources: readonly string[], shared: SharedArrayBuffer, fsApi: typeof fs, cryptoApi: typeof crypto, budgetMs: number): { results: HashResult[]; finished: boolean } {
  const next = new Int32Array(shared, 0, 1);
  const hashed = new BigInt64Array(shared, 8, 1);
  const results: HashResult[] = [];
  const buf = Buffer.allocUnsafe(1024 * 1024);
  const until = Date.now() + budgetMs;
  while (Date.now() < until) {
    const i = Atomics.add(next, 0, 1);
    if (i >= sources.length) return { results, finished: true };
    let fd = -1;
    try {
      fd = fsApi.openSync(sources[i]!, 'r');
      const hash = cryptoApi.createHash('md5');
      for (let n; (n = fsApi.readSync(fd, buf, 0, buf.length, null)) > 0; ) {
        hash.update(buf.subarray(0, n));
        Atomics.add(hashed, 0, BigInt(n));
      }
      const st = fsApi.fstatSync(fd);
      // Keep in step with fileStamp below.
      results.push([i, hash.digest('hex'), `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`]);
    } catch (e) {
      results.push([i, null, (e as Error).message]);
    } finally {
      if (fd >= 0) fsApi.closeSync(fd);
    }
  }
  return { results, finished: false };
}

/** A file's size, mtime, ctime and inode, as hashShare records them: any write changes one of them. */
export function fileStamp(st: fs.Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}
