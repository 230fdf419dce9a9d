/**
 * Removing working copies safely, and doing it even when the test process is interrupted.
 * Everything here is synchronous so it can run from an 'exit' or signal handler.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Mount points at or below `dir`, deepest first (from /proc/self/mountinfo). */
export function mountsUnder(dir: string): string[] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((p): p is string => p !== undefined)
    .map((p) => p.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8))))
    .filter((p) => p === dir || p.startsWith(prefix))
    .sort((a, b) => b.length - a.length);
}

/**
 * Unmounts everything below `dir`, then deletes it. Refuses to delete while anything is still
 * mounted there: `rm -rf` through a bind mount would delete the mounted files themselves.
 */
export function removeTreeSync(dir: string): void {
  for (const mount of mountsUnder(dir)) {
    const r = spawnSync('umount', [mount], { stdio: 'ignore' });
    if (r.status !== 0) spawnSync('umount', ['--lazy', mount], { stdio: 'ignore' });
  }
  const left = mountsUnder(dir);
  if (left.length > 0) throw new Error(`cannot remove ${dir}: still mounted: ${left.join(', ')}`);
  const rm = spawnSync('rm', ['-rf', '--one-file-system', dir], { encoding: 'utf8' });
  if (rm.status !== 0) throw new Error(`rm -rf ${dir} failed: ${rm.stderr.trim()}`);
}

const pending = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const onSignal = (signal: NodeJS.Signals): void => {
  runPending();
  detach();
  // Let the default action end the process, unless someone else (the test runner) handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
};
const onExit = (): void => runPending();

function runPending(): void {
  for (const fn of [...pending]) {
    pending.delete(fn);
    try {
      fn();
    } catch (e) {
      process.stderr.write(`debship-test: cleanup failed: ${(e as Error).message}\n`);
    }
  }
}

function detach(): void {
  process.off('exit', onExit);
  for (const s of SIGNALS) process.off(s, onSignal);
}

/**
 * Runs `fn` when the process exits or is interrupted, unless the returned function is called
 * first (which runs it then). Handlers are only installed while something is pending.
 */
export function registerCleanup(fn: () => void): () => void {
  if (pending.size === 0) {
    process.on('exit', onExit);
    for (const s of SIGNALS) process.on(s, onSignal);
  }
  pending.add(fn);
  return () => {
    if (!pending.delete(fn)) return;
    if (pending.size === 0) detach();
    fn();
  };
}
