/**
 * Symbolic link targets, after lintian's files/symbolic-links and files/symbolic-links/broken:
 * relative within a top-level directory, absolute across them, no needless segments.
 */
import { tagMaker } from '../../tag.js';
import type { Check, TagInfo } from '../../types.js';
import { installed, type Installed, type Item } from './installed.js';
import { perlFields, perlTruthy } from '../../linear-text.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';

const CHECK = 'files/symbolic-links';
const RELINK = 'set the symlink contents entry’s src';
const t = tagMaker(CHECK);
const brokenTag = tagMaker(`${CHECK}/broken`);

const TAGS: TagInfo[] = [
  t('symlink-has-double-slash', 'warning', 'The link target contains `//`.', `${RELINK} without the doubled slash`),
  t('symlink-ends-with-slash', 'warning', 'The link target ends with a slash.', `${RELINK} without the trailing slash`),
  t('absolute-symlink-in-top-level-folder', 'warning', 'A link to a file in the same top-level directory must be relative, so the tree can be moved (e.g. chroots).', `${RELINK} to a relative path (../lib/foo)`, ['symlink-should-be-relative']),
  t('symlink-target-in-build-tree', 'error', 'The link points into a build directory that will not exist on users’ systems.', `${RELINK} to the installed location`),
  t('symlink-target-in-tmp', 'error', 'The link points into a temporary directory.', `${RELINK} to a persistent location`),
  t('symlink-is-self-recursive', 'warning', 'The link points to itself or to one of its parent directories.', `${RELINK} to the intended file, or drop the link`),
  t('symlink-contains-spurious-segments', 'error', 'The relative link target contains needless `.` or `..` segments.', `${RELINK} to the shortest relative path`),
  t('symlink-has-too-many-up-segments', 'error', 'The relative link target goes above the root directory.', `${RELINK} to a path that stays within /`),
  t('lengthy-symlink', 'error', 'The link goes up and back down into the same directory.', `${RELINK} to the shortest relative path`),
  t('relative-symlink', 'error', 'A link from one top-level directory into another must be absolute.', `${RELINK} to an absolute path`, ['symlink-should-be-absolute']),
  t('compressed-symlink-with-wrong-ext', 'error', 'The link points to a compressed file but lacks that file’s extension.', 'give the link dst the same compression extension as its target'),
  brokenTag('package-contains-unsafe-symlink', 'error', 'The link target escapes the file system root.', `${RELINK} to a path within /`),
  brokenTag('package-contains-broken-symlink-wildcard', 'warning', 'The link target contains `*`, likely from an unexpanded `ln -s target/*.so` glob, and does not exist.', `${RELINK} to the actual file`),
];

// /usr/share/lintian/data/files/build-path-regex
const BUILD_PATH = [/^var\/cache\/pbuilder\/build\//, /^var\/lib\/sbuild\//, /^var\/lib\/buildd\//, /^build\//, /^tmp\/buildd\//];
const COMPRESSED_LINK = /[.](bz|bz2|gz|tgz|xz|z|Z)\s*$/;
const isTmp = (p: string): boolean => /^tmp\/.|^(?:var|usr)\/tmp\/.|^\/dev\/shm\//.test(p);

/** Lintian::Util::normalize_pkg_path of the target joined to its directory; undefined escapes. */
export function normalizedTarget(item: Item): string | undefined {
  const dir = item.type === 'hardlink' ? '/' : item.dirname;
  const path = item.link.startsWith('/') ? item.link : `${dir}/${item.link}`;
  if (path === '/') return '';
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') {
      if (out.pop() === undefined) return undefined;
    } else out.push(c);
  }
  return out.join('/');
}

function visit(item: Item, udeb: boolean, report: (tag: string, ...notes: string[]) => void): void {
  let link = item.link;
  const doubled = link.replace(/\/\/+/g, '/');
  if (doubled !== link) report('symlink-has-double-slash', item.link);
  link = doubled;
  const unslashed = link.replace(/([^\n])\/$/, '$1');
  if (unslashed !== link) report('symlink-ends-with-slash', item.link);
  link = unslashed;

  const filetop = /^\/?([^/]*)/.exec(item.name)![1]!;
  const absolute = /^\/([^/]*)/.exec(link);
  if (absolute) {
    const target = link.slice(1);
    if (!udeb && filetop === absolute[1]) report('absolute-symlink-in-top-level-folder', item.link);
    for (const r of BUILD_PATH) if (r.test(target)) report('symlink-target-in-build-tree', link);
    if (isTmp(target)) report('symlink-target-in-tmp', link);
    if (link === '/') report('symlink-is-self-recursive', item.link);
  } else relative(item, link, filetop, udeb, report);

  const m = COMPRESSED_LINK.exec(item.link);
  if (m && !new RegExp(`[.]${m[1]}\\s*$`).test(item.name)) report('compressed-symlink-with-wrong-ext', item.link);
}

function relative(item: Item, link: string, filetop: string, udeb: boolean, report: (tag: string, ...notes: string[]) => void): void {
  const fileParts = perlFields(item.name.split('/'));
  fileParts.pop();
  const linkParts = perlFields(link.split('/'));

  let lastpop: string | undefined;
  let component: string | undefined;
  // Perl's truth ('' and '0' are false) ends lintian's `while ($c = shift @parts)`
  while (perlTruthy((component = linkParts.shift()))) {
    if (component === '.') {
      if (link !== '.') report('symlink-contains-spurious-segments', item.link);
      continue;
    }
    if (component !== '..') break;
    if (fileParts.length) lastpop = fileParts.pop();
    else {
      report('symlink-has-too-many-up-segments', item.link);
      return;
    }
  }
  if (component === undefined) report('symlink-is-self-recursive', item.link);
  if (lastpop !== undefined && component !== undefined && component === lastpop) report('lengthy-symlink', item.link);
  // `(udeb-ne && !defined $c) || $filetop ne $c`, with undef comparing as ''
  if (!fileParts.length && ((!udeb && component === undefined) || filetop !== (component ?? ''))) report('relative-symlink', item.link);
  if (linkParts.some((c) => c === '..' || c === '.')) report('symlink-contains-spurious-segments', item.link);
}

function broken(index: Installed, item: Item, report: (tag: string, ...notes: string[]) => void): void {
  const path = normalizedTarget(item);
  if (path === undefined) {
    report('package-contains-unsafe-symlink');
    return;
  }
  if (path === '' || !item.link.includes('*')) return;
  // A lone .deb has no sibling packages from its source to hold the target.
  if (index.lookup(path) || index.lookup(`${path}/`)) return;
  report('package-contains-broken-symlink-wildcard', item.link.replace(/^\/+/, ''));
}

export const symlinksCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    const udeb = isUdeb(pkg);
    const index = installed(pkg);
    for (const item of index.items) {
      if (item.type !== 'symlink') continue;
      const hint = (tag: string, ...notes: string[]) => report(tag, pointed(item.name, ...notes));
      visit(item, udeb, hint);
      broken(index, item, hint);
    }
  },
};
