/**
 * Installed-Size in KiB, computed the way dpkg-gencontrol does (scripts/dpkg-gencontrol.pl): it
 * walks the whole package build tree with File::Find, the root and DEBIAN/ included, lstat-ing
 * each object. A regular file or symlink adds ceil(st_size / 1024) — a symlink's st_size is the
 * byte length of its target — counting a hard-linked inode once; anything else (directories,
 * devices, fifos) adds 1.
 *
 * What DEBIAN/ holds at that moment matters: in a debhelper build, dh_gencontrol runs after
 * dh_installdeb (conffiles, maintainer scripts, triggers, shlibs, templates are there) and before
 * dh_md5sums, and it writes DEBIAN/control after measuring. So: root 1 + DEBIAN 1 + each control
 * member except control and md5sums + the data entries.
 */
import type { PackagePlan } from './plan.js';
import type { Package, PackageEntry } from './types.js';

/** The size one file-system object adds. */
export function entryKiB(entry: PackageEntry): number {
  switch (entry.type) {
    case 'file':
      return Math.ceil(entry.size / 1024);
    case 'symlink':
      return Math.ceil(Buffer.byteLength(entry.linkTarget, 'utf8') / 1024);
    default:
      return 1;
  }
}

/** Control members present when dpkg-gencontrol measures: name → content. */
export function measuredControlMembers(pkg: Package, conffilesText: string | undefined): Array<[string, string]> {
  const members: Array<[string, string]> = [];
  if (conffilesText !== undefined) members.push(['conffiles', conffilesText]);
  for (const [name, body] of Object.entries(pkg.scripts)) if (body !== undefined) members.push([name, body]);
  for (const [name, body] of Object.entries(pkg.controlExtras)) members.push([name, body]);
  return members;
}

/** For the planned entries (implied parent directories count too, as they exist on disk). */
export function installedSize(pkg: Package, plan: PackagePlan): number {
  // The root and DEBIAN/ are directories: 1 each.
  let kib = 2;
  for (const e of plan.entries) if (e.path !== '/') kib += entryKiB(e);
  for (const [, body] of measuredControlMembers(pkg, plan.conffilesText)) kib += Math.ceil(Buffer.byteLength(body, 'utf8') / 1024);
  return kib;
}
