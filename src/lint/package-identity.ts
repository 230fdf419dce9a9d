/** What lintian knows of a package before any check runs: whether it is a udeb, and its source's name. */
import type { LintPackage } from './types.js';
import { isPerlSpace } from './linear-text.js';

export const isUdeb = (pkg: LintPackage): boolean => pkg.file.endsWith('.udeb');

/**
 * The source package's name as Lintian::Processable::Installable takes it: the Source field, or
 * the package's own name when that is empty; a version in parentheses is dropped by
 * `m/(\S++)\s*\(([^\)]+)\)/`, whose possessive word is the whole word before the first
 * parenthesis with at least one character and a closing one. Scanned by hand: the regex, tried at
 * every position of a long hostile field, would be quadratic.
 */
export function sourceName(pkg: LintPackage): string {
  const source = perlTrim(pkg.field('Source') ?? '');
  return source ? withoutVersion(source) : pkg.name;
}

function perlTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPerlSpace(text[start])) start++;
  while (end > start && isPerlSpace(text[end - 1])) end--;
  return text.slice(start, end);
}

/** Exported for tests: `text` with lintian's source-version match applied. */
export function withoutVersion(text: string): string {
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    let wordEnd = open;
    while (wordEnd > 0 && isPerlSpace(text[wordEnd - 1])) wordEnd--;
    // The word must end in blanks before the parenthesis: `\S++` would have taken an adjacent one.
    if (wordEnd === open || wordEnd === 0) continue;
    if (text[open + 1] === undefined) return text;
    if (text[open + 1] === ')') continue;
    // No `)` after this parenthesis means none after a later one either.
    if (text.indexOf(')', open + 2) < 0) return text;
    let wordStart = wordEnd;
    while (wordStart > 0 && !isPerlSpace(text[wordStart - 1])) wordStart--;
    return text.slice(wordStart, wordEnd);
  }
  return text;
}
