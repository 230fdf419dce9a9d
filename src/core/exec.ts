/**
 * The one way debship runs child processes: a timeout, captured stderr for error messages, and
 * a kill on abort so nothing is left running. Streaming callers use `spawnPiped`.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { Duplex, type Readable, type Writable } from 'node:stream';
import { DebshipError, ExitCode } from './errors.js';

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Uint8Array;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Resolve instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function exec(cmd: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const out = await execBuffer(cmd, args, opts);
  return { code: out.code, stdout: out.stdout.toString('utf8'), stderr: out.stderr };
}

export async function execBuffer(
  cmd: string,
  args: readonly string[],
  opts: ExecOptions = {},
): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const child = spawnChecked(cmd, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    signal: opts.signal,
  });
  if (opts.input !== undefined) child.stdin!.end(opts.input);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => stdout.push(d));
  child.stderr!.on('data', (d: Buffer) => stderr.push(d));
  const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
  try {
    const code = await waitForExit(child, cmd);
    const result = { code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') };
    if (code !== 0 && !opts.allowFailure) throw exitFailure(cmd, args, code, result.stderr, ExitCode.usage);
    return result;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Spawn with a clear error when the program is missing instead of an unhandled ENOENT. */
export function spawnChecked(cmd: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(cmd, args, options);
  child.on('error', () => {
    /* reported through waitForExit */
  });
  return child;
}

/** Resolves with the exit code; a signal death is reported as 128 + signal number like a shell. */
export function waitForExit(child: ChildProcess, cmd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        reject(
          new DebshipError('tool-missing', `${cmd} is not installed or not on PATH`, {
            hint: `install the package that provides ${cmd} (for example: apt-get install ${cmd})`,
          }),
        );
      } else reject(err);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13 } as Record<string, number>)[signal] ?? 1;
}

export function lastLines(text: string, n = 5): string {
  return text.trim().split('\n').slice(-n).join('\n');
}

/** A `tool-missing` error from waitForExit with a more specific hint (which package, what else to do). */
export function withMissingHint(err: unknown, hint: string | undefined): unknown {
  return err instanceof DebshipError && err.code === 'tool-missing' && hint ? new DebshipError(err.code, err.message, { hint }) : err;
}

/** A child's non-zero exit as an error: the command, its status and the end of its stderr. */
export function exitFailure(cmd: string, args: readonly string[], code: number, stderr: string, exitCode?: ExitCode): DebshipError {
  return new DebshipError('exec-failed', `${cmd} ${args.join(' ')} exited with ${code}: ${lastLines(stderr)}`, exitCode === undefined ? {} : { exitCode });
}

/** The end of a child's stderr: a chatty tool must not grow memory without bound. */
export class StderrTail {
  private readonly pieces: Buffer[] = [];
  private bytes = 0;

  add(piece: Buffer): void {
    this.pieces.push(piece);
    this.bytes += piece.length;
    while (this.bytes > 64 * 1024 && this.pieces.length > 1) this.bytes -= this.pieces.shift()!.length;
  }

  text(): string {
    return Buffer.concat(this.pieces).toString('utf8');
  }
}

/** Whether a program is on PATH, without running it. */
export async function hasCommand(cmd: string): Promise<boolean> {
  const { access, constants } = await import('node:fs/promises');
  const { delimiter, join } = await import('node:path');
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      await access(join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      /* keep looking */
    }
  }
  return false;
}

export interface PipedOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The hint of a `tool-missing` error, instead of the generic one (which package, what else to do). */
  missingHint?: string;
  /**
   * Send the child's stdout straight to this file descriptor instead of through the stream (which
   * then ends without data when the child exits): one copy less for large outputs.
   */
  stdoutFd?: number;
  /**
   * The child reads this file descriptor as its stdin instead of what is written to the stream
   * (which then takes nothing): no copy through this process for input already in a file.
   */
  stdinFd?: number;
  /** Called with each chunk written once the child's pipe has taken it: its memory may be reused. */
  onFlushed?: (chunk: Buffer) => void;
}

/**
 * A child process as a Duplex stream: what is written goes to its stdin, what it prints comes out.
 * A non-zero exit becomes a DebshipError carrying its stderr; destroying the stream (pipeline
 * failure, abort) kills the child, so nothing is left running.
 */
export function spawnPiped(cmd: string, args: readonly string[], opts: PipedOptions = {}): Duplex {
  return new PipedProcess(cmd, args, opts);
}

/** Bytes written to a child's stdin that may wait in the pipe's queue before writers are held back. */
const IN_FLIGHT = 8 * 1024 * 1024;

class PipedProcess extends Duplex {
  private readonly child: ChildProcess;
  private readonly stderr = new StderrTail();
  private exited = false;
  private readonly onFlushed?: (chunk: Buffer) => void;

  constructor(
    private readonly cmd: string,
    args: readonly string[],
    opts: PipedOptions,
  ) {
    super();
    this.onFlushed = opts.onFlushed;
    this.child = spawnChecked(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: [opts.stdinFd ?? 'pipe', opts.stdoutFd ?? 'pipe', 'pipe'] });
    const { stdin, stdout, stderr } = this.child as ChildProcess & { stdin: Writable | null; stdout: Readable | null; stderr: Readable };
    // A child that exits early closes its stdin; its exit status is the error worth reporting.
    stdin?.on('error', () => {});
    stdout?.on('data', (d: Buffer) => {
      if (!this.push(d)) stdout.pause();
    });
    stderr.on('data', (d: Buffer) => this.stderr.add(d));
    waitForExit(this.child, cmd).then(
      (code) => {
        this.exited = true;
        if (code === 0) this.push(null);
        else if (!this.destroyed) this.destroy(exitFailure(cmd, args, code, this.stderr.text()));
      },
      (err: unknown) => {
        this.exited = true;
        this.destroy(withMissingHint(err, opts.missingHint) as Error);
      },
    );
  }

  override _read(): void {
    this.child.stdout?.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    const stdin = this.child.stdin;
    if (!stdin) return cb(new Error(`${this.cmd} reads its input from a file descriptor, not from the stream`));
    if (stdin.destroyed) return cb();
    // Keep a few chunks queued for the child, not one: waiting for each to drain before producing
    // the next leaves the child idle while we read and hash, and the two take turns instead of
    // working at the same time.
    const flushed = this.onFlushed && ((): void => this.onFlushed!(chunk));
    if (stdin.write(chunk, flushed) || stdin.writableLength <= IN_FLIGHT) cb();
    else {
      // Resolve on drain, or on close when the child stops reading (its exit code tells why).
      const done = (): void => {
        stdin.off('drain', done);
        stdin.off('close', done);
        cb();
      };
      stdin.once('drain', done);
      stdin.once('close', done);
    }
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.child.stdin?.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!this.exited) this.child.kill('SIGKILL');
    cb(err);
  }
}
