/**
 * Decodes many .xz members with a few long-lived `xz -dc` processes instead of one process per
 * member: a fork costs time in proportion to the parent's memory, which made starting xz the
 * dominant cost of linting a batch of small packages. Each process (a lane) gets whole streams
 * back to back on stdin; since every stream's index states its uncompressed size, the output is
 * cut back into one piece per member, in order, with backpressure per member.
 *
 * xz checks a stream (its integrity check, its index) only after writing its output, so a
 * member's output is not final when its last byte arrives: the member ends once the first buffer's
 * worth of the filler's output behind it has come out as it should, which xz writes only after
 * those checks passed.
 * A stream xz rejects kills its lane: the member it belongs to gets the error and the ones queued
 * behind it go to a fresh lane.
 */
import type { ChildProcess } from 'node:child_process';
import { DebshipError } from '../../core/errors.js';
import { lastLines, spawnChecked } from '../../core/exec.js';
import { LARGEST_XZ_BUFFER, xzBufferSize } from './xz-buffers.js';
import { makeFiller, type Filler } from './xz-filler.js';

/** Output held for a member whose reader is slower than xz, before xz is paused. */
const HIGH_WATER = 4 * 1024 * 1024;

/**
 * xz reads its input and writes its output in whole buffers (xz-buffers.ts), blocking until a
 * buffer is full: a member's tail could wait for the next member forever. So each member is
 * followed by the pool's filler stream (xz-filler.ts), whose output, twice a buffer, pushes the
 * member's output and at least the filler's own first buffer out and is discarded, and by a
 * buffer of stream padding (zero bytes, which xz skips between streams) to complete reads.
 */
interface Flush {
  filler: Filler;
  padding: Buffer;
  /** Filler output that vouches for the member before it: as much as xz's buffers always let out. */
  vouching: number;
}

function flushFor(bufferSize: number): Flush {
  return { filler: makeFiller(bufferSize), padding: Buffer.alloc(bufferSize), vouching: bufferSize };
}

class Job implements AsyncIterable<Buffer> {
  remaining: number;
  received = 0;
  abandoned = false;
  private pieces: Buffer[] = [];
  private held = 0;
  private ended = false;
  private error: Error | undefined;
  private wake: (() => void) | undefined;
  onDrain: (() => void) | undefined;

  constructor(
    readonly input: Uint8Array,
    readonly size: number,
  ) {
    this.remaining = size;
  }

  /** Whether the lane must stop reading xz until this reader catches up. */
  get full(): boolean {
    return !this.abandoned && this.held > HIGH_WATER;
  }

  push(piece: Buffer): void {
    this.received += piece.length;
    if (this.abandoned) return;
    this.pieces.push(piece);
    this.held += piece.length;
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(error: Error): void {
    this.error = error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const piece = this.pieces.shift();
        if (piece) {
          this.held -= piece.length;
          if (this.held <= HIGH_WATER / 4) this.onDrain?.();
          yield piece;
          continue;
        }
        if (this.error) throw this.error;
        if (this.ended) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      // A reader that stops early (a corrupt tar) must not stall the members behind it.
      this.abandoned = true;
      this.pieces = [];
      this.held = 0;
      this.onDrain?.();
    }
  }
}

class Lane {
  readonly jobs: Job[] = [];
  /** The member whose output came whole, waiting for its filler to show that xz accepted it. */
  private unverified: Job | undefined;
  pending = 0;
  private readonly child: ChildProcess;
  private readonly stderr: Buffer[] = [];
  private paused = false;
  dead = false;

  constructor(
    private readonly flush: Flush,
    private readonly onDeath: (lane: Lane, orphans: Job[]) => void,
  ) {
    this.child = spawnChecked('xz', ['-dc', '-q'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdin!.on('error', () => {});
    this.child.stdout!.on('data', (d: Buffer) => this.take(d));
    this.child.stderr!.on('data', (d: Buffer) => this.stderr.push(d));
    this.child.once('error', (e: NodeJS.ErrnoException) =>
      this.die(
        e.code === 'ENOENT'
          ? new DebshipError('tool-missing', 'xz is not installed or not on PATH', { hint: 'install it with: apt-get install xz-utils (this package needs it to be read)' })
          : e,
      ),
    );
    this.child.once('close', (code) => this.die(code === 0 ? undefined : new Error(`xz -dc exited with ${code}: ${lastLines(Buffer.concat(this.stderr).toString('utf8'))}`)));
  }

  submit(job: Job): void {
    job.onDrain = () => this.resume();
    const filler = new Job(this.flush.filler.stream, this.flush.filler.output.length);
    filler.abandoned = true;
    this.jobs.push(job, filler);
    this.pending += job.size + filler.size;
    this.finishEmpty();
    this.child.stdin!.write(job.input);
    this.child.stdin!.write(this.flush.filler.stream);
    this.child.stdin!.write(this.flush.padding);
  }

  close(): void {
    this.child.stdin!.end();
  }

  private take(data: Buffer): void {
    let rest = data;
    while (rest.length) {
      const head = this.jobs[0];
      if (!head) return this.die(new Error('xz produced more output than the streams declared'));
      const n = Math.min(head.remaining, rest.length);
      const piece = rest.subarray(0, n);
      if (this.isFiller(head) && n > 0) {
        // Anything else where the filler's output belongs is the member before it running on past
        // the size its index declares (xz is about to reject that stream).
        const at = head.size - head.remaining;
        if (!piece.equals(this.flush.filler.output.subarray(at, at + n))) return this.die(new Error('it decodes to more than its index declares'));
        if (at < this.flush.vouching && at + n >= this.flush.vouching) this.verified();
      }
      head.push(piece);
      head.remaining -= n;
      this.pending -= n;
      rest = rest.subarray(n);
      if (head.remaining === 0) this.shift();
    }
    if (this.jobs[0]?.full && !this.paused) {
      this.paused = true;
      this.child.stdout!.pause();
    }
  }

  private shift(): void {
    this.complete(this.jobs.shift()!);
    this.finishEmpty();
  }

  /** Empty streams produce no output: they are done as soon as they reach the head. */
  private finishEmpty(): void {
    while (this.jobs[0]?.remaining === 0) this.complete(this.jobs.shift()!);
  }

  private isFiller(job: Job): boolean {
    return job.input === this.flush.filler.stream;
  }

  /** A job got all its output: a member still waits for its filler to vouch for it. */
  private complete(job: Job): void {
    if (this.isFiller(job)) job.end();
    else this.unverified = job;
  }

  /** xz went on to the filler: the member before it passed its checks. */
  private verified(): void {
    this.unverified?.end();
    this.unverified = undefined;
  }

  private resume(): void {
    if (this.paused && !this.jobs[0]?.full) {
      this.paused = false;
      this.child.stdout!.resume();
    }
  }

  private die(error: Error | undefined): void {
    if (this.dead) return;
    this.dead = true;
    // A lane given up while xz still runs (its output made no sense) must not keep it waiting.
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    const jobs = this.jobs.splice(0);
    const unverified = this.unverified;
    this.unverified = undefined;
    // A clean exit means xz accepted every stream it read; after an error, the member waiting for
    // its filler is the suspect.
    if (!error) unverified?.end();
    const suspect = error ? unverified : undefined;
    if (!jobs.length && !suspect) return;
    const cause = error ?? new Error('xz -dc stopped before the end of its input');
    if (isToolMissing(cause)) {
      for (const job of jobs) job.fail(cause);
      this.onDeath(this, []);
      return;
    }
    // xz stops on the stream it cannot decode: the member at the head, or, when the head is a
    // filler, the member before it, whose output came whole but did not pass xz's checks. The
    // members queued behind go to a fresh lane either way.
    const queued = jobs.filter((j) => !this.isFiller(j));
    const damaged = jobs[0] && !this.isFiller(jobs[0]) ? queued.shift() : suspect;
    damaged?.fail(new DebshipError('exec-failed', cause.message));
    this.onDeath(this, queued);
  }
}

function isToolMissing(e: Error): boolean {
  return e instanceof DebshipError && e.code === 'tool-missing';
}

export class XzPool {
  private lanes: Lane[] = [];
  private closed = false;
  /**
   * Sized to xz's buffers, which the first decode asks xz for: a run whose packages were all
   * decoded early never starts xz at all. Members wait in `unsent` until the answer comes.
   */
  private flush: Flush | undefined;
  private asking = false;
  private unsent: Job[] = [];

  constructor(
    private readonly width: number,
    /** xz's buffer size (xz-buffers.ts); tests give one. */
    private readonly bufferSize: () => Promise<number> = xzBufferSize,
  ) {}

  /** The output of one complete xz stream that decodes to exactly `size` bytes. */
  decode(stream: Uint8Array, size: number): AsyncIterable<Buffer> {
    const job = new Job(stream, size);
    this.submit(job);
    // A lane started after close() would never be closed.
    if (this.closed) this.close();
    return job;
  }

  /** Ends every lane's input so the xz processes exit once their queues are decoded. */
  close(): void {
    this.closed = true;
    for (const lane of this.lanes) lane.close();
    this.lanes = [];
  }

  private submit(job: Job): void {
    if (this.flush) return this.lane(this.flush).submit(job);
    this.unsent.push(job);
    if (this.asking) return;
    this.asking = true;
    void this.bufferSize()
      .then(flushFor)
      .catch(() => flushFor(LARGEST_XZ_BUFFER))
      .then((flush) => {
        this.flush = flush;
        this.resubmit(this.unsent.splice(0));
      });
  }

  private lane(flush: Flush): Lane {
    this.lanes = this.lanes.filter((l) => !l.dead);
    if (this.lanes.length < this.width) {
      const lane = new Lane(flush, (dead, orphans) => this.adopt(dead, orphans));
      this.lanes.push(lane);
      return lane;
    }
    return this.lanes.reduce((a, b) => (b.pending < a.pending ? b : a));
  }

  private adopt(dead: Lane, orphans: Job[]): void {
    this.lanes = this.lanes.filter((l) => l !== dead);
    this.resubmit(orphans);
  }

  private resubmit(jobs: Job[]): void {
    for (const job of jobs) {
      if (!job.abandoned) this.submit(job);
    }
    // Lanes started after close() (for a dead lane's queue, or for members that waited for xz's
    // answer) would never be closed: close them now.
    if (this.closed) this.close();
  }
}
