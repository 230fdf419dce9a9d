/**
 * What lintian's documentation/manual reads inside a manual page: a short page that is only a
 * `.so` link, the section in the `.TH` line, obsolete FSSTND paths, pod2man's error section, a
 * Python traceback, acute accents written `\'`, and misspellings in English pages. (lintian also
 * runs `lexgrog` and `man` on each page for bad-whatis-entry, useless-whatis-entry,
 * manual-page-from-template and groff-message; those tags are not implemented.)
 */
import { pointed, pointedAt } from '../../hint-text.js';
import { PERL_NON_SPACE_CLASS, PERL_SPACE_CLASS, perlFields, perlTruthy } from '../../linear-text.js';
import { checkSpelling } from '../../spelling.js';
import type { Item } from '../files/installed.js';
import { bytesOf, gzipType, inflate, strictUtf8 } from '../files/text.js';

/** lintian reads a page this small as a possible `.so` link. */
const SO_LINK_SIZE = 256;

// Perl's \s and \S on the page's bytes (read as Latin-1, where they are ASCII blanks, NEL and NBSP).
const SP = PERL_SPACE_CLASS;
const NSP = PERL_NON_SPACE_CLASS;

const COMMENT = /^\.\\"/;
const SO_LINK = new RegExp(`^\\.so${SP}+([^\\n]+)?\\n?$`);
const TH_LINE = new RegExp(`^\\.TH${SP}`);
const TH_PREFIX = new RegExp(`[.]TH${SP}+`);
const FIRST_WORD_WITH_COMMA = new RegExp(`^${SP}*${NSP}+,`);
const FIRST_WORD = new RegExp(`^${SP}*${NSP}+`);
const LEADING_WORD = new RegExp(`^${SP}*(${NSP}+)`);
// Text::Balanced's extract_delimited with its defaults: optional white space, then a string in
// ', " or ` quotes where a backslash escapes any character but a newline. Its \s is compiled
// without Unicode rules, so NEL and NBSP are no white space there.
const DELIMITED = new RegExp(`^[\\t\\n\\v\\f\\r ]*('(?:[^\\\\']*(?:\\\\[^\\n][^\\\\']*)*)'|"(?:[^\\\\"]*(?:\\\\[^\\n][^\\\\"]*)*)"|\`(?:[^\\\\\`]*(?:\\\\[^\\n][^\\\\\`]*)*)\`)`);
const FSSTND_USR = /(\/usr\/(dict|doc|etc|info|man|adm|preserve)\/)/;
const FSSTND_VAR = /(\/var\/(adm|catman|named|nis|preserve)\/)/;
const ACUTE = /\\'/;
const STRING_DEFINITION = new RegExp(`^\\.${SP}*ds${SP}`);

type Hint = (tag: string, context: string) => void;

/** The page's bytes, inflated when file(1) would call it gzip; undefined when unavailable or corrupt. */
function pageBytes(item: Item): Buffer | undefined {
  const bytes = item.data && bytesOf(item.data);
  if (!bytes) return undefined;
  // a page inflating past MAX_INFLATED is not read; lintian would read it all
  return gzipType(item.name, item.data).gzip ? inflate(bytes) : bytes;
}

/** Perl's `<$fd>` lines: each with its newline, the last one without when the file lacks it. */
function perlReadLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end + 1;
    lines.push(text.slice(start, stop));
    start = stop;
  }
  return lines;
}

/** Whether a short page is a `.so` link (or empty), which ends the reading; reports what is wrong with it. */
function soLink(item: Item, lines: string[], hint: Hint): boolean {
  let i = 0;
  let first = '';
  do {
    const line = lines[i++];
    first = perlTruthy(line) ? line : '';
  } while (COMMENT.test(first) && perlTruthy(lines[i]));
  if (!perlTruthy(first)) {
    hint('empty-manual-page', pointed(item.name));
    return true;
  }
  const so = SO_LINK.exec(first);
  if (!so) return false;
  const dest = so[1] ?? '';
  const bad = () => hint('bad-so-link-within-manual-page', pointed(item.name));
  const parts = /^([^/]+)\/(.+)$/.exec(dest);
  if (!parts) bad();
  else if (!/^man\d+$/.test(parts[1]!)) {
    // likely a language directory: the rest must then be man<N>/page
    const rest = /^([^/]+)\/(.+)$/.exec(parts[2]!);
    if (!rest || !new RegExp(`^[^/]+\\.\\d(?:${NSP}+)?(?:\\.gz)?$`).test(rest[2]!)) bad();
  }
  return true;
}

/** Text::Balanced's extract_delimited in list context: [the quoted string or undefined, what follows it]. */
function extractDelimited(text: string): [string | undefined, string] {
  const m = DELIMITED.exec(text);
  return m ? [m[1]!, text.slice(m[0].length)] : [undefined, text];
}

/** The section a `.TH` line gives, as lintian reads it: the second argument, quoted or not. */
export function thSection(line: string): string {
  let consumed = line.replace(TH_PREFIX, '');
  let [delimited, afterNames] = extractDelimited(consumed);
  if (!delimited) {
    consumed = consumed.replace(FIRST_WORD_WITH_COMMA, '').replace(FIRST_WORD, '');
    afterNames = consumed;
  }
  const [quoted] = extractDelimited(afterNames);
  if (quoted) return quoted.slice(1, -1).replace(/\\([\s\S])/g, '$1');
  return LEADING_WORD.exec(afterNames)?.[1] ?? '';
}

/** An obsolete FSSTND directory the line mentions (the /usr ones first), or undefined. */
function fsstndPath(line: string): string | undefined {
  // most lines mention neither tree: the plain searches spare them both expressions
  if (line.includes('/usr/')) {
    const usr = FSSTND_USR.exec(line);
    if (usr) return usr[1];
  }
  return line.includes('/var/') ? FSSTND_VAR.exec(line)?.[1] : undefined;
}

/** Perl's fc, near enough for section names. */
const fold = (s: string): string => s.toUpperCase().toLowerCase();

/**
 * The checks on a regular file's text in a man<N>/ directory. `fnSection` is the section its
 * name gives (`3pm` in `foo.3pm.gz`), '' when the name has none; `spelling` the words the
 * spelling check accepts, given for English pages only.
 */
export function checkPageText(item: Item, fnSection: string, spelling: ReadonlySet<string> | undefined, hint: Hint): void {
  const bytes = pageBytes(item);
  if (!bytes) return;
  const lines = perlReadLines(bytes.toString('latin1'));
  if (item.size < SO_LINK_SIZE && soLink(item, lines, hint)) return;

  let tracebackSeen = false;
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    if (COMMENT.test(line)) return;
    const position = index + 1;
    if (TH_LINE.test(line)) {
      const th = thSection(line);
      if (th.length > 0 && fold(th) !== fold(fnSection)) hint('wrong-manual-section', pointedAt(item.name, position, `${fnSection} != ${th}`));
    }
    const fsstnd = fsstndPath(line);
    if (fsstnd) hint('FSSTND-dir-in-manual-page', pointedAt(item.name, position, fsstnd));
    if (line === '.SH "POD ERRORS"') hint('pod-conversion-message', pointedAt(item.name, position));
    if (!tracebackSeen && line.includes('Traceback (most recent call last):')) {
      hint('python-traceback-in-manpage', pointed(item.name));
      tracebackSeen = true;
    }
    if (spelling) checkSpelling(line, spelling, (written, meant) => hint('typo-in-manual-page', pointedAt(item.name, position, written, meant)), false);
  });

  acuteAccents(item, bytes, hint);
}

/**
 * `\'` is an acute accent in roff, rarely what the author meant (Bug#554897); lines defining a
 * string are exempt. lintian reads gzip pages inflated, and other pages when file(1) calls them
 * troff or text: here, when they are valid UTF-8 (file(1) calls such pages text, or troff).
 */
function acuteAccents(item: Item, bytes: Buffer, hint: Hint): void {
  if (bytes.length === 0) return;
  const text = strictUtf8(bytes);
  if (text === undefined) return; // another check complains about the encoding
  if (!gzipType(item.name, item.data).gzip && text.includes('\0')) return;
  perlFields(text.split('\n')).forEach((line, index) => {
    if (ACUTE.test(line) && !STRING_DEFINITION.test(line)) hint('acute-accent-in-manual-page', pointedAt(item.name, index + 1));
  });
}
