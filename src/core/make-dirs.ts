/**
 * `mkdir -p` that always ends. Node 20's recursive mkdir loops forever when a directory's parent
 * exists but cannot hold directories (anything under /proc): mkdir says ENOENT, the parent
 * exists, so it tries again. Here each level is tried at most twice, and that ENOENT is thrown.
 * Synchronous: a few system calls, also from async code.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function makeDirs(path: string, mode?: number): void {
  const attempt = () => mkdirSync(path, mode === undefined ? {} : { mode });
  try {
    attempt();
  } catch (e) {
    // A directory already there is success whatever mkdir said (EEXIST, or EROFS on some filesystems).
    if (isDirectory(path)) return;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(path) === path) throw e;
    makeDirs(dirname(path), mode);
    try {
      attempt();
    } catch (again) {
      if (!isDirectory(path)) throw again;
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
