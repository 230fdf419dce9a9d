/**
 * Golden files: expected outputs kept beside the tests. `UPDATE_GOLDEN=1 npx vitest run` rewrites
 * them from the current output; review the diff before committing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export const updatingGolden = process.env.UPDATE_GOLDEN === '1';

export function expectGolden(file: string, actual: string): void {
  if (updatingGolden) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`golden file ${file} is missing; create it with UPDATE_GOLDEN=1`);
  }
  expect(actual, `differs from ${file} (UPDATE_GOLDEN=1 rewrites it)`).toBe(expected);
}
