/**
 * The date of the newest entry of the package's installed changelog, which lintian's
 * files/compressed/gz check compares gzip timestamps with (a gzip member stamped before the
 * release is not reported; see https://bugs.debian.org/762105).
 */
import type { LintPackage } from '../../types.js';
import type { Installed } from './installed.js';
import { readText } from './text.js';
import { isSpace, lastLineEnd, LINE_END, skipSpace } from '../../linear-text.js';

// Lintian::Processable::Installable::Changelog::changelog_item, in order of preference.
export const CHANGELOG_CANDIDATES = ['changelog.Debian.gz', 'changelog.Debian', 'changelog.debian.gz', 'changelog.debian', 'changelog.gz', 'changelog'];

// lintian's heading `^\w[-+0-9a-z.]* \([^() \t]+\)(?:\s+[-+0-9a-z.]+)+;\s*.*$`/i up to the `;`, which
// only one place can end; isHeading reads the rest.
const HEADING_START = /^\w[-+0-9a-z.]* \([^() \t]+\)(?:\s+[-+0-9a-z.]+)+;/i;
// The date of lintian's `^ -- .* <.*>  ?(DATE)$`, read from the end by trailerDate.
const TRAILER_DATE = /  ?((?:\w+,\s*)?\d{1,2}\s+\w+\s+\d{4}\s+\d{1,2}:\d\d:\d\d\s+[-+]\d{4}(?:\s+\([^\\()]\))?)$/y;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Date::Parse::str2time for changelog dates (`Mon, 13 Nov 2023 10:00:00 +0100`), or undefined. */
export function changelogTime(date: string): number | undefined {
  const m = /(\d{1,2})\s+(\w+)\s+(\d{4})\s+(\d{1,2}):(\d\d):(\d\d)\s+([-+])(\d\d)(\d\d)/.exec(date);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  const utc = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000;
  const offset = (Number(m[8]) * 60 + Number(m[9])) * 60 * (m[7] === '-' ? -1 : 1);
  return utc - offset;
}

/** Epoch seconds of the newest entry's trailer, or 0 when there is none (lintian's default). */
export function newestChangelogTime(pkg: LintPackage, index: Installed): number {
  const dir = `usr/share/doc/${pkg.name}/`;
  const item = CHANGELOG_CANDIDATES.map((n) => index.lookup(dir + n)).find((i) => i && (i.type === 'file' || i.type === 'hardlink' || i.link));
  const resolved = item && index.follow(item);
  if (!resolved?.data || (resolved.type !== 'file' && resolved.type !== 'hardlink')) return 0;
  const text = readText(resolved.data, { gzip: resolved.basename.endsWith('.gz') });
  if (!text || !looksLikeChangelog(text)) return 0;
  let inFirst = false;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (isHeading(line)) {
      if (inFirst) return 0;
      inFirst = true;
    } else if (inFirst) {
      const date = trailerDate(line);
      if (date !== undefined) return changelogTime(date) ?? 0;
    }
  }
  return 0;
}

/**
 * Whether `line` is a changelog entry's heading. After the `;`, V8 tries `.*$` from each blank of
 * the run `\s*` takes (quadratic: 80,000 blanks and a `\r` ran for 12 s); `.*` reaches the end from
 * some place in that run exactly when no line end follows the run.
 */
export function isHeading(line: string): boolean {
  const start = HEADING_START.exec(line);
  return start !== null && lastLineEnd(line) < skipSpace(line, start[0].length);
}

/**
 * lintian's `/^\S+\s*[(][^)]+[)]\s*(?:[^ \t;]+\s*)+;/m`: a line starting with a word, a
 * parenthesised version and more words up to a `;`. V8 tries every `(` of a long first word
 * against every `)` after it (quadratic, and the last part nests two repetitions); this tries
 * each line's candidates once. The last part matches exactly the texts that start with a character
 * other than a space, a tab or `;` and run without a `;` to one.
 */
export function looksLikeChangelog(text: string): boolean {
  // Candidates come in increasing order, and so do the `)` and `;` they lead to: each search
  // below resumes where the last one ended.
  // -2: there is none after this point, so no later candidate needs to look again.
  const nextOrGone = (c: string, from: number) => {
    const at = text.indexOf(c, from);
    return at < 0 ? -2 : at;
  };
  let close = -1;
  let semi = -1;
  let checked = -1;
  // After the `)` at c: blanks, then a character other than space, tab or `;`, then a `;`.
  const restOk = (c: number): boolean => {
    if (semi !== -2 && semi <= c) semi = nextOrGone(';', c + 1);
    if (semi === -2 || c <= checked) return false;
    checked = c;
    for (let r = c + 1; r < semi; r++) if (text[r] !== ' ' && text[r] !== '\t') return true;
    return false;
  };
  const tryOpen = (q: number): boolean => {
    if (close !== -2 && close <= q) close = nextOrGone(')', q + 1);
    return close > q + 1 && restOk(close);
  };
  for (let start = 0; start < text.length; ) {
    // A line start (`^` with the m flag) that begins a word: a `(` inside the word, or right after it.
    let end = start;
    while (end < text.length && !isSpace(text[end])) end++;
    for (let q = start + 1; q < end; q++) if (text[q] === '(' && tryOpen(q)) return true;
    if (end > start) {
      const f = skipSpace(text, end);
      if (text[f] === '(' && tryOpen(f)) return true;
    }
    const next = text.slice(start).search(LINE_END);
    if (next < 0) break;
    start += next + 1;
  }
  return false;
}

/**
 * The date of lintian's trailer line, `/^ -- .* <.*>  ?(DATE)$/` (DATE as in TRAILER_DATE). V8
 * tries every ` <` against every `>` (quadratic); the date runs to the end of the line and holds at
 * most one `>` (in its optional `(x)`), so only the last two `>` can end the address, the later
 * first, as the greedy `.*` tries them; any ` <` before it will do.
 */
export function trailerDate(line: string): string | undefined {
  if (!line.startsWith(' -- ')) return undefined;
  const open = line.indexOf(' <', 4);
  // The two `.*` stop at line ends; the date's blanks may cross them.
  const lineEnd = line.search(LINE_END);
  for (let close = line.lastIndexOf('>'), tries = 0; close >= 0 && tries < 2; close = line.lastIndexOf('>', close - 1), tries++) {
    if (open < 0 || open + 2 > close) return undefined;
    if (lineEnd >= 0 && lineEnd < close) continue;
    TRAILER_DATE.lastIndex = close + 1;
    const m = TRAILER_DATE.exec(line);
    if (m) return m[1];
    if (close === 0) break;
  }
  return undefined;
}
