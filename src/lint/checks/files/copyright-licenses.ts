/**
 * lintian's test for license texts copied into the copyright file instead of pointing to
 * /usr/share/common-licenses (Lintian::Check::Debian::Copyright::check_names_texts): in a
 * machine-readable file each `License:` paragraph's name and text are tested; a file that does
 * not parse as deb822 is tested as a whole.
 */
import { tagMaker } from '../../tag.js';
import type { TagInfo } from '../../types.js';
import { skipSpace } from '../../linear-text.js';

const t = tagMaker('debian/copyright');
const POINT = (file: string) => `replace the license text with a pointer to /usr/share/common-licenses/${file}`;

export const licenseTags: TagInfo[] = [
  t('copyright-not-using-common-license-for-gfdl', 'error', 'The GFDL text is copied in full although Debian ships it in /usr/share/common-licenses.', POINT('GFDL-1.3'), [
    'copyright-should-refer-to-common-license-file-for-gfdl',
  ]),
  t('copyright-not-using-common-license-for-lgpl', 'error', 'The LGPL text is copied in full although Debian ships it in /usr/share/common-licenses.', POINT('LGPL-2.1'), [
    'copyright-should-refer-to-common-license-file-for-lgpl',
  ]),
  t('copyright-not-using-common-license-for-gpl', 'error', 'The GPL is named or copied without pointing to its copy in /usr/share/common-licenses.', POINT('GPL-3'), [
    'copyright-should-refer-to-common-license-file-for-gpl',
  ]),
  t('copyright-not-using-common-license-for-apache2', 'error', 'The Apache 2.0 text is copied although Debian ships it in /usr/share/common-licenses.', POINT('Apache-2.0'), [
    'copyright-should-refer-to-common-license-file-for-apache-2',
  ]),
  t('copyright-file-lacks-pointer-to-perl-license', 'error', 'Code licensed “as Perl itself” must point to the GPL and Artistic texts in /usr/share/common-licenses.', POINT('Artistic and GPL-1')),
];

// Texts that mention the GPL without being under it, or that lintian leaves alone for other reasons.
const EXEMPT: Array<{ test(text: string): boolean }> = [
  /\/usr\/share\/common-licenses/,
  /Zope Public License/,
  /LICENSE AGREEMENT FOR PYTHON 1\.6\.1/,
  /LaTeX Project Public License/,
  { test: mailedAboutGpl },
  /AFFERO GENERAL PUBLIC LICENSE/,
  /GNU Free Documentation License[,\s]*Version 1\.1/,
  /CeCILL FREE SOFTWARE LICENSE AGREEMENT/,
  /FREE SOFTWARE LICENSING AGREEMENT CeCILL/,
  /CNRI OPEN SOURCE GPL-COMPATIBLE LICENSE AGREEMENT/,
  /compatible\s+with\s+(?:the\s+)?(?:GNU\s+)?GPL/,
  /(?:GNU\s+)?GPL\W+compatible/,
  /was\s+previously\s+(?:distributed\s+)?under\s+the\s+GNU/,
  /means\s+either\s+the\s+GNU\s+General\s+Public\s+License/,
];

// Perl's `(?-i:…)` inside a /i pattern becomes a second, case-sensitive test.
const COMMON: Array<{ tag: string; name: RegExp; text: (s: string) => boolean }> = [
  {
    tag: 'copyright-not-using-common-license-for-gfdl',
    name: /\b(?:GFDL|gnu[-_]free[-_]documentation[-_]license)\b/i,
    text: (s) => /GNU Free Documentation License/i.test(s) || /\bGFDL\b/.test(s),
  },
  {
    tag: 'copyright-not-using-common-license-for-lgpl',
    name: /\b(?:LGPL|gnu[-_](?:lesser|library)[-_]general[-_]public[-_]license)\b/i,
    text: (s) => /GNU (?:Lesser|Library) General Public License/i.test(s) || /\bLGPL\b/.test(s),
  },
  {
    tag: 'copyright-not-using-common-license-for-gpl',
    name: /\b(?:GPL|gnu[-_]general[-_]public[-_]license)\b/i,
    text: (s) => /GNU General Public License/i.test(s) || /\bGPL\b/.test(s),
  },
  {
    tag: 'copyright-not-using-common-license-for-apache2',
    name: /\bapache[-_]2/i,
    text: (s) => mentionsApacheVersion2(s) || /\bApache-2/.test(s),
  },
];

/**
 * lintian's `/\bApache License\s*,?\s*Version 2/i`. Its two `\s*` share a run of blanks, so the
 * expression takes quadratic time on `Apache License`, a long run of blanks and no version (over
 * two minutes for 800 KB; with the `i` flag, V8's backtracking fallback does not apply). The
 * version can only start where both runs and the comma end, so one greedy skip decides it.
 */
export function mentionsApacheVersion2(text: string): boolean {
  const name = /\bApache License/gi;
  const version = /Version 2/iy;
  for (let m = name.exec(text); m; m = name.exec(text)) {
    let at = skipSpace(text, name.lastIndex);
    if (text[at] === ',') at = skipSpace(text, at + 1);
    version.lastIndex = at;
    if (version.test(text)) return true;
  }
  return false;
}

/**
 * The License fields of a deb822 file, or undefined when Lintian::Deb822 would refuse it
 * (a line that is no field, continuation or blank; a duplicate field; a stray continuation;
 * PGP armour, which lintian only accepts around a well-formed signed message).
 */
export function licenseFields(text: string): string[] | undefined {
  const licenses: string[] = [];
  let section: Map<string, string> | undefined;
  let last = '';
  const close = () => {
    const key = section && [...section.keys()].find((k) => k.toLowerCase() === 'license');
    const value = key && section!.get(key)!.trim();
    if (value) licenses.push(value);
    section = undefined;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    let m: RegExpExecArray | null;
    if (line === '' || /^\s*$/.test(line)) close();
    else if (/^-----(?:BEGIN|END) PGP/.test(line)) return undefined;
    else if ((m = /^([^: \t]+):\s*$/.exec(line))) {
      section ??= new Map();
      section.set((last = m[1]!), '');
    } else if ((m = /^([^: \t]+):\s*(.*)$/s.exec(line))) {
      section ??= new Map();
      if (section.has(m[1]!)) return undefined;
      section.set((last = m[1]!), m[2]!.trimEnd());
    } else if ((m = /^([ \t].*\S.*)$/s.exec(line))) {
      if (!section) return undefined;
      section.set(last, `${section.get(last)}\n${m[1]!.trimEnd()}`);
    } else return undefined;
  }
  close();
  return licenses;
}

function namesTexts(contents: string, licenses: string[] | undefined, name: RegExp, text: (s: string) => boolean): boolean {
  if (!licenses) return text(contents);
  return licenses.some((license) => {
    const m = nameAndText(license);
    return m !== undefined && !/^[\s\r\n]*$/.test(m[1]) && name.test(m[0]) && text(m[1]);
  });
}

export function checkLicenses(contents: string, wrongDirectory: boolean, report: (tag: string) => void): void {
  const licenses = licenseFields(contents);
  if (!wrongDirectory && !EXEMPT.some((r) => r.test(contents))) {
    const hit = COMMON.find((c) => namesTexts(contents, licenses, c.name, c.text));
    if (hit) report(hit.tag);
  }
  const perl = (s: string) => /(?:under )?(?:the )?(?:same )?(?:terms )?as Perl itself\b/i.test(s) && !s.includes('usr/share/common-licenses/');
  if (namesTexts(contents, licenses, /\b(?:perl|artistic)\b/, perl)) report('copyright-file-lacks-pointer-to-perl-license');
}

/**
 * lintian's `/(?:^From:.*^To:|^To:.*^From:).*(?:GNU General Public License|GPL)/ms`: a mail about
 * the GPL quoted in the file. V8 runs that expression in quadratic time on a file of many such
 * lines (linear-text.ts); the earliest header line leaves the most room for the rest, so looking
 * for each part after the first one found gives the same answer in linear time.
 */
export function mailedAboutGpl(text: string): boolean {
  return headersThenGpl(text, FROM_LINE, TO_LINE) || headersThenGpl(text, TO_LINE, FROM_LINE);
}

const FROM_LINE = /^From:/gm;
const TO_LINE = /^To:/gm;

function headersThenGpl(text: string, first: RegExp, second: RegExp): boolean {
  const a = headerEnd(text, first, 0);
  const b = a < 0 ? -1 : headerEnd(text, second, a);
  return b >= 0 && (text.includes('GPL', b) || text.includes('GNU General Public License', b));
}

/** Where the first header at or after `from` (a line start, as `^` with the m flag sees lines) ends, or -1. */
function headerEnd(text: string, header: RegExp, from: number): number {
  header.lastIndex = from;
  return header.exec(text) ? header.lastIndex : -1;
}

const isLineBreak = (c: string | undefined) => c === '\r' || c === '\n';

/**
 * lintian's `/^\s*([^\r\n]+)\r?\n(.*)$/s` and its captures: a License field's first line and the
 * rest. V8 retries the line from every blank of a long leading run (quadratic); the expression can
 * only succeed from the first non-blank character or from the blank just before a line break in
 * that run, so those are tried, latest first, as its backtracking does.
 */
export function nameAndText(license: string): [string, string] | undefined {
  const lineFrom = (start: number): [string, string] | undefined => {
    let end = start;
    while (end < license.length && !isLineBreak(license[end])) end++;
    if (end === start || end === license.length) return undefined;
    if (license[end] === '\n') return [license.slice(start, end), license.slice(end + 1)];
    return license[end + 1] === '\n' ? [license.slice(start, end), license.slice(end + 2)] : undefined;
  };
  const blanks = skipSpace(license, 0);
  const first = lineFrom(blanks);
  if (first) return first;
  for (let c = blanks - 1; c >= 1; c--) {
    if (isLineBreak(license[c]) && !isLineBreak(license[c - 1])) {
      const line = lineFrom(c - 1);
      if (line) return line;
    }
  }
  return undefined;
}
