/**
 * lintian's view of a binary package's installed files (Lintian::Index), built once per package
 * and shared by the files checks. It differs from the raw data.tar in ways that change which
 * tags fire, so it is mirrored rather than approximated:
 *  - missing parent directories are added as "faux" entries (0755 root/root);
 *  - the root entry is never visited;
 *  - in each group of hard links the alphabetically first name becomes the regular file and
 *    the others hard links to it;
 *  - owner/group fall back to the numeric ids, as `tar -tv` prints them.
 */
import type { LintFile, LintPackage } from '../../types.js';
import { byCodeUnits } from '../../../core/compare.js';

export interface Item {
  /** lintian's name: `usr/bin/foo`, directories `usr/lib/`. */
  name: string;
  basename: string;
  /** Parent's name with trailing slash, `''` at the top. */
  dirname: string;
  type: LintFile['type'];
  /** Permission bits including setuid/setgid/sticky. */
  operm: number;
  owner: string;
  group: string;
  uid: number;
  gid: number;
  /** 0 for everything but regular files. */
  size: number;
  /** Symlink target as stored, hard link target's name, otherwise `''`. */
  link: string;
  faux: boolean;
  /** The entry holding this item's bytes (md5, head, content); hard links share their file's. */
  data: LintFile | undefined;
  children: Item[];
}

export interface Installed {
  root: Item;
  /** Every entry but the root: archive order, then the faux parents. */
  items: Item[];
  lookup(name: string): Item | undefined;
  /** Resolves a package-relative path through symlinks, as Lintian::Index::Item::resolve_path. */
  resolve(name: string): Item | undefined;
  /** The item a link finally points to, or undefined when it dangles, loops or escapes. */
  follow(item: Item): Item | undefined;
}

export const isFile = (i: Item): boolean => i.type === 'file' || i.type === 'hardlink';
export const isExecutable = (i: Item): boolean => (i.operm & 0o111) !== 0;
export const identity = (i: Item): string => `${i.owner}/${i.group}`;
export const octal = (mode: number): string => mode.toString(8).padStart(4, '0');

const MAX_LINK_DEPTH = 18;
const cache = new WeakMap<LintPackage, Installed>();

const NO_CHILDREN: Item[] = [];

// One object shape for every item keeps the per-file passes monomorphic and cheap.
function makeItem(name: string, type: LintFile['type'], operm: number, owner: string, group: string, uid: number, gid: number, size: number, link: string, faux: boolean, data: LintFile | undefined): Item {
  const end = name.endsWith('/') ? name.length - 1 : name.length;
  const slash = name.lastIndexOf('/', end - 1);
  return {
    name,
    basename: name.slice(slash + 1, end),
    dirname: slash < 0 ? '' : name.slice(0, slash + 1),
    type,
    operm,
    owner,
    group,
    uid,
    gid,
    size,
    link,
    faux,
    data,
    children: type === 'dir' ? [] : NO_CHILDREN,
  };
}

const fauxDir = (name: string): Item => makeItem(name, 'dir', 0o755, 'root', 'root', 0, 0, 0, '', true, undefined);

export function installed(pkg: LintPackage): Installed {
  let view = cache.get(pkg);
  if (!view) cache.set(pkg, (view = build(pkg)));
  return view;
}

function build(pkg: LintPackage): Installed {
  const all = new Map<string, Item>();
  for (const f of pkg.files) {
    const type = f.type;
    const link = type === 'symlink' ? (f.linkTarget ?? '') : type === 'hardlink' ? (f.linkTarget ?? '').replace(/^\/+/, '') : '';
    const regular = type === 'file';
    all.set(f.name, makeItem(f.name, type, f.mode & 0o7777, f.owner || String(f.uid), f.group || String(f.gid), f.uid, f.gid, regular ? f.size : 0, link, false, regular ? f : undefined));
  }
  if (!all.has('')) all.set('', fauxDir(''));
  for (const item of [...all.values()]) {
    let dir = item.name === '' ? '' : item.dirname;
    while (!all.has(dir)) {
      const faux = fauxDir(dir);
      all.set(dir, faux);
      dir = faux.dirname;
    }
  }
  calibrateHardLinks(all);
  for (const item of all.values()) if (item.name !== '') all.get(item.dirname)?.children.push(item);
  const root = all.get('')!;
  // No check depends on lintian's name order (findings are sorted when printed), so none is paid for.
  const items = [...all.values()].filter((i) => i.name !== '');

  const childOf = (dir: Item, base: string): Item | undefined => all.get(dir.name + base) ?? all.get(dir.name + base + '/');
  const parentOf = (i: Item): Item | undefined => (i.name === '' ? undefined : all.get(i.dirname));
  // Like lintian, only successful resolutions are remembered.
  const followed = new Map<Item, Item>();

  function follow(item: Item, depth = MAX_LINK_DEPTH): Item | undefined {
    if (!item.link) return item;
    const known = followed.get(item);
    if (known) return known;
    if (depth <= 0) return undefined;
    const reference = item.type === 'hardlink' ? root : parentOf(item);
    const target = reference && resolveFrom(reference, item.link, depth - 1);
    if (target) followed.set(item, target);
    return target;
  }

  // Mirrors Lintian::Index::Item::resolve_path, quirks included (a file as a middle segment
  // resolves against its parent directory).
  function resolveFrom(self: Item, request: string, depth: number): Item | undefined {
    if (self.link) {
      const target = follow(self, depth);
      return target && resolveFrom(target, request, depth);
    }
    let reference: Item | undefined;
    if (request.startsWith('/')) {
      request = request.replace(/^\/+/, '');
      reference = root;
    } else reference = self.type === 'dir' ? self : parentOf(self);
    if (!reference) return undefined;
    const m = /^([^/]+)\/*/.exec(request);
    if (!m) return self;
    const segment = m[1]!;
    const rest = request.slice(m[0].length);
    if (segment === '.') return resolveFrom(reference, rest, depth);
    const next = segment === '..' ? parentOf(reference) : childOf(reference, segment);
    return next && resolveFrom(next, rest, depth);
  }

  return {
    root,
    items,
    lookup: (name) => all.get(name),
    resolve: (name) => resolveFrom(root, name, MAX_LINK_DEPTH),
    follow: (item) => follow(item),
  };
}

/** Hard links: the first name of each group (link names and their target) holds the file. */
function calibrateHardLinks(all: Map<string, Item>): void {
  const groups = new Map<string, Item[]>();
  for (const item of all.values()) {
    if (item.type !== 'hardlink') continue;
    const group = groups.get(item.link);
    if (group) group.push(item);
    else groups.set(item.link, [item]);
  }
  for (const [masterName, links] of groups) {
    const master = all.get(masterName);
    if (!master) continue;
    const group = [...links, master].sort((a, b) => byCodeUnits(a.name, b.name));
    const preferred = group[0]!;
    for (const l of links) if (!l.data) l.data = master.data;
    if (preferred === master) continue;
    preferred.type = 'file';
    preferred.link = '';
    preferred.size = master.size;
    for (const other of group.slice(1)) {
      other.type = 'hardlink';
      other.link = preferred.name;
      other.size = 0;
      other.data ??= master.data;
    }
  }
}

/** Whether Depends/Pre-Depends require `name` outright (no alternatives), as Relation::satisfies. */
export function dependsOn(pkg: LintPackage, name: string): boolean {
  const strong = [pkg.field('Pre-Depends'), pkg.field('Depends')].filter(Boolean).join(',');
  for (const clause of strong.split(',')) {
    if (clause.includes('|')) continue;
    const m = /^\s*([^\s(\[<:]+)(?::(\S+?))?(?=[\s(\[<]|$)/.exec(clause);
    if (m && m[1] === name && (!m[2] || m[2] === 'any' || (pkg.architecture !== 'all' && m[2] === pkg.architecture))) return true;
  }
  return false;
}
