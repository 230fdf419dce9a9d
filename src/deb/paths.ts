/**
 * Package paths: `/usr/bin/foo` in the domain, `./usr/bin/foo` (directories `./usr/`) in tar,
 * and the one ordering every archive we write uses.
 */
import { DebshipError } from '../core/errors.js';

/** The components of a normalised absolute path; `/` has none. */
export function pathComponents(path: string): string[] {
  return path === '/' ? [] : path.slice(1).split('/');
}

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
  const ca = pathComponents(a);
  const cb = pathComponents(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const c = Buffer.compare(Buffer.from(ca[i]!, 'utf8'), Buffer.from(cb[i]!, 'utf8'));
    if (c !== 0) return c;
  }
  return ca.length - cb.length;
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
