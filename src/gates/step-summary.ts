/**
 * GitHub Actions shows the file named by GITHUB_STEP_SUMMARY on the run's page. Other steps (and
 * other gates in the same step) write to it too, so reports are appended, never overwritten.
 */
import { appendFile } from 'node:fs/promises';
import { DebshipError } from '../core/errors.js';

/** Appends Markdown when running in GitHub Actions; returns the file written, if any. */
export async function appendToStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return undefined;
  try {
    // A blank line first so the heading starts its own block after whatever came before.
    await appendFile(file, `\n${markdown}\n`);
  } catch (e) {
    throw new DebshipError('step-summary', `cannot append to the step summary ${file}: ${(e as Error).message}`, {
      file,
      cause: e,
      hint: 'GITHUB_STEP_SUMMARY should name a writable file; unset it outside GitHub Actions',
    });
  }
  return file;
}
