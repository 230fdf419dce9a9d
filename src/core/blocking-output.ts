/**
 * A child's output read with plain blocking reads from a named pipe, for large outputs such as a
 * 100 MB data.tar coming out of xz. Node gives a child's stdout a socket and reads it through a
 * stream: a read, a fresh buffer and a few promises for every 64 KiB. Here the child writes into
 * a FIFO and this process reads it synchronously into large slabs, handing out views of them.
 * Linting a 120 MB package then takes about 3 % less CPU time and 2–4 % less wall time, on two
 * cores that xz and the checks keep busy (docs/performance.md).
 *
 * The reads block the event loop while the child works; every SLICE bytes the loop is given a
 * turn, so signals, timers and other children's pipes are still served, and only one such reader
 * runs at a time (a second child would wait on its full pipe meanwhile: it is streamed instead).
 * Only for children whose stderr is at most a few lines (it is read by the event loop, between
 * slices).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitFailure, spawnChecked, StderrTail, waitForExit, withMissingHint } from './exec.js';

/** Each slab of output is this large; views of it are handed out and it is never reused. */
const SLAB = 4 * 1024 * 1024;
/** Pieces handed out are at least this large, but at the end of the output. */
const PIECE = 1024 * 1024;
/** The event loop gets a turn after this much output. */
const SLICE = 8 * 1024 * 1024;

/** Readers not finished yet (see spawnWithBlockingOutput). */
let active = 0;

export interface BlockingOutputOptions {
  /** The child reads this descriptor as its stdin (the caller closes its own copy). */
  stdinFd: number;
  /** The hint of a `tool-missing` error. */
  missingHint?: string;
}

/** The two ends of a new named pipe, already unlinked; undefined when none can be made here. */
function namedPipe(): { read: number; write: number } | undefined {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'debship-pipe-'));
  } catch {
    return undefined;
  }
  const path = join(dir, 'out');
  let both: number | undefined;
  let write: number | undefined;
  try {
    execFileSync('mkfifo', ['-m', '600', path], { stdio: 'ignore' });
    // Linux opens a FIFO read-write without waiting; with that end open, neither the write-only
    // nor the read-only open waits either. It is closed again at once: the child must hold a
    // write-only end, so that it gets SIGPIPE, not a pipe it reads itself, if this process dies.
    both = openSync(path, constants.O_RDWR);
    write = openSync(path, constants.O_WRONLY);
    return { read: openSync(path, constants.O_RDONLY), write };
  } catch {
    if (write !== undefined) closeSync(write);
    return undefined;
  } finally {
    if (both !== undefined) closeSync(both);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* an empty directory left in the temporary directory */
    }
  }
}

/**
 * Starts `cmd` with its stdout on a named pipe and returns its output, or undefined when no named
 * pipe can be made (the caller streams instead). A non-zero exit becomes a DebshipError with the
 * end of its stderr once the output is read; stopping early kills the child.
 */
export function spawnWithBlockingOutput(cmd: string, args: readonly string[], opts: BlockingOutputOptions): AsyncIterableIterator<Buffer> | undefined {
  // While one reader blocks, another child could only fill its pipe and wait: one at a time.
  if (active > 0) return undefined;
  const pipe = namedPipe();
  if (!pipe) return undefined;
  let child: ChildProcess;
  try {
    child = spawnChecked(cmd, args, { stdio: [opts.stdinFd, pipe.write, 'pipe'] });
  } catch (e) {
    closeSync(pipe.read);
    throw e;
  } finally {
    // The child has its own copy: once it exits, the read end sees the end of the output.
    closeSync(pipe.write);
  }
  return new BlockingOutput(cmd, args, child, pipe.read, opts.missingHint);
}

/** An iterator rather than a generator: one stopped before its first read must still clean up. */
class BlockingOutput implements AsyncIterableIterator<Buffer> {
  private readonly stderr = new StderrTail();
  private readonly status: Promise<{ code: number } | { error: unknown }>;
  private slab = Buffer.allocUnsafe(SLAB);
  private used = 0;
  private sinceTurn = 0;
  private fd: number | undefined;

  constructor(
    private readonly cmd: string,
    private readonly args: readonly string[],
    private readonly child: ChildProcess,
    fd: number,
    private readonly missingHint: string | undefined,
  ) {
    this.fd = fd;
    active++;
    child.stderr?.on('data', (d: Buffer) => this.stderr.add(d));
    this.status = waitForExit(child, cmd).then(
      (code) => ({ code }),
      (error: unknown) => ({ error }),
    );
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<Buffer>> {
    if (this.fd === undefined) return { done: true, value: undefined };
    if (this.sinceTurn >= SLICE) {
      this.sinceTurn = 0;
      await new Promise(setImmediate);
      // return() may have come meanwhile.
      if (this.fd === undefined) return { done: true, value: undefined };
    }
    let n = 0;
    try {
      if (this.slab.length - this.used < PIECE) {
        this.slab = Buffer.allocUnsafe(SLAB);
        this.used = 0;
      }
      // A read returns what the pipe holds, often a single write of the child's: wait for more,
      // as each piece costs its consumer (the event loop gets its turn every SLICE anyway).
      for (let got = -1; got !== 0 && n < PIECE; ) n += got = readSync(this.fd, this.slab, this.used + n, this.slab.length - this.used - n, null);
    } catch (e) {
      this.stop();
      throw e;
    }
    if (n > 0) {
      const piece = this.slab.subarray(this.used, this.used + n);
      this.used += n;
      this.sinceTurn += n;
      return { done: false, value: piece };
    }
    // The end of the output: the child closed it, and its exit status says how it went.
    this.closeRead();
    const end = await this.status;
    if ('error' in end) throw withMissingHint(end.error, this.missingHint);
    if (end.code !== 0) throw exitFailure(this.cmd, this.args, end.code, this.stderr.text());
    return { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<Buffer>> {
    this.stop();
    return { done: true, value: undefined };
  }

  /** Stops early: a child still running is killed (it would only block on a full pipe). */
  private stop(): void {
    if (this.fd === undefined) return;
    this.closeRead();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private closeRead(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    active--;
  }
}
