/** Small files written whole or not at all. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { DebshipError } from './errors.js';

/** Write to a temporary name beside `file`, then rename: readers see the old or the new file, never part. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new DebshipError('write-failed', `cannot write ${file}: ${(e as Error).message}`, {
      file,
      cause: e,
      hint: 'check that the directory is writable and has free space',
    });
  }
}
