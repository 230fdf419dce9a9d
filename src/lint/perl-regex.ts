/**
 * lintian's regular expressions, written for Perl, turned into JavaScript ones that match the same
 * on text read the way lintian reads a file without decoding it: one character per byte (Latin-1),
 * lintian's `use v5.20` giving Perl's Unicode rules. Perl's `\s` then also takes U+0085, its `\w`
 * the Latin-1 letters, its `.` a carriage return, and `[^][]` is a class where JavaScript reads
 * `[^]` (any character) and more.
 */

/** Perl's `\s` on byte text, as the body of a character class. */
export const PERL_BYTE_SPACE = '\\t\\n\\v\\f\\r \\x85\\xa0';
/** Perl's `[[:alnum:]]` on byte text (letters of Latin-1 included), as the body of a class. */
const ALNUM = '0-9A-Za-z\\xaa\\xb5\\xba\\xc0-\\xd6\\xd8-\\xf6\\xf8-\\xff';
/** Perl's `\w` on byte text, as the body of a class. */
export const PERL_BYTE_WORD = `${ALNUM}_`;

const INSIDE_CLASS: Record<string, string> = { s: PERL_BYTE_SPACE, w: PERL_BYTE_WORD, d: '0-9' };
const OUTSIDE_CLASS: Record<string, string> = {
  s: `[${PERL_BYTE_SPACE}]`,
  S: `[^${PERL_BYTE_SPACE}]`,
  w: `[${PERL_BYTE_WORD}]`,
  d: '[0-9]',
  // Lines are given without their newline, so the end of the text is the only end there is.
  Z: '$',
  A: '^',
  b: `(?:(?<=[${PERL_BYTE_WORD}])(?![${PERL_BYTE_WORD}])|(?<![${PERL_BYTE_WORD}])(?=[${PERL_BYTE_WORD}]))`,
};

/**
 * The JavaScript source of a Perl expression (no modifiers) for byte text without newlines.
 * Handles what lintian's shell expressions use: `\s \S \w \d \b \A \Z`, `.`, `[[:alnum:]]`, and a
 * `]` first in a class; other escapes are kept as they are.
 */
export function fromPerl(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[++i] ?? '';
      const table = inClass ? INSIDE_CLASS : OUTSIDE_CLASS;
      out += table[next] ?? `\\${next}`;
    } else if (inClass) {
      if (source.startsWith('[:alnum:]', i)) {
        out += ALNUM;
        i += '[:alnum:]'.length - 1;
      } else {
        if (c === ']') inClass = false;
        out += c;
      }
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
      // A `]` right after the opening (and its `^`) is a member in Perl.
      if (source[i + 1] === ']') {
        out += '\\]';
        i++;
      }
    } else out += c === '.' ? '[^\\n]' : c;
  }
  return out;
}
