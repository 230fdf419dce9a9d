/**
 * Changelog and NEWS files in /usr/share/doc/<package>: present, named and compressed as policy
 * asks; after the file-level part of lintian's debian/changelog check (the entries themselves
 * are not parsed here).
 */
import { tagMaker } from '../../tag.js';
import type { Check, LintPackage, TagInfo } from '../../types.js';
import { installed, isFile, type Item } from './installed.js';
import { gzipType } from './text.js';
import { jsLines } from '../../linear-text.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';

const CHECK = 'debian/changelog';
const t = tagMaker(CHECK);
const GZIP9 = 'ship it gzip -9n compressed (debship compresses changelog entries it generates this way)';

const TAGS: TagInfo[] = [
  t('debian-news-file-not-compressed', 'warning', 'NEWS.Debian must be installed gzip-compressed.', GZIP9),
  t('wrong-name-for-debian-news-file', 'warning', 'The NEWS file must be named exactly NEWS.Debian.gz.', 'set the dst to /usr/share/doc/<package>/NEWS.Debian.gz'),
  t('debian-changelog-file-is-a-symlink', 'warning', 'The changelog must be a regular file, not a symbolic link.', 'use a regular contents entry for the changelog'),
  t('changelog-file-not-compressed', 'error', 'Changelogs must be installed gzip-compressed.', GZIP9),
  t('changelog-not-compressed-with-max-compression', 'warning', 'Changelogs must be compressed with gzip -9.', GZIP9),
  t('html-changelog-without-text-version', 'error', 'An HTML changelog must come with a plain-text one.', 'also ship /usr/share/doc/<package>/changelog.gz'),
  t('wrong-name-for-changelog-of-native-package', 'warning', 'A native package’s changelog is named changelog.gz, not changelog.Debian.gz.', 'set the dst to /usr/share/doc/<package>/changelog.gz'),
  t('no-changelog', 'error', 'The package ships no changelog in /usr/share/doc/<package>.', 'add a changelog contents entry (changelog.gz for native versions, changelog.Debian.gz otherwise)', [
    'changelog-file-missing-in-native-package',
    'debian-changelog-file-missing',
  ]),
  t('wrong-name-for-upstream-changelog', 'warning', 'The upstream changelog must be named changelog.gz.', 'set the dst to /usr/share/doc/<package>/changelog.gz'),
  t('wrong-name-for-debian-changelog-file', 'error', 'The Debian changelog must be named exactly changelog.Debian.gz.', 'set the dst to /usr/share/doc/<package>/changelog.Debian.gz'),
  t('debian-changelog-file-missing-or-wrong-name', 'error', 'There is an upstream changelog but no changelog.Debian.gz for a non-native version.', 'add /usr/share/doc/<package>/changelog.Debian.gz, or use a native version (no revision)'),
];

/** Changelogs and copyright files are small; keep them whole for the checks that read them. */
export const CHANGELOG_CONTENT = ({ path, size }: { path: string; size: number }): boolean =>
  size <= 1 << 20 && /^\/usr\/share\/doc\/[^/]+\/changelog(?:\.debian)?(?:\.gz)?$/i.test(path);

const NEWS = /^NEWS\.Debian(?:\.gz)?$/i;
const CHANGELOG = /^changelog(?:\.html|\.Debian)?(?:\.gz)?$/;

/** Native as lintian decides: the (source) version has no revision. */
function nativeness(pkg: LintPackage): { native: boolean; foreign: boolean } {
  const source = pkg.field('Source') ?? '';
  const inParentheses = pkg.field('Source') !== undefined ? parenthesised(source) : undefined;
  const sourceVersion = inParentheses ?? pkg.field('Version') ?? '';
  const native = !sourceVersion.includes('-');
  const version = pkg.field('Version') || '0-1';
  return { native, foreign: !native && !/-0\./.test(version) };
}

export const changelogCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    if (isUdeb(pkg)) return; // lintian runs this check on binary packages only
    const index = installed(pkg);
    const dir = `usr/share/doc/${pkg.name}`;
    if (index.lookup(dir)?.type === 'symlink') return;
    const docs = (index.lookup(`${dir}/`)?.children ?? []).filter((i) => isFile(i) || i.type === 'symlink').sort((a, b) => (a.name < b.name ? -1 : 1));
    const hint = (tag: string, item: Item) => report(tag, pointed(item.name));

    const news = docs.filter((i) => NEWS.test(i.basename));
    for (const i of news) if (!i.basename.endsWith('.gz')) hint('debian-news-file-not-compressed', i);
    for (const i of news) if (i.basename.endsWith('.gz') && i.basename !== 'NEWS.Debian.gz') hint('wrong-name-for-debian-news-file', i);

    const changelogs = docs.filter((i) => CHANGELOG.test(i.basename));
    for (const i of changelogs) if (i.type === 'symlink') hint('debian-changelog-file-is-a-symlink', i);
    for (const i of changelogs) if (!i.basename.endsWith('.gz')) hint('changelog-file-not-compressed', i);
    for (const i of changelogs) {
      if (!i.basename.endsWith('.gz')) continue;
      const resolved = index.follow(i);
      if (resolved && !(isFile(resolved) && gzipType(resolved.name, resolved.data).maxCompression)) hint('changelog-not-compressed-with-max-compression', i);
    }
    if (!changelogs.some((i) => /^changelog(?:\.gz)?$/.test(i.basename))) {
      for (const i of changelogs) if (/^changelog\.html(?:\.gz)?$/.test(i.basename)) hint('html-changelog-without-text-version', i);
    }

    const names = docs.map((i) => i.basename);
    const { native, foreign } = nativeness(pkg);
    if (native) {
      if (names.some((n) => /^changelog(?:\.gz)?$/.test(n))) return;
      const wrong = docs.find((i) => /^changelog\.debian\.gz$/i.test(i.basename));
      if (wrong) hint('wrong-name-for-changelog-of-native-package', wrong);
      else report('no-changelog', `${dir}/changelog.gz (native package)`);
      return;
    }
    // lintian's `$found = 1 unless $1` sees no capture there, so any changelog(.html)(.gz) counts
    const upstream = names.some((n) => /^changelog(?:\.html)?(?:\.gz)?$/.test(n));
    if (!upstream) {
      const wrong = docs.find((i) => /^change/i.test(i.basename) && !/debian/i.test(i.basename));
      if (wrong) hint('wrong-name-for-upstream-changelog', wrong);
    }
    if (names.some((n) => /^changelog\.Debian(?:\.gz)?$/.test(n))) return;
    const wrong = docs.find((i) => /^changelog\.debian(?:\.gz)?$/i.test(i.basename));
    if (wrong) hint('wrong-name-for-debian-changelog-file', wrong);
    else if (foreign && upstream) report('debian-changelog-file-missing-or-wrong-name');
    else if (foreign) report('no-changelog', `${dir}/changelog.Debian.gz (non-native package)`);
  },
};

/** lintian's `/\((.*)\)/` capture (the Source field's version), in linear time (linear-text.ts). */
export function parenthesised(text: string): string | undefined {
  for (const line of jsLines(text)) {
    const open = line.indexOf('(');
    const close = line.lastIndexOf(')');
    if (open >= 0 && close > open) return line.slice(open + 1, close);
  }
  return undefined;
}
