/**
 * A cross-process exclusive lock held by a `flock` child. The kernel drops the lock when that
 * child exits, and the child exits when our end of its stdin closes, so a killed test process
 * never leaves a stale lock behind (unlike a mkdir lock).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { requireTool } from './tools.js';

export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, waitSeconds = 1800): Promise<T> {
  const flock = await requireTool('flock', 'util-linux');
  const child = spawn(flock, ['--exclusive', '--wait', String(waitSeconds), lockPath, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = once(child, 'close');
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`could not lock ${lockPath} (flock exited with ${code}): ${stderr.trim()}`)));
  });
  try {
    return await fn();
  } finally {
    child.stdin.end();
    await exited;
  }
}
