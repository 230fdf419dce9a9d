/**
 * Throwaway working copies of cached clean Debian roots for integration tests.
 *
 *   await withRoot(bookwormApt, async (root) => {
 *     await root.copyIn(debPath, '/tmp/pkg.deb');
 *     await root.run(['dpkg', '-i', '/tmp/pkg.deb']);
 *   });
 *
 * The copy is an overlay over the cached root (a full copy where overlayfs is unavailable) and is
 * unmounted and deleted afterwards, also on failure, timeout, SIGINT and SIGTERM.
 */
import { setMaxListeners } from 'node:events';
import { mkdir, mkdtemp, readdir, realpath, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { exec, type ExecResult } from '../../src/core/exec.js';
import { DebshipError } from '../../src/core/errors.js';
import { registerCleanup, removeTreeSync } from './cleanup.js';
import { ensureLowerDir, hostArch, testCacheDir, type RootSpec } from './root-cache.js';
import { requireRoot, requireTool } from './tools.js';

export { ensureRootTarball, ensureLowerDir, testCacheDir, describeSpec, type RootSpec } from './root-cache.js';

/** Plain bookworm with dpkg and apt, for the host's own architecture: the root for dpkg/apt tests. */
export const bookwormApt: RootSpec = { suite: 'bookworm', arch: hostArch(), variant: 'apt', include: [] };

/** bookworm with Debian's python3, for installing Python service packages such as the example. */
export const bookwormPython: RootSpec = { suite: 'bookworm', arch: hostArch(), variant: 'apt', include: ['python3'] };

/** Roots the global setup builds before test files run; add a spec here when a test starts using it. */
export const suiteRoots: RootSpec[] = [bookwormApt, bookwormPython];

export interface RunOptions {
  input?: string | Uint8Array;
  /** Added to a clean environment (PATH, HOME=/root, LANG=C.UTF-8, DEBIAN_FRONTEND=noninteractive). */
  env?: Record<string, string>;
  /** Working directory inside the root; default `/`. */
  cwd?: string;
  timeoutMs?: number;
  /** Resolve with the non-zero exit code instead of throwing. */
  allowFailure?: boolean;
}

export interface WithRootOptions {
  /** Let dpkg start services (no policy-rc.d). They still end with the command that started them. */
  services?: boolean;
  /** Aborts running commands and cleans up after this long; default 10 minutes. */
  timeoutMs?: number;
  /** Default: `DEBSHIP_TEST_ROOT_MODE`, else overlay with a fallback to a copy. */
  mode?: 'overlay' | 'copy';
}

export interface DebianRoot {
  /** Host path of the working copy's `/`, for reading results. */
  readonly path: string;
  readonly spec: RootSpec;
  readonly mode: 'overlay' | 'copy';
  /** Runs `cmd` chrooted in the root, as PID 1 of its own PID and mount namespaces. */
  run(cmd: string[], opts?: RunOptions): Promise<ExecResult>;
  /** Copies a host file or directory (with `cp -a`) to `pathInRoot`; a trailing `/` copies into that directory. */
  copyIn(hostPath: string, pathInRoot: string): Promise<void>;
}

const BASE_ENV = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/root',
  LANG: 'C.UTF-8',
  DEBIAN_FRONTEND: 'noninteractive',
};

// Runs inside fresh mount and PID namespaces, so these mounts and every process the command
// starts (daemons forked by maintainer scripts included) vanish when it exits or is killed.
// /dev is a small tmpfs with a few bound nodes, so a test cannot touch the host's devices.
const ENTER = `set -e
r=$1; cwd=$2; shift 2
mount -t proc proc "$r/proc"
mount -t sysfs -o ro sysfs "$r/sys"
mount -t tmpfs -o mode=0755,nosuid tmpfs "$r/dev"
for n in null zero full random urandom tty; do : >"$r/dev/$n"; mount --bind "/dev/$n" "$r/dev/$n"; done
mkdir "$r/dev/pts" "$r/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$r/dev/pts"
mount -t tmpfs -o nosuid,nodev tmpfs "$r/dev/shm"
ln -s pts/ptmx "$r/dev/ptmx"; ln -s /proc/self/fd "$r/dev/fd"
ln -s /proc/self/fd/0 "$r/dev/stdin"; ln -s /proc/self/fd/1 "$r/dev/stdout"; ln -s /proc/self/fd/2 "$r/dev/stderr"
exec chroot "$r" /usr/bin/env -C "$cwd" -- "$@"`;

const POLICY_RC_D = '#!/bin/sh\n# Test roots do not start services unless the test asks for them.\nexit 101\n';

let overlayBroken: string | undefined;

export async function withRoot<T>(
  spec: RootSpec,
  fn: (root: DebianRoot) => Promise<T>,
  opts: WithRootOptions = {},
): Promise<T> {
  requireRoot('a clean root working copy');
  const setpriv = await requireTool('setpriv', 'util-linux');
  const lower = await ensureLowerDir(spec);
  const workParent = join(testCacheDir(), 'work');
  await mkdir(workParent, { recursive: true });
  // The pid in the name lets sweepStaleWorkDirs tell an abandoned copy from one in use.
  const work = await mkdtemp(join(workParent, `${process.pid}-`));
  const cleanup = registerCleanup(() => removeTreeSync(work));
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // one listener per running command; many may run at once
  let timer: NodeJS.Timeout | undefined;
  try {
    const { path, mode } = await makeWorkingCopy(lower, work, opts.mode ?? modeFromEnv());
    if (!opts.services) await writeFile(join(path, 'usr/sbin/policy-rc.d'), POLICY_RC_D, { mode: 0o755 });
    const root: DebianRoot = {
      path,
      spec,
      mode,
      run: (cmd, runOpts = {}) => runInRoot(setpriv, path, cmd, runOpts, abort.signal),
      copyIn: (hostPath, pathInRoot) => copyIn(root, hostPath, pathInRoot),
    };
    const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new DebshipError('root-timeout', `withRoot(${spec.suite}/${spec.arch}) did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    return await Promise.race([fn(root), timedOut]);
  } finally {
    clearTimeout(timer);
    abort.abort(); // commands still running after fn settled (not awaited) are killed
    cleanup();
  }
}

function modeFromEnv(): WithRootOptions['mode'] {
  const v = process.env.DEBSHIP_TEST_ROOT_MODE;
  if (v === undefined || v === '') return undefined;
  if (v === 'overlay' || v === 'copy') return v;
  throw new DebshipError('bad-env', `DEBSHIP_TEST_ROOT_MODE must be overlay or copy, not ${JSON.stringify(v)}`);
}

async function makeWorkingCopy(
  lower: string,
  work: string,
  mode: WithRootOptions['mode'],
): Promise<{ path: string; mode: 'overlay' | 'copy' }> {
  if (mode !== 'copy' && !(mode === undefined && overlayBroken)) {
    const merged = join(work, 'root');
    const problem = await mountOverlay(lower, work, merged);
    if (problem === undefined) return { path: merged, mode: 'overlay' };
    if (mode === 'overlay') throw new DebshipError('overlay-failed', `cannot mount an overlay working copy: ${problem}`);
    overlayBroken = problem;
    process.stderr.write(`debship-test: overlayfs unavailable (${problem}); using full copies of roots\n`);
    removeTreeSync(merged);
  }
  const copy = join(work, 'copy');
  await exec('cp', ['-a', '--reflink=auto', lower, copy]);
  return { path: copy, mode: 'copy' };
}

/** Undefined on success, else why overlayfs cannot be used. */
async function mountOverlay(lower: string, work: string, merged: string): Promise<string | undefined> {
  const upper = join(work, 'upper');
  const scratch = join(work, 'scratch');
  // Mount options are comma- and colon-separated; such paths would need escaping.
  if (/[,:\\\s]/.test(lower + work)) return `path contains a character overlayfs options cannot hold: ${work}`;
  await Promise.all([upper, scratch, merged].map((d) => mkdir(d)));
  const options = `lowerdir=${lower},upperdir=${upper},workdir=${scratch}`;
  const r = await exec('mount', ['-t', 'overlay', 'overlay', '-o', options, merged], { allowFailure: true });
  return r.code === 0 ? undefined : r.stderr.trim() || `mount exited with ${r.code}`;
}

async function runInRoot(
  setpriv: string,
  path: string,
  cmd: string[],
  opts: RunOptions,
  signal: AbortSignal,
): Promise<ExecResult> {
  if (signal.aborted) throw new DebshipError('root-gone', `root ${path} was already cleaned up; cannot run ${cmd.join(' ')}`);
  if (cmd.length === 0) throw new DebshipError('bad-command', 'root.run needs a command');
  const cwd = opts.cwd ?? '/';
  // setpriv: the namespace dies with this process even on SIGKILL; --kill-child: ...and with unshare.
  const unshare = ['unshare', '--mount', '--pid', '--fork', '--kill-child', '--'];
  const args = ['--pdeathsig=KILL', '--', ...unshare, 'sh', '-c', ENTER, 'enter', path, cwd, ...cmd];
  const r = await exec(setpriv, args, {
    env: { ...BASE_ENV, ...opts.env },
    input: opts.input,
    timeoutMs: opts.timeoutMs,
    signal,
    allowFailure: true,
  });
  if (r.code !== 0 && !opts.allowFailure) {
    const out = [r.stdout.trim() && `stdout:\n${tail(r.stdout)}`, r.stderr.trim() && `stderr:\n${tail(r.stderr)}`];
    const detail = out.filter(Boolean).join('\n');
    throw new DebshipError('root-command-failed', `in root: ${cmd.join(' ')} exited with ${r.code}${detail ? `\n${detail}` : ''}`);
  }
  return r;
}

function tail(text: string, n = 20): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

async function copyIn(root: DebianRoot, hostPath: string, pathInRoot: string): Promise<void> {
  if (!pathInRoot.startsWith('/')) throw new DebshipError('bad-path', `path in root must be absolute: ${pathInRoot}`);
  const target = pathInRoot.endsWith('/')
    ? posix.join(pathInRoot, posix.basename(hostPath))
    : posix.normalize(pathInRoot);
  // Create the parent from inside, then check it resolves inside the root: an absolute symlink
  // in the root must not redirect the copy onto the host.
  await root.run(['mkdir', '-p', posix.dirname(target)]);
  const parent = await realpath(join(root.path, posix.dirname(target)));
  const top = await realpath(root.path);
  if (parent !== top && !parent.startsWith(`${top}/`)) {
    throw new DebshipError('bad-path', `${posix.dirname(target)} resolves outside the root (${parent})`);
  }
  await exec('cp', ['-a', '--remove-destination', '-T', hostPath, join(parent, posix.basename(target))]);
}

/** Removes working copies left by test processes that were killed (SIGKILL leaves no chance to clean). */
export async function sweepStaleWorkDirs(): Promise<number> {
  const parent = join(testCacheDir(), 'work');
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
    removeTreeSync(join(parent, name));
    removed++;
  }
  return removed;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

