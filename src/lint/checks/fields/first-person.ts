/**
 * The first-person words lintian finds in a description line. Its loop: while
 * `/(?:^|\s)(I|[Mm]y|[Oo]urs?|mine|myself|me|us|[Ww]e)(?:$|\s)/` matches, note the word and delete
 * its first occurrence anywhere in the line (inside another word too, which can join letters
 * into a new match). Run as written, every deletion copies the line and searches it again from
 * the start: 11 s for a line of 100,000 `I`s, hours for a few megabytes.
 *
 * Here the line is a linked list of characters. A deletion changes whether a match or an
 * occurrence starts only at the few characters before it, so only those are looked at again;
 * min-heaps hold where matches and occurrences start, entries gone stale dropped when met.
 */
import { isSpace } from '../../linear-text.js';

/** The alternatives in the order the expression tries them (`s?` greedy: Ours before Our). */
const WORDS = ['I', 'My', 'my', 'Ours', 'ours', 'Our', 'our', 'mine', 'myself', 'me', 'us', 'We', 'we'];
const ANY = /(?:^|\s)(I|[Mm]y|[Oo]urs?|mine|myself|me|us|[Ww]e)(?:$|\s)/;
/** A match reads a blank, a word of up to six letters and a blank. */
const MATCH_REACH = 8;

/** A binary min-heap of positions. */
class Positions {
  private readonly items: number[] = [];

  push(position: number): void {
    const items = this.items;
    let i = items.push(position) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= position) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = position;
  }

  /** The least position that still `holds`, dropping those that no longer do. */
  least(holds: (position: number) => boolean): number | undefined {
    while (this.items.length && !holds(this.items[0]!)) this.pop();
    return this.items[0];
  }

  private pop(): void {
    const items = this.items;
    const last = items.pop()!;
    if (!items.length) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && items[child + 1]! < items[child]!) child++;
      if (items[child]! >= last) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
  }
}

/** The first-person words of `line`, each once, in the order lintian's loop finds them. */
export function firstPersonWords(line: string): string[] {
  if (!ANY.test(line)) return [];
  const end = line.length; // the list's sentinel: the end of the line
  const next = new Int32Array(end + 1).map((_, i) => i + 1);
  const prev = new Int32Array(end + 1).map((_, i) => i - 1);
  let head = 0;

  /** Where `word` ends if it starts at `at`, or -1. */
  const wordEnd = (at: number, word: string): number => {
    let j = at;
    for (let k = 0; k < word.length; k++) {
      if (j === end || line[j] !== word[k]) return -1;
      j = next[j]!;
    }
    return j;
  };
  const wordAt = (at: number) =>
    WORDS.find((w) => {
      const after = wordEnd(at, w);
      return after >= 0 && (after === end || isSpace(line[after]));
    });
  const matchAt = (s: number) => (s === head ? wordAt(s) : undefined) ?? (s !== end && isSpace(line[s]) ? wordAt(next[s]!) : undefined);

  // Whether a match, and which words, start at each position: kept exact, so that a position
  // enters a heap only when it starts to hold and heap entries are checked by a lookup.
  const matching = new Uint8Array(end + 1);
  const starting = new Uint16Array(end + 1);
  const matches = new Positions();
  const occurrences = WORDS.map(() => new Positions());
  const look = (s: number) => {
    const match = matchAt(s) !== undefined ? 1 : 0;
    if (match && !matching[s]) matches.push(s);
    matching[s] = match;
    WORDS.forEach((w, i) => {
      const bit = 1 << i;
      const starts = wordEnd(s, w) >= 0;
      if (starts && !(starting[s]! & bit)) occurrences[i]!.push(s);
      starting[s] = starts ? starting[s]! | bit : starting[s]! & ~bit;
    });
  };
  for (let s = 0; s <= end; s++) look(s);

  const found: string[] = [];
  for (;;) {
    const s = matches.least((p) => matching[p] === 1);
    if (s === undefined) return found;
    const word = matchAt(s)!;
    if (!found.includes(word)) found.push(word);
    // Delete the first occurrence; the match at `s` is one, so there is one.
    const i = WORDS.indexOf(word);
    const first = occurrences[i]!.least((p) => (starting[p]! & (1 << i)) !== 0)!;
    let after = first;
    for (let k = 0; k < word.length; k++) {
      matching[after] = 0;
      starting[after] = 0;
      after = next[after]!;
    }
    const before = prev[first]!;
    if (before < 0) head = after;
    else next[before] = after;
    prev[after] = before;
    let from = after;
    for (let k = 0; k < MATCH_REACH && prev[from]! >= 0; k++) from = prev[from]!;
    for (let p = from; ; p = next[p]!) {
      look(p);
      if (p === after) break;
    }
  }
}
