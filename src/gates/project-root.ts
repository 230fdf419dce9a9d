/** The project root coverage paths are relative to: the git top level, else the directory itself. */
import { resolve } from 'node:path';
import { exec } from '../core/exec.js';

export async function projectRoot(dir: string): Promise<string> {
  try {
    const r = await exec('git', ['rev-parse', '--show-toplevel'], { cwd: dir, allowFailure: true });
    if (r.code === 0 && r.stdout.trim()) return r.stdout.trim();
  } catch {
    // git is not installed: the directory is the root.
  }
  return resolve(dir);
}
