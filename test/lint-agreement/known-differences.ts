/**
 * Differences between lintian and debship on the corpus that are understood and accepted for
 * now, each with its reason. The suite fails on any other difference, and on an entry here
 * that no longer happens (delete it then).
 *
 * `lintian` entries are lines only lintian prints; `debship` entries are lines only debship
 * reports; both as `package: tag context`.
 */
export interface KnownDifference {
  lintian?: string;
  debship?: string;
  why: string;
}

const NAMES = 'lintian prints file names byte by byte as ISO 8859-1, so a UTF-8 name comes out double-encoded and a name that is not UTF-8 comes out in its ISO 8859-1 reading; debship prints names as UTF-8';

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  { lintian: 'names-in-path: file-name-in-PATH-is-not-ASCII [usr/bin/caf\u00c3\u00a9]', debship: 'names-in-path: file-name-in-PATH-is-not-ASCII [usr/bin/caf\u00e9]', why: NAMES },
  { lintian: 'names-odd: shipped-file-without-utf8-name [usr/share/names-odd/caf\u00e9.json]', debship: 'names-odd: shipped-file-without-utf8-name [usr/share/names-odd/caf\ufffd.json]', why: NAMES },
];
