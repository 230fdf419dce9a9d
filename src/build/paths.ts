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

/** `/a/b/c` → [`/a`, `/a/b`]: the directories a normalised path implies. */
export function parentDirs(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('/', 1); i !== -1; i = path.indexOf('/', i + 1)) out.push(path.slice(0, i));
  return out;
}
