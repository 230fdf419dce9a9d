/**
 * Package paths: `/usr/bin/foo` in the domain, `./usr/bin/foo` (directories `./usr/`) in tar,
 * and the one ordering every archive we write uses.
 */
import { DebshipError } from '../core/errors.js';
import { byCodeUnits } from '../core/compare.js';

/**
 * Linux's longest path, its terminating NUL included: dpkg cannot unpack a member whose name or
 * link target is this long or longer (ENAMETOOLONG), so packages are neither written nor read with one.
 */
export const PATH_MAX = 4096;

/** Whether `path` is absolute and normalised: no empty, `.` or `..` component, no trailing `/`. */
export function isNormalPath(path: string): boolean {
  if (path === '/') return true;
  if (!path.startsWith('/') || path.includes('\0')) return false;
  return path
    .slice(1)
    .split('/')
    .every((c) => c !== '' && c !== '.' && c !== '..');
}

export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** The tar member name dpkg-deb would write: `./`, `./usr/`, `./usr/bin/foo`. */
export function tarName(path: string, isDir: boolean): string {
  if (path === '/') return './';
  return `.${path}${isDir ? '/' : ''}`;
}

/**
 * Archive order: by path components, each compared as UTF-8 bytes. A directory therefore precedes
 * its contents, and `a/b` vs `a-b` does not depend on how `/` compares with other bytes.
 */
export function comparePaths(a: string, b: string): number {
  return byCodeUnits(pathSortKey(a), pathSortKey(b));
}

/** `items` in archive order (see comparePaths), each path's key computed once instead of per comparison. */
export function sortByPath<T extends { path: string }>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: pathSortKey(item.path) }))
    .sort((x, y) => byCodeUnits(x.key, y.key))
    .map((x) => x.item);
}

/**
 * A string whose plain comparison is archive order: the UTF-8 bytes one per character (so code
 * units compare as bytes do), with `/` as NUL — lower than any byte a component can hold, which
 * makes the order component by component, a shorter path first.
 */
function pathSortKey(path: string): string {
  return Buffer.from(path, 'utf8').toString('latin1').replaceAll('/', '\0');
}

/**
 * A member name read from a tar archive as a normalised absolute path. Leading `./`, `.` and empty
 * components are dropped like tar does; absolute names and `..` are refused because extracting
 * them would write outside the target directory.
 */
export function pathFromTarName(name: string, what: string): string {
  if (name.startsWith('/')) {
    throw new DebshipError('tar-unsafe-path', `${what}: absolute member name "${name}" is not allowed`);
  }
  const parts = name.split('/').filter((c) => c !== '' && c !== '.');
  if (parts.includes('..')) {
    throw new DebshipError('tar-unsafe-path', `${what}: member name "${name}" contains a ".." component`);
  }
  return `/${parts.join('/')}`;
}
