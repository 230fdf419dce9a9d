/** Package-path helpers: every path inside a package is absolute, normalised, without a trailing slash. */
import { posix } from 'node:path';
import { DebshipError } from '../core/errors.js';

export function normalisePackagePath(dst: string, where: string): string {
  if (!dst.startsWith('/')) {
    throw new DebshipError('content-dst-relative', `${where}: destination "${dst}" is not an absolute path`, {
      hint: `write it as "/${dst.replace(/^\.?\/*/, '')}"`,
    });
  }
  if (dst.split('/').includes('..')) {
    throw new DebshipError('content-dst-dotdot', `${where}: destination "${dst}" contains ".."`, {
      hint: 'name the final location directly',
    });
  }
  const p = posix.normalize(dst);
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** `/a/b/c` → [`/a`, `/a/b`]: the directories a path implies. */
export function parentDirs(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push('/' + parts.slice(0, i).join('/'));
  return out;
}
