/**
 * The one way debship runs child processes: a timeout, captured stderr for error messages, and
 * a kill on abort so nothing is left running. Streaming callers use `spawnPiped`.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
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
    if (code !== 0 && !opts.allowFailure) {
      throw new DebshipError('exec-failed', `${cmd} ${args.join(' ')} exited with ${code}: ${lastLines(result.stderr)}`, {
        exitCode: ExitCode.usage,
      });
    }
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
