/**
 * lintian's fields/description for binary packages: the synopsis (first line) and the extended
 * description, line by line, with lintian's exact conditions and "line N" contexts. (lintian's
 * spelling tags are not checked.)
 */
import type { Check, LintPackage } from '../../types.js';
import { DESCRIPTION_TAGS } from './description-tags.js';
import { firstPersonWords } from './first-person.js';
import { declares, isDebugPackage, isMetaPackage, isTransitional, perlLength, trim } from './values.js';
import { backOverSpace, isSpace, jsLines, perlFields } from '../../linear-text.js';

const MAX_WIDTH = 80;
const DH_MAKE_PERL_TEMPLATE = 'this description was automagically extracted from the module by dh-make-perl';
const PLANNED_FEATURES = [/will soon allow/i, /soon will allow/i, /soon will be able/i, /will soon be able/i, /will soon support/i, /soon will support/i, /is planned/i, /is also planned/i];

type Report = (tag: string, context?: string) => void;

export const descriptionCheck: Check = {
  name: 'fields/description',
  tags: DESCRIPTION_TAGS,
  run({ pkg, report }) {
    if (!declares(pkg, 'Description')) return;
    const full = pkg.field('Description')!;
    const nl = full.indexOf('\n');
    const synopsis = nl < 0 ? trim(full) : full.slice(0, nl);
    const extended = nl < 0 ? '' : full.slice(nl + 1);
    const state = { tabs: 0, template: 0 };
    if (/^\s*$/.test(synopsis)) report('description-synopsis-is-empty');
    else checkSynopsis(pkg.name, synopsis, state, report);
    const homepage = checkLines(synopsis, extended, state, report);
    checkLength(pkg, synopsis, extended, report);
    if (!declares(pkg, 'Homepage') && !homepage) guessHomepage(extended, report);
    checkPerlModule(pkg, extended, report);
  },
};

function checkSynopsis(name: string, synopsis: string, state: { tabs: number; template: number }, report: Report): void {
  if (startsWithWord(synopsis, name)) report('description-starts-with-package-name');
  if (/^(an?|the)\s/i.test(synopsis)) report('description-synopsis-starts-with-article');
  const sentence = leadingSentence(synopsis);
  if (sentence !== undefined && !/\setc\.$/.test(sentence) && !/\se\.?g\.$/.test(sentence) && !/(?<!\.)\.\.\.$/.test(sentence)) {
    report('synopsis-is-a-sentence', `"${synopsis}"`);
  }
  if (/\t/.test(synopsis) && !state.tabs++) report('description-contains-tabs');
  if (/,[^\s\d]/.test(synopsis)) report('odd-mark-in-description', 'comma not followed by whitespace (synopsis)');
  if (/^missing\s*$/i.test(synopsis)) {
    if (!state.template++) report('description-is-debmake-template');
  } else if (synopsis.includes('<insert up to 60 chars description>')) {
    if (!state.template++) report('description-is-dh_make-template');
  }
  if (!/\s/.test(synopsis)) report('description-too-short', synopsis);
  const fuzzyName = name.toLowerCase().replace(/[-_]/g, ' ');
  const fuzzySynopsis = synopsis.toLowerCase().replace(/[-_/\\]/g, ' ').replace(/\s+/g, ' ');
  if (fuzzyName === fuzzySynopsis) report('description-is-pkg-name', synopsis);
  if (perlLength(synopsis) > MAX_WIDTH) report('synopsis-too-long');
}

/** The extended description, line by line; returns whether a `Homepage:` line was found. */
function checkLines(synopsis: string, extended: string, state: { tabs: number; template: number }, report: Report): boolean {
  let homepage = false;
  let listLines = 0;
  const lines = perlSplitLines(extended);
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    if (/^ \.\s*$/.test(line)) continue;
    if (n === 1) {
      const first = line.toLowerCase();
      const lsyn = synopsis.toLowerCase();
      const alnum = (s: string) => s.replace(/[^a-zA-Z0-9]+/g, '');
      if (first === lsyn || alnum(first) === alnum(lsyn)) report('description-synopsis-is-duplicated', `line ${n}`);
    }
    if (/^ \.\s*\S/.test(line) || /^ \s+\.\s*$/.test(line)) report('description-contains-invalid-control-statement', `line ${n}`);
    else if (/^ [-*]/.test(line)) {
      // lintian reports a list only at its third line: one or two could be anything.
      if (listLines++ === 2) report('possible-unindented-list-in-extended-description', `line ${n}`);
    }
    if (/\t/.test(line) && !state.tabs++) report('description-contains-tabs', `line ${n}`);
    if (/^\s*Homepage: <?https?:\/\//i.test(line)) {
      report('description-contains-homepage', `line ${n}`);
      homepage = true;
    }
    if (PLANNED_FEATURES.some((re) => re.test(line))) report('description-mentions-planned-features', `(line ${n})`);
    if (/,[^\s\d]/.test(line)) report('odd-mark-in-description', `comma not followed by whitespace (line ${n})`);
    if (line.toLowerCase().includes(DH_MAKE_PERL_TEMPLATE)) report('description-contains-dh-make-perl-template', `line ${n}`);
    for (const word of firstPersonWords(line)) report('using-first-person-in-description', `line ${n}: ${word}`);
    if (n === 1) {
      if (/^ \s/.test(line)) report('description-starts-with-leading-spaces', `line ${n}`);
      if (/^\s*missing\s*$/i.test(line)) {
        if (!state.template++) report('description-is-debmake-template', `line ${n}`);
      } else if (line.includes('<insert long description, indented with spaces>')) {
        if (!state.template++) report('description-is-dh_make-template', `line ${n}`);
      }
    }
    if (perlLength(line) > MAX_WIDTH) report('extended-description-line-too-long', `line ${n}`);
  }
  return homepage;
}

function checkLength(pkg: LintPackage, synopsis: string, extended: string, report: Report): void {
  const lines = perlSplitLines(extended);
  if (lines.length === 0) {
    if (!isDebugPackage(pkg)) report('extended-description-is-empty');
  } else if (lines.length < 2 && !/(?:dummy|transition)/i.test(synopsis)) {
    if (!isTransitional(pkg) && !isMetaPackage(pkg) && !/-dbg$/.test(pkg.name)) report('extended-description-is-probably-too-short');
  } else if (/^ \.\s*\n|\n \.\s*\n \.\s*\n|\n \.\s*\n?$/.test(extended)) {
    report('extended-description-contains-empty-paragraph');
  }
}

function guessHomepage(extended: string, report: Report): void {
  const url = /\b(https?:\/\/[a-z0-9][^>\s]+)/i;
  const hint = /homepage|webpage|website|url|upstream|web\s+site|home\s+page|further\s+information|more\s+info|official\s+site|project\s+home/i;
  const found = hint.test(extended) ? url.exec(extended)?.[1] : trailingUrl(extended);
  if (found) report('description-possibly-contains-homepage', found);
}

/**
 * `/\b(https?:\/\/[a-z0-9][^>\s]+)>?\.?\s*$/i.exec(text)?.[1]`. V8 scans from every `http` to the
 * end of its run of non-blanks (`http://a.` repeated: quadratic, 5 s for 80 KB). Only one run can
 * end the match, the last one, less a `>` or `>.` after it; the leftmost URL in it is the match.
 */
export function trailingUrl(text: string): string | undefined {
  let end = backOverSpace(text, text.length);
  if (text.endsWith('>.', end)) end -= 2;
  else if (text[end - 1] === '>') end -= 1;
  let start = end;
  while (start > 0 && text[start - 1] !== '>' && !isSpace(text[start - 1])) start--;
  // The run holds no blank and no `>`: `[^>\s]` is any character in it.
  const url = /\bhttps?:\/\/[a-z0-9]./i.exec(text.slice(start, end));
  return url ? text.slice(start + url.index, end) : undefined;
}

/** lib*-perl packages should name the Perl module they ship. */
function checkPerlModule(pkg: LintPackage, extended: string, report: Report): void {
  const m = /^lib(.+)-perl$/.exec(pkg.name);
  if (!m) return;
  const parts = m[1]!.split('-');
  const module = parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('::');
  const pmPath = new RegExp(`${escape(`${parts.join('/')}.pm`)}$|/${escape(`${parts.at(-1)}.pm`)}$`, 'i');
  if (pkg.files.some((f) => pmPath.test(f.name)) && !extended.toLowerCase().includes(module.toLowerCase())) {
    report('perl-module-name-not-mentioned-in-description', module);
  }
}

/** Perl's /^\Qname\E\b/i without compiling a regular expression per package. */
function startsWithWord(text: string, name: string): boolean {
  if (!name || text.slice(0, name.length).toLowerCase() !== name.toLowerCase()) return false;
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  return word(name.at(-1)) !== word(text[name.length]);
}

/** Perl's split(/\n/). */
const perlSplitLines = (s: string): string[] => perlFields(s.split('\n'));

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * lintian's `/(.*\.)(?:\s*$|\s+\S+)/` capture: the text up to the last full stop of the first line
 * that has one followed by a blank or the end. The expression itself takes quadratic time on a
 * long synopsis (linear-text.ts); this gives its result in linear time.
 */
export function leadingSentence(s: string): string | undefined {
  let start = 0;
  for (const line of jsLines(s)) {
    // Searched within the line: from the text's end, a line without a full stop sent the search
    // back through all the lines before it.
    for (let k = line.lastIndexOf('.'); k >= 0; k = k > 0 ? line.lastIndexOf('.', k - 1) : -1) {
      const end = start + k + 1;
      if (end === s.length || isSpace(s[end])) return s.slice(start, end);
    }
    start += line.length + 1;
  }
  return undefined;
}
