/**
 * The date of the newest entry of the package's installed changelog, which lintian's
 * files/compressed/gz check compares gzip timestamps with (a gzip member stamped before the
 * release is not reported; see https://bugs.debian.org/762105).
 */
import type { LintPackage } from '../../types.js';
import type { Installed } from './installed.js';
import { readText } from './text.js';

// Lintian::Processable::Installable::Changelog::changelog_item, in order of preference.
export const CHANGELOG_CANDIDATES = ['changelog.Debian.gz', 'changelog.Debian', 'changelog.debian.gz', 'changelog.debian', 'changelog.gz', 'changelog'];

const IS_CHANGELOG = /^\S+\s*[(][^)]+[)]\s*(?:[^ \t;]+\s*)+;/m;
const HEADING = /^\w[-+0-9a-z.]* \([^() \t]+\)(?:\s+[-+0-9a-z.]+)+;\s*.*$/i;
const TRAILER =
  /^ -- .* <.*>  ?((?:\w+,\s*)?\d{1,2}\s+\w+\s+\d{4}\s+\d{1,2}:\d\d:\d\d\s+[-+]\d{4}(?:\s+\([^\\()]\))?)$/;
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
  if (!text || !IS_CHANGELOG.test(text)) return 0;
  let inFirst = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+\r?$/, '');
    if (HEADING.test(line)) {
      if (inFirst) return 0;
      inFirst = true;
    } else if (inFirst) {
      const m = TRAILER.exec(line);
      if (m) return changelogTime(m[1]!) ?? 0;
    }
  }
  return 0;
}
