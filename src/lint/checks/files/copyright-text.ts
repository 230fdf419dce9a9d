/**
 * The text tests lintian's debian/copyright check runs on a binary package's copyright file.
 * Perl's `.` without /s becomes `[^\n]` here so carriage returns match as they do in Perl.
 */
import { note } from '../../hint-text.js';
import { checkSpelling } from '../../spelling.js';
import { tagMaker } from '../../tag.js';
import type { TagInfo } from '../../types.js';
import { checkLicenses, licenseTags } from './copyright-licenses.js';
import { codePoints } from './text.js';

const CHECK = 'debian/copyright';
const EDIT = 'edit the copyright file the contents entry ships';
const tag = tagMaker(CHECK);
const t = (name: string, severity: TagInfo['severity'], explanation: string, fix = EDIT): TagInfo => tag(name, severity, explanation, fix);

export const copyrightTextTags: TagInfo[] = [
  t('copyright-has-crs', 'pedantic', 'The copyright file has carriage returns (DOS line endings).', 'convert the copyright file to Unix line endings'),
  t('copyright-refers-to-compressed-license', 'error', 'Files in /usr/share/common-licenses are not compressed; the reference ends in .gz.'),
  t('copyright-refers-to-nonexistent-license-file', 'warning', 'The copyright file points to a file in /usr/share/common-licenses that does not exist.'),
  t('copyright-refers-to-symlink-license', 'pedantic', 'The copyright file points to a versionless license link although the terms allow later versions; name the version.'),
  t('copyright-refers-to-versionless-license-file', 'warning', 'The copyright file points to a versionless GPL/LGPL/GFDL file while the text names a version.'),
  t('copyright-refers-to-deprecated-bsd-license-file', 'warning', '/usr/share/common-licenses/BSD is the University’s own license; copy the actual BSD text instead.'),
  t('copyright-refers-to-incorrect-directory', 'error', 'The directory is spelled common-licences; it is common-licenses.'),
  t('copyright-refers-to-old-directory', 'error', 'The copyright file refers to /usr/doc/copyright or /usr/share/doc/copyright; use /usr/share/common-licenses.'),
  t('old-fsf-address-in-copyright-file', 'warning', 'The Free Software Foundation’s postal address in the text is outdated.'),
  t('copyright-file-contains-full-gpl-license', 'error', 'The full GPL text is in the copyright file; refer to /usr/share/common-licenses instead.'),
  t('copyright-file-contains-full-gfdl-license', 'error', 'The full GFDL text is in the copyright file; refer to /usr/share/common-licenses instead.'),
  t('copyright-file-contains-full-apache-2-license', 'error', 'The full Apache 2.0 text is in the copyright file; refer to /usr/share/common-licenses instead.'),
  t('copyright-does-not-refer-to-common-license-file', 'warning', 'The file mentions common-licenses without the full /usr/share/common-licenses path.'),
  t('helper-templates-in-copyright', 'error', 'Template placeholders from a packaging helper are still in the copyright file.'),
  t('copyright-contains-automatically-extracted-boilerplate', 'warning', 'The copyright file still says it was extracted automatically and needs review.'),
  t('copyright-has-url-from-dh_make-boilerplate', 'warning', 'The copyright file still has the url:// placeholder.'),
  t('copyright-contains-dh_make-todo-boilerplate', 'error', 'The copyright file still has dh_make’s instructions to the packager.'),
  t('copyright-with-old-dh-make-debian-copyright', 'pedantic', 'The file uses dh_make’s old “The Debian packaging is (C)” phrasing.'),
  ...licenseTags,
  t('spelling-error-in-copyright', 'pedantic', 'The copyright file has a word lintian knows as a common misspelling.'),
  t('copyright-without-copyright-notice', 'warning', 'The copyright file has no copyright notice (Copyright, Copr. or © with a year) and no public-domain statement.'),
];

// /usr/share/lintian/data/copyright-file/common-licenses
const COMMON_LICENSES = new Set(['Apache-2.0', 'Artistic', 'BSD', 'GFDL', 'GFDL-1.2', 'GFDL-1.3', 'GPL', 'GPL-1', 'GPL-2', 'GPL-3', 'LGPL', 'LGPL-2', 'LGPL-2.1', 'LGPL-3']);

const HELPER_TEMPLATES = [
  /<fill in (?:http\/)?ftp site>/,
  /<Must follow here>/,
  /<Put the license of the package here/,
  /<put author['(]s\)? name and email here>/,
  /<Copyright \(C\) YYYY Name OfAuthor>/,
  /Upstream Author\(s\)/,
  /<years>/,
  /<special license>/,
  /<Put the license of the package here indented by 1 space>/,
  /<This follows the format of Description: lines\s*in control file>/,
  /<Including paragraphs>/,
  /<likewise for another author>/,
];

// lintian interpolates these strings as patterns, so `.` matches any character but newline.
const DH_MAKE_TODO = [
  /# Please also look if there are files or directories which have a\n# different copyright\/license attached and list them here[^\n]/,
  /# If you want to use GPL v2 or later for the \/debian\/* files use\n# the following clauses, or change it to suit[^\n] Delete these two lines/,
];

const FULL_GPL = /\bGNU GENERAL PUBLIC LICENSE\s*TERMS AND CONDITIONS FOR COPYING,\s*DISTRIBUTION AND MODIFICATION\b/;

const LICENSES_DIR = 'usr/share/common-licenses/';

/**
 * lintian's `/(usr\/share\/common-licenses\/([^ \t]*?)\.gz)/` (the reference, the name): the
 * first mention of the directory with `.gz` before the next space or tab. The expression scans
 * from every mention to the next `.gz` or blank, quadratic on a file repeating the directory
 * (7 s for 800 KB); the next `.gz` and blank found are kept until a later mention passes them.
 */
export function compressedLicenseReference(text: string): { reference: string; name: string } | undefined {
  let gz = -1;
  let blank = -1;
  // One scan for either blank: looking for spaces and tabs apart would run past the nearer one.
  const blanks = /[ \t]/g;
  for (let at = text.indexOf(LICENSES_DIR); at >= 0; at = text.indexOf(LICENSES_DIR, at + 1)) {
    const from = at + LICENSES_DIR.length;
    if (gz < from && (gz = text.indexOf('.gz', from)) < 0) return undefined;
    if (blank < from) {
      blanks.lastIndex = from;
      blank = blanks.exec(text)?.index ?? text.length;
    }
    if (gz < blank) return { reference: text.slice(at, gz + 3), name: text.slice(from, gz) };
  }
  return undefined;
}

/**
 * lintian's `/Free\s*Software\s*Foundation.*02139|02111-1307/s`. The expression runs `.*` to the
 * end from every mention of the Foundation (6.5 s on 800 KB of them); the first mention ends
 * first, so it alone needs the old postcode after it.
 */
export function hasOldFsfAddress(text: string): boolean {
  if (text.includes('02111-1307')) return true;
  const m = /Free\s*Software\s*Foundation/.exec(text);
  return m !== null && text.includes('02139', m.index + m[0].length);
}

export function checkCopyrightText(contents: string, notLinked: boolean, spelling: ReadonlySet<string>, report: (tag: string, context?: string) => void): void {
  if (contents.includes('\r')) report('copyright-has-crs');

  const compressed = compressedLicenseReference(contents);
  if (compressed && COMMON_LICENSES.has(compressed.name)) report('copyright-refers-to-compressed-license', compressed.reference);

  const m = /(usr\/share\/common-licenses\/(L?GPL|GFDL))([^-])/i.exec(contents);
  if (m) {
    const [, ref, license, separator] = m as unknown as [string, string, string, string];
    if (/[\d\w]/.test(separator)) report('copyright-refers-to-nonexistent-license-file', `${ref}${separator}`);
    else if (
      /\b(?:any|or)\s+later(?:\s+version)?\b/i.test(contents) ||
      new RegExp(`License: ${license}-[\\d.]+\\+`, 'i').test(contents) ||
      /as Perl itself/i.test(contents) ||
      /License-Alias:\s+Perl/.test(contents) ||
      /License:\s+Perl/.test(contents)
    ) {
      report('copyright-refers-to-symlink-license', ref);
    } else if (/\bversion\b/.test(contents)) report('copyright-refers-to-versionless-license-file', ref);
  }

  if (contents.includes('/usr/share/common-licenses/BSD')) report('copyright-refers-to-deprecated-bsd-license-file');
  let wrongDirectory = false;
  if (contents.includes('usr/share/common-licences')) {
    report('copyright-refers-to-incorrect-directory', 'usr/share/common-licences');
    wrongDirectory = true;
  }
  for (const old of ['usr/share/doc/copyright', 'usr/doc/copyright']) {
    if (!contents.includes(old)) continue;
    report('copyright-refers-to-old-directory');
    wrongDirectory = true;
  }
  if (hasOldFsfAddress(contents)) report('old-fsf-address-in-copyright-file');

  const length = codePoints(contents);
  if (length > 12_000 && (FULL_GPL.test(contents) || (/\bGNU GENERAL PUBLIC LICENSE\s*Version 3/.test(contents) && /\bTERMS AND CONDITIONS\s/.test(contents)))) {
    report('copyright-file-contains-full-gpl-license');
  }
  if (length > 12_000 && /\bGNU Free Documentation License\s*Version 1\.2/.test(contents) && /\b1\. APPLICABILITY AND DEFINITIONS/.test(contents)) {
    report('copyright-file-contains-full-gfdl-license');
  }
  if (length > 10_000 && /\bApache License\s+Version 2\.0,/.test(contents) && contents.includes('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION')) {
    report('copyright-file-contains-full-apache-2-license');
  }

  checkLicenses(contents, wrongDirectory, report);

  const unqualified = /common-licenses(\/\S+)/.exec(contents);
  if (unqualified && !contents.includes('/usr/share/common-licenses/')) report('copyright-does-not-refer-to-common-license-file', unqualified[1]);

  if (HELPER_TEMPLATES.some((r) => r.test(contents))) report('helper-templates-in-copyright');
  if (contents.includes('This copyright info was automatically extracted')) report('copyright-contains-automatically-extracted-boilerplate');
  if (contents.includes('<INSERT COPYRIGHT YEAR(S) HERE>')) report('helper-templates-in-copyright');
  if (contents.includes('url://')) report('copyright-has-url-from-dh_make-boilerplate');
  if (DH_MAKE_TODO.some((r) => r.test(contents))) report('copyright-contains-dh_make-todo-boilerplate');
  if (/The\s+Debian\s+packaging\s+is\s+\(C\)\s+\d+/i.test(contents)) report('copyright-with-old-dh-make-debian-copyright');
  if (notLinked && !hasCopyrightNotice(contents)) report('copyright-without-copyright-notice');
  checkSpelling(contents, spelling, (written, meant) => report('spelling-error-in-copyright', note(written, meant)), false);
}

/**
 * lintian's `/(?:Copyright|Copr\.|\u00a9)(?:[^\n]*|[(C):\s]+)\b\d{4}\b|\bpublic(?:\s+|-)domain\b/i`:
 * a year after a copyright word, on its line or after a run of `(C):` and blanks. V8 takes
 * quadratic time on it (every "Copyright" of a long line searches the rest of the line again);
 * here each word is checked against the next year and the next line end, found once.
 */
export function hasCopyrightNotice(text: string): boolean {
  if (/\bpublic(?:\s+|-)domain\b/i.test(text)) return true;
  const years: number[] = [];
  for (const m of text.matchAll(/\b\d{4}\b/g)) years.push(m.index);
  let y = 0;
  let afterRun = 0;
  let lineEnd = -1;
  for (const m of text.matchAll(/Copyright|Copr\.|\u00a9/gi)) {
    const end = m.index + m[0].length;
    while (y < years.length && years[y]! < end) y++;
    if (lineEnd < end) lineEnd = (text.indexOf('\n', end) + 1 || text.length + 1) - 1;
    // A year on the rest of the line ([^\n]*).
    if (y < years.length && years[y]! < lineEnd) return true;
    // A year right after a run of `(C):` and blanks, which may cross lines.
    // (Each run ends before the next word's "o" or "©", so the runs' ends only grow.)
    let i = end;
    while (i < text.length && /[(c):\s]/i.test(text[i]!)) i++;
    while (afterRun < years.length && years[afterRun]! < i) afterRun++;
    if (i > end && years[afterRun] === i) return true;
  }
  return false;
}
