/**
 * Checks a `Package` before anything is written and turns it into what the archive will hold:
 * entries sorted in archive order, with the root and any missing parent directories added and
 * mtimes clamped to SOURCE_DATE_EPOCH. Problems are reported here, not halfway through a write.
 */
import { DebshipError } from '../core/errors.js';
import { isNormalPath, parentPath, PATH_MAX, sortByPath, tarName } from './paths.js';
import type { Package, PackageEntry } from './types.js';

export interface PackagePlan {
  entries: PackageEntry[];
  /** The conffiles member, or undefined when there are none. */
  conffilesText: string | undefined;
  /** Paths of conffiles shipped in the package (left out of md5sums, as debhelper does). */
  conffilePaths: Set<string>;
}

const invalid = (msg: string, hint?: string): DebshipError => new DebshipError('package-invalid', msg, { hint });

export function planPackage(pkg: Package): PackagePlan {
  const sde = pkg.sourceDateEpoch;
  if (!Number.isSafeInteger(sde) || sde < 0) throw invalid(`SOURCE_DATE_EPOCH ${sde} is not a non-negative integer`);
  const byPath = new Map<string, PackageEntry>();
  for (const e of pkg.files) {
    checkEntry(e);
    if (byPath.has(e.path)) throw invalid(`${e.path} appears twice in the package contents`);
    byPath.set(e.path, { ...e, mtime: Math.min(e.mtime, sde) });
  }
  const implied = (path: string): PackageEntry => ({ type: 'dir', path, mode: 0o755, owner: 'root', group: 'root', uid: 0, gid: 0, mtime: sde });
  if (!byPath.has('/')) byPath.set('/', implied('/'));
  for (const path of [...byPath.keys()]) {
    for (let p = path; p !== '/'; ) {
      p = parentPath(p);
      const parent = byPath.get(p);
      if (parent && parent.type !== 'dir') throw invalid(`${path} is inside ${p}, which is a ${parent.type}, not a directory`);
      if (!parent) byPath.set(p, implied(p));
    }
  }
  const entries = sortByPath([...byPath.values()]);
  return { entries, ...planConffiles(pkg, byPath) };
}

function checkEntry(e: PackageEntry): void {
  if (!isNormalPath(e.path)) {
    throw invalid(`package path ${JSON.stringify(e.path)} is not absolute and normalised`, 'use /usr/bin/foo: no trailing "/", no "." or ".." components');
  }
  if (!Number.isInteger(e.mode) || e.mode < 0 || e.mode > 0o7777) throw invalid(`${e.path}: mode ${e.mode} is not a permission mode (0-07777)`);
  for (const [k, v] of [['uid', e.uid], ['gid', e.gid], ['mtime', e.mtime]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw invalid(`${e.path}: ${k} ${v} is not a non-negative integer`);
  }
  if (e.type === 'file') {
    if (!Number.isSafeInteger(e.size) || e.size < 0) throw invalid(`${e.path}: size ${e.size} is not a non-negative integer`);
    if (e.source.kind === 'bytes' && e.source.data.length !== e.size) {
      throw invalid(`${e.path}: declared size ${e.size} but ${e.source.data.length} bytes given`);
    }
  }
  if (e.type === 'symlink' && (e.linkTarget === '' || e.linkTarget.includes('\0'))) throw invalid(`${e.path}: symlink target is empty or contains NUL`);
  checkLength(e.path, 'its path', tarName(e.path, e.type === 'dir'));
  if (e.type === 'symlink') checkLength(e.path, 'its symlink target', e.linkTarget);
}

/** A name the archive stores (with its NUL) in PATH_MAX bytes or more could never be unpacked. */
function checkLength(path: string, what: string, stored: string): void {
  const bytes = Buffer.byteLength(stored, 'utf8');
  if (bytes + 1 <= PATH_MAX) return;
  const shown = path.length > 80 ? `${path.slice(0, 80)}…` : path;
  throw invalid(
    `${shown}: ${what} is ${bytes} bytes in the archive, longer than dpkg can unpack (PATH_MAX: ${PATH_MAX} bytes with the terminating NUL)`,
    'shorten the path: fewer or shorter directory levels',
  );
}

function planConffiles(pkg: Package, byPath: Map<string, PackageEntry>): Omit<PackagePlan, 'entries'> {
  const lines: string[] = [];
  const conffilePaths = new Set<string>();
  const seen = new Set<string>();
  for (const c of pkg.conffiles) {
    if (!isNormalPath(c.path) || c.path === '/') throw invalid(`conffile ${JSON.stringify(c.path)} is not an absolute normalised path`);
    if (seen.has(c.path)) throw invalid(`conffile ${c.path} is listed twice`);
    seen.add(c.path);
    const entry = byPath.get(c.path);
    if (c.removeOnUpgrade) {
      // dpkg refuses to build or install a package shipping a conffile it is told to remove.
      if (entry) throw invalid(`conffile ${c.path} is marked remove-on-upgrade but is shipped in the package`);
      lines.push(`remove-on-upgrade ${c.path}`);
    } else {
      if (entry?.type !== 'file') {
        throw invalid(`conffile ${c.path} is not a regular file in the package`, 'list only shipped regular files as conffiles');
      }
      conffilePaths.add(c.path);
      lines.push(c.path);
    }
  }
  return { conffilesText: lines.length ? `${lines.join('\n')}\n` : undefined, conffilePaths };
}
