/** The project root coverage paths are relative to: the git top level, else the directory itself. */
import { resolve } from 'node:path';
import { gitOutput } from '../core/git.js';

export async function projectRoot(dir: string): Promise<string> {
  // Outside a work tree, or without git installed, the directory is the root.
  return (await gitOutput(dir, ['rev-parse', '--show-toplevel'])) ?? resolve(dir);
}
