/**
 * Text operations that lintian writes as regular expressions which V8 runs in quadratic time:
 * a pattern starting with `\s*` (or `.*`) is tried again from every position of a long run of
 * blanks, so a hostile package (a Depends field of a million spaces, say) would keep `debship lint`
 * busy for hours. Each function here gives exactly the result of the expression it names, in
 * linear time; linear-text.test.ts checks them against those expressions.
 */

const SPACE = /\s/;

/**
 * Perl's `\s` on text as a character class for building expressions (lintian runs with
 * `use v5.20`, so Unicode rules): JavaScript's `\s` also takes U+FEFF and leaves out U+0085.
 */
export const PERL_SPACE_CLASS = '[\\t\\n\\v\\f\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
/** Perl's `\S`, the class above negated. */
export const PERL_NON_SPACE_CLASS = `[^${PERL_SPACE_CLASS.slice(1)}`;
const PERL_SPACE = new RegExp(PERL_SPACE_CLASS);
/** Whether `c` is a blank as Perl's `\s` sees it. */
export const isPerlSpace = (c: string | undefined): boolean => c !== undefined && PERL_SPACE.test(c);

/** Perl's truth of a string that may be missing: undefined, '' and '0' are false. */
export const perlTruthy = (s: string | undefined): s is string => s !== undefined && s !== '' && s !== '0';
/** Whether `c` is a blank as `\s` sees it (line ends included). */
export const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE.test(c);

/** Where the blanks that start at `index` end, as a greedy `\s*` there would. */
export function skipSpace(text: string, index: number): number {
  let i = index;
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

/** `text.split(/\s*SEP\s*\/)` for a one-character separator that is not a blank. */
export function splitAround(text: string, sep: string): string[] {
  const parts = text.split(sep);
  const last = parts.length - 1;
  return parts.map((p, i) => (i === 0 ? (last ? p.trimEnd() : p) : i === last ? p.trimStart() : p.trim()));
}

/** Where a match of `re` (which must not start with a blank) begins once the blanks before it are counted, as `\s*` before it would. */
export function backOverSpace(text: string, index: number): number {
  let i = index;
  while (i > 0 && isSpace(text[i - 1])) i--;
  return i;
}

/**
 * `re.exec(text)` for `re` = `\s*` followed by `body`, where `body` starts with a character that is
 * not a blank: the leftmost match of `body`, widened over the blanks before it. Returns the match
 * of `body` (its groups) with `index` and `[0]` widened.
 */
export function execAfterSpace(body: RegExp, text: string): RegExpExecArray | null {
  const m = body.exec(text);
  if (!m) return null;
  const start = backOverSpace(text, m.index);
  m[0] = text.slice(start, m.index) + m[0];
  m.index = start;
  return m;
}

/**
 * The fields String.split found, as Perl's split returns them: trailing empty fields dropped
 * (leading ones kept), so an empty string gives none. Changes and returns `fields`.
 */
export function perlFields(fields: string[]): string[] {
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** `text.replace(/\n+$/, '')` (Perl's split dropping trailing empty lines), without that expression's quadratic time on many newlines not at the end. */
export function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}

/**
 * Physical lines joined where one ends in a backslash (which becomes a space), each with the index
 * of its last physical line; a continuation open at the end is dropped. lintian's loops join the
 * same way but test the joined line's end, copying all of it at every continued line.
 */
export function joinContinued(lines: readonly string[]): Array<{ line: string; index: number }> {
  const out: Array<{ line: string; index: number }> = [];
  let continuation = '';
  lines.forEach((physical, index) => {
    if (physical.endsWith('\\')) {
      continuation += `${physical.slice(0, -1)} `;
      return;
    }
    out.push({ line: continuation + physical, index });
    continuation = '';
  });
  return out;
}

/** `text.replace(/\s*\(.*$/, '')`: drops a parenthesised tail, such as a Source field's version. */
export function dropParenthesisedTail(text: string): string {
  // `.` stops at line ends, so the `(` must come after the last one.
  const open = text.indexOf('(', lastLineEnd(text) + 1);
  return open < 0 ? text : text.slice(0, backOverSpace(text, open));
}

/**
 * The leftmost `\s*O([^C]+)C\s*` in `text` at or after `from` (O and C single characters that are
 * not blanks; the blanks before it are not taken from before `from`): where it starts and ends,
 * and what lies between O and C.
 */
export function findBracketed(text: string, open: string, close: string, from = 0): { start: number; end: number; inner: string } | undefined {
  for (let i = text.indexOf(open, from); i >= 0; i = text.indexOf(open, i + 1)) {
    const j = text.indexOf(close, i + 1);
    // No closer after this opener means none after a later one either.
    if (j < 0) return undefined;
    if (j === i + 1) continue;
    return { start: Math.max(from, backOverSpace(text, i)), end: skipSpace(text, j + 1), inner: text.slice(i + 1, j) };
  }
  return undefined;
}

/** `text.replace(/\s*O[^C]+C\s*\/g, '')` for the characters of findBracketed. */
export function removeBracketed(text: string, open: string, close: string): string {
  let out = '';
  let from = 0;
  for (let b = findBracketed(text, open, close); b; b = findBracketed(text, open, close, from)) {
    out += text.slice(from, b.start);
    from = b.end;
  }
  return out + text.slice(from);
}

/** The line terminators of JavaScript's `.` and `^`/`$` with the m flag. */
export const LINE_END = /[\n\r\u2028\u2029]/;
/** Whether `c` is one of them: where `.` stops. */
export const isLineEnd = (c: string): boolean => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

/** Where the last line terminator of `text` is, or -1. */
export function lastLineEnd(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && !isLineEnd(text[i]!)) i--;
  return i;
}

/** `text` cut at its line terminators (each line without it). */
export function jsLines(text: string): string[] {
  return text.split(LINE_END);
}

/**
 * `/A.*B/.test(text)` (no flags) for `first` = A and `then` = B, both with the g flag, where the
 * end of an A match grows with its start and B cannot match a line end. V8 runs `.*` to the end of
 * the line from every A and backtracks; here B is searched once per line, from the first A's end
 * (a later A on the same line leaves less room), up to the line's end.
 */
export function thenOnSameLine(text: string, first: RegExp, then: RegExp): boolean {
  let lineEnd = -1;
  let searched = -1;
  first.lastIndex = 0;
  for (let m = first.exec(text); m; m = first.exec(text)) {
    const end = m.index + m[0].length;
    if (end > lineEnd) {
      const next = text.slice(end).search(LINE_END);
      lineEnd = next < 0 ? text.length : end + next;
    }
    if (lineEnd !== searched) {
      searched = lineEnd;
      // One character past the line end, so a \b at the end of B sees what follows.
      then.lastIndex = 0;
      if (then.test(text.slice(end, lineEnd + 1))) return true;
    }
    first.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * `/A.*B$/.test(text)` (no flags) for literals A and B without line ends: B ends the text and an
 * A ends on its last line at least `gap` characters before B starts (1 for `.+`). V8 runs `.*` to
 * the end from every A; the first A on the last line leaves the most room.
 */
export function literalThenEnd(text: string, a: string, b: string, gap = 0): boolean {
  if (!text.endsWith(b)) return false;
  const at = text.indexOf(a, lastLineEnd(text) + 1);
  return at >= 0 && at + a.length + gap <= text.length - b.length;
}
