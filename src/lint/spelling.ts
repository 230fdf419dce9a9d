/**
 * lintian's spelling checks (Lintian::Spelling), shared by the checks that read prose: common
 * misspellings and doubled words (check_spelling) and capitalisation of names such as Debian or
 * GNOME (check_spelling_picky), from lintian's own word lists. The lists hold 12,000 words: they
 * are looked up by bisecting their sorted text (data/spelling-lists.ts), which costs a short run
 * nothing to set up, where building a Map of them costs some 10 ms; and the text is read only
 * when a Bloom filter says a word may be in it.
 */
import { parseAddressList } from './checks/fields/rfc5322.js';
import { SPELLING_CASE, SPELLING_MULTIWORD } from './data/lintian.js';
import { mayBeMisspelt, spellingCorrections } from './data/spelling-lists.js';
import { isPerlSpace, PERL_SPACE_CLASS, perlFields, perlTruthy } from './linear-text.js';
import { sourceName } from './package-identity.js';
import type { LintPackage } from './types.js';

/** Called once for each distinct mistake: what was written and what is meant. */
export type SpellingEmitter = (written: string, meant: string) => void;

// Perl's \s and \w on text (Unicode rules): JavaScript's \w (and \b) are ASCII only.
const SPACE = PERL_SPACE_CLASS;
const WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';
const PERL_SPACES = new RegExp(`${SPACE}+`, 'g');
/** Text squeeze() would change: a blank other than one space between words. */
const UNEVEN_SPACE = new RegExp(`${SPACE.replace(' ', '')}|  |^ | $`);

const BAR = 0x7c; // '|'

/** `key` against the key of the line starting at `pos` (up to its first `||`), in JavaScript's string order. */
function compareAt(table: string, pos: number, key: string): number {
  for (let i = 0; ; i++) {
    const c = table.charCodeAt(pos + i);
    const keyEnds = c === BAR && table.charCodeAt(pos + i + 1) === BAR;
    if (i === key.length) return keyEnds ? 0 : -1;
    if (keyEnds) return 1;
    const k = key.charCodeAt(i);
    if (k !== c) return k < c ? -1 : 1;
  }
}

/** The value of `key` in sorted `key||value` lines, by bisecting the text itself (no slices until found). */
export function lookupSorted(table: string, key: string): string | undefined {
  // [lo, hi) holds whole lines: lo starts one, hi is the end of the text or a line's '\n'.
  let lo = 0;
  let hi = table.endsWith('\n') ? table.length - 1 : table.length;
  while (lo < hi) {
    let line = (lo + hi) >>> 1;
    while (line > lo && table.charCodeAt(line - 1) !== 0x0a) line--;
    let end = line;
    while (end < hi && table.charCodeAt(end) !== 0x0a) end++;
    const order = compareAt(table, line, key);
    if (order === 0) return table.slice(table.indexOf('||', line) + 2, end);
    if (order < 0) hi = line - 1;
    else lo = end + 1;
  }
  return undefined;
}

/** Lookups of one run, remembered: prose repeats its words, and a bisection is 14 steps. */
const corrected = new Map<string, string | null>(); // null: not a misspelling

/** The correction of a lowercase word lintian knows as a misspelling, or undefined. */
function correctionOf(word: string): string | undefined {
  const known = corrected.get(word);
  if (known !== undefined) return known ?? undefined;
  if (corrected.size >= 100_000) corrected.clear();
  const value = mayBeMisspelt(word) ? lookupSorted(spellingCorrections(), word) : undefined;
  corrected.set(word, value ?? null);
  return value;
}

let caseCorrections: Map<string, string> | undefined;
const caseCorrectionOf = (word: string): string | undefined => (caseCorrections ??= new Map(SPELLING_CASE)).get(word);

const upperFirst = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Perl's uc/ucfirst of the correction, following the written word's case. */
function matchCase(written: string, meant: string): string {
  if (/^[A-Z]+$/.test(written)) return meant.toUpperCase();
  if (/^[A-Z]/.test(written)) return upperFirst(meant);
  return meant;
}

let wordCharacter: RegExp | undefined;

/** Perl's `\w` on one character (a surrogate pair is one); its expression (Unicode properties) takes a millisecond to compile, so only other than ASCII letters and digits ask it. */
function isWordCharacter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
  return (wordCharacter ??= new RegExp(`^${WORD}$`, 'u')).test(c);
}

/**
 * `text =~ s/(\w-)\s*\n\s*\/$1/`: the first word hyphenated across a line break is joined, the
 * whole run of blanks after its hyphen dropped.
 */
function joinHyphenatedBreak(text: string): string {
  for (let hyphen = text.indexOf('-'); hyphen >= 0; hyphen = text.indexOf('-', hyphen + 1)) {
    if (hyphen === 0) continue;
    const low = text.charCodeAt(hyphen - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && hyphen >= 2;
    if (!isWordCharacter(text.slice(pair ? hyphen - 2 : hyphen - 1, hyphen))) continue;
    let end = hyphen + 1;
    let newline = false;
    for (; end < text.length && isPerlSpace(text[end]); end++) if (text[end] === '\n') newline = true;
    if (newline) return text.slice(0, hyphen + 1) + text.slice(end);
  }
  return text;
}

/** The whole word (a maximal run of Perl word characters, surrogate pairs as one) that ends before `end`. */
function wordEndingAt(text: string, end: number): string {
  let start = end;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && start >= 2 ? 2 : 1;
    if (!isWordCharacter(text.slice(start - width, start))) break;
    start -= width;
  }
  return text.slice(start, end);
}

/** The whole word that starts at `start`. */
function wordStartingAt(text: string, start: number): string {
  let end = start;
  while (end < text.length) {
    const width = text.codePointAt(end)! > 0xffff ? 2 : 1;
    if (!isWordCharacter(text.slice(end, end + width))) break;
    end += width;
  }
  return text.slice(start, end);
}

/**
 * The words lintian does not call doubled because the text says them again beside a parenthesis,
 * `word (word` or `word) word` (its `\bW\s*\(W\b` and `\bW\)\s*W\b`): one pass over the text,
 * where an expression per doubled word would read it again for each.
 */
function wordsBesideParentheses(text: string): Set<string> {
  const words = new Set<string>();
  for (let at = text.search(/[()]/); at >= 0 && at < text.length; at++) {
    const c = text[at];
    if (c !== '(' && c !== ')') continue;
    let before = at;
    let after = at + 1;
    // the blanks go on the outer side: `word (word` and `word) word`
    if (c === '(') while (before > 0 && isPerlSpace(text[before - 1])) before--;
    else while (after < text.length && isPerlSpace(text[after])) after++;
    const left = wordEndingAt(text, before);
    if (left !== '' && left === wordStartingAt(text, after)) words.add(left);
  }
  return words;
}

/**
 * Whitespace runs as one space, both ends trimmed: lintian's tr/\r\n \t/ /s, s/\s++/ /g and trim,
 * where the second step alone does what the first does.
 */
function squeeze(text: string): string {
  if (!UNEVEN_SPACE.test(text)) return text; // most lines of a manual page
  return text.replace(PERL_SPACES, ' ').replace(/^ | $/g, '');
}

/** `word =~ s/[.,;:?!]+$//`, without that expression's quadratic time on long runs of marks: [word, whether marks were removed]. */
function stripTrailingMarks(word: string, marks: string): [string, boolean] {
  let end = word.length;
  while (end > 0 && marks.includes(word[end - 1]!)) end--;
  return [word.slice(0, end), end < word.length];
}

interface Multiword {
  /** Matches wherever one of the corrections might (all of them, case-insensitively): most texts need no more. */
  any: RegExp;
  each: Array<[RegExp, string]>;
}
let multiword: Multiword | undefined;

/** corrections-multiword as lintian compiles them: `\\b(<regex>)\\b`, `(?i)` as the i flag. */
function multiwordCorrections(): Multiword {
  if (multiword) return multiword;
  const bare = (re: string) => (re.startsWith('(?i)') ? re.slice(4) : re);
  const each = SPELLING_MULTIWORD.map(([re, meant]): [RegExp, string] => [new RegExp(`\\b(${bare(re)})\\b`, re.startsWith('(?i)') ? 'i' : ''), meant]);
  return (multiword = { any: new RegExp(`\\b(?:${SPELLING_MULTIWORD.map(([re]) => bare(re)).join('|')})\\b`, 'i'), each });
}

/**
 * check_spelling: misspelled words (and with `duplicates`, a word written twice) in `text`.
 * `exceptions` are words never called misspelled, as written or lowercased.
 */
export function checkSpelling(text: string, exceptions: ReadonlySet<string>, emit: SpellingEmitter, duplicates = true): void {
  if (!perlTruthy(text)) return;
  const original = text;
  // (each step only where it has something to do: a manual page is checked line by line)
  let cleaned = text;
  if (cleaned.includes('[') || cleaned.includes(']')) cleaned = cleaned.replace(/[[\]]/g, '');
  // parentheses go, but for an "(s)" suffix
  if (cleaned.includes('(') || cleaned.includes(')')) cleaned = cleaned.replace(/\((?!s\))|(?<!\(s)\)/gi, '');
  // a word hyphenated across a line break is joined (the first one only)
  if (cleaned.includes('\n')) cleaned = joinHyphenatedBreak(cleaned);
  const normal = squeeze(cleaned);
  const seen = new Set<string>();
  const doubled = new Set<string>();
  let aside: Set<string> | undefined;
  let last: string | undefined;
  let quoted = false;
  for (const raw of normal === '' ? [] : normal.split(' ')) {
    let quotes = 0;
    for (let at = raw.indexOf('"'); at >= 0; at = raw.indexOf('"', at + 1)) quotes++;
    if (quotes & 1) quoted = !quoted;
    const [word, endsWithMark] = stripTrailingMarks(raw, '.,;:?!');

    if (duplicates && last !== undefined && last === word && !quoted) {
      // Counted as reported once past the quoting test, whatever the tests after it say.
      const first = !doubled.has(word);
      doubled.add(word);
      if (first && !endsWithMark && !(aside ??= wordsBesideParentheses(original)).has(word)) emit(`${word} ${word} (duplicate word)`, word);
    }
    if (duplicates) last = /^[A-Za-z]+$/.test(word) && !endsWithMark ? word : undefined;

    if (/^[A-Z]{1,5}$/.test(word) || exceptions.has(word)) continue;
    const lower = word.toLowerCase();
    const meant = correctionOf(lower);
    if (meant === undefined || exceptions.has(lower)) continue;
    if (seen.has(lower)) continue;
    seen.add(lower);
    emit(word, matchCase(word, meant));
  }

  const { any, each } = multiwordCorrections();
  if (!any.test(normal)) return;
  for (const [re, meant] of each) {
    const m = re.exec(normal);
    if (!m) continue;
    const written = m[1]!;
    if (seen.has(written.toLowerCase())) continue;
    seen.add(written.toLowerCase());
    emit(`"${written}"`, `"${matchCase(written, meant)}"`);
  }
}

/** `text =~ s/\[.+?\]//sg`, in linear time: each `[` up to the first `]` at least one character after it. */
function dropBracketed(text: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const open = text.indexOf('[', pos);
    if (open < 0) break;
    const close = text.indexOf(']', open + 2);
    if (close < 0) break;
    out += text.slice(pos, open);
    pos = close + 1;
  }
  return out + text.slice(pos);
}

/** check_spelling_picky: names written in the wrong case (debian, Gnome), and "meta package". */
export function checkSpellingPicky(text: string, emit: SpellingEmitter): void {
  if (/meta\s+package/.test(text)) emit('meta package', 'metapackage');
  const normal = squeeze(dropBracketed(text));
  const seen = new Set<string>();
  for (const raw of normal === '' ? [] : normal.split(' ')) {
    const word = stripTrailingMarks(raw.startsWith('(') ? raw.slice(1) : raw, ').,?!:;')[0];
    if (word === '') continue;
    const meant = caseCorrectionOf(word);
    if (meant === undefined || seen.has(word)) continue;
    seen.add(word);
    emit(word, meant);
  }
}

const exceptionsCache = new WeakMap<LintPackage, Set<string>>();

/**
 * Words the spelling checks accept in this package's texts (lintian's group spelling_exceptions):
 * the package and source names and their dash-separated pieces, and the names of the people in
 * Maintainer, Uploaders and Changed-By, whole and word by word.
 */
export function spellingExceptions(pkg: LintPackage): ReadonlySet<string> {
  let words = exceptionsCache.get(pkg);
  if (words) return words;
  const names = [pkg.name, sourceName(pkg)];
  const people = ['Maintainer', 'Uploaders', 'Changed-By'].flatMap((role) =>
    parseAddressList(pkg.field(role) ?? '').flatMap((a) => (a.phrase ? [a.phrase] : [])),
  );
  words = new Set([
    ...names,
    ...names.flatMap((n) => perlFields(n.split('-'))),
    ...people,
    ...people.flatMap((p) => p.split(PERL_SPACES).filter((w) => w !== '')),
  ]);
  exceptionsCache.set(pkg, words);
  return words;
}
