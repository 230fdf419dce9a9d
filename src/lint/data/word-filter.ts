/**
 * A Bloom filter over words: it answers "certainly not in the list" or "perhaps". The spelling
 * checks ask it before reading lintian's 12,000 misspellings (a 280 KB file, data/spelling-lists.ts)
 * so a run whose texts hold no misspelling never reads that file; its 16 bits a word make a
 * false "perhaps" about one word in 2,000. Built by the data generator, embedded in lintian.ts.
 */

const BITS_PER_WORD = 16;
const PROBES = 11;

/** Two 32-bit FNV-1a hashes of the word's UTF-16 code units, with different offsets. */
function hashes(word: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a >>> 0, (b >>> 0) | 1];
}

/** The filter's bytes for a list of words. */
export function buildWordFilter(words: readonly string[]): Uint8Array {
  const bits = Math.max(64, words.length * BITS_PER_WORD);
  const filter = new Uint8Array(Math.ceil(bits / 8));
  const size = filter.length * 8;
  for (const word of words) {
    const [a, b] = hashes(word);
    for (let i = 0; i < PROBES; i++) {
      const bit = (a + Math.imul(i, b)) >>> 0;
      const at = bit % size;
      filter[at >>> 3]! |= 1 << (at & 7);
    }
  }
  return filter;
}

/** Whether the word may be in the list the filter was built from (false: it certainly is not). */
export function mayContain(filter: Uint8Array, word: string): boolean {
  const size = filter.length * 8;
  const [a, b] = hashes(word);
  for (let i = 0; i < PROBES; i++) {
    const at = ((a + Math.imul(i, b)) >>> 0) % size;
    if ((filter[at >>> 3]! & (1 << (at & 7))) === 0) return false;
  }
  return true;
}
