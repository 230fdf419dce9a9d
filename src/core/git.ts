/** Asking git about the checkout, where its absence or failure is an answer rather than an error. */
import { exec } from './exec.js';

/** git's trimmed output; undefined when git is not installed, fails, or prints nothing. */
export async function gitOutput(cwd: string, args: readonly string[]): Promise<string | undefined> {
  const r = await exec('git', args, { cwd, allowFailure: true }).catch(() => undefined);
  const out = r?.code === 0 ? r.stdout.trim() : '';
  return out === '' ? undefined : out;
}
