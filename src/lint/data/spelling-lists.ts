/**
 * lintian's list of misspellings, `mistake||correction` lines sorted by mistake, read on first
 * use from the file beside this module (beside the bundle once built: scripts/bundle.mjs copies
 * it). It is not in lintian.ts because a string that long would double the bundle's code cache,
 * which every short run reads; lintian.ts holds a Bloom filter of it, so a run reads the file
 * only when a word may be misspelt.
 */
import { readFileSync } from 'node:fs';
import { SPELLING_FILTER } from './lintian.js';
import { mayContain } from './word-filter.js';

let corrections: string | undefined;
let filter: Uint8Array | undefined;

/** spelling/corrections: common misspellings (lowercase) and their corrections, as sorted lines. */
export function spellingCorrections(): string {
  return (corrections ??= readFileSync(new URL('./spelling-corrections.txt', import.meta.url), 'utf8'));
}

/** False when the word is certainly not one of spelling/corrections' misspellings. */
export function mayBeMisspelt(word: string): boolean {
  filter ??= Buffer.from(SPELLING_FILTER, 'base64');
  return mayContain(filter, word);
}
