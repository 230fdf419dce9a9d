/**
 * control.tar: `./`, then control, md5sums, conffiles, maintainer scripts and extra members,
 * sorted by name, all root:root with the SOURCE_DATE_EPOCH as mtime. Small enough to build in
 * memory.
 */
import { DebshipError } from '../core/errors.js';
import { formatControl, withInstalledSize } from './control.js';
import { buildTar, type TarHeader } from './tar-writer.js';
import type { Package } from './types.js';
import { byCodeUnits } from '../core/compare.js';

const RESERVED = new Set(['control', 'md5sums', 'conffiles', 'preinst', 'postinst', 'prerm', 'postrm', 'config']);

export interface ControlTarInput {
  pkg: Package;
  installedSize: number;
  conffilesText: string | undefined;
  /** path → MD5 for the regular files listed in md5sums, in archive order. */
  md5sums: Array<[path: string, md5: string]>;
}

/** The members as name → [mode, content], before archiving. */
export function controlMembers(input: ControlTarInput): Map<string, [number, string]> {
  const { pkg } = input;
  const members = new Map<string, [number, string]>();
  members.set('control', [0o644, formatControl(withInstalledSize(pkg.control, input.installedSize))]);
  if (input.md5sums.length > 0) {
    members.set('md5sums', [0o644, input.md5sums.map(([path, md5]) => `${md5}  ${path.slice(1)}\n`).join('')]);
  }
  if (input.conffilesText !== undefined) members.set('conffiles', [0o644, input.conffilesText]);
  for (const [name, body] of Object.entries(pkg.scripts)) {
    if (body === undefined) continue;
    // dpkg execs maintainer scripts directly, so without an interpreter line they fail at install time.
    if (!body.startsWith('#!')) {
      throw new DebshipError('package-invalid', `maintainer script ${name} does not start with a "#!" interpreter line`, {
        hint: 'begin the script with #!/bin/sh',
      });
    }
    members.set(name, [0o755, body]);
  }
  for (const [name, body] of Object.entries(pkg.controlExtras)) {
    if (RESERVED.has(name) || !/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
      throw new DebshipError('package-invalid', `control member name "${name}" is reserved or invalid`, {
        hint: 'extra control members are things like triggers, shlibs, templates; scripts go in `scripts`',
      });
    }
    members.set(name, [0o644, body]);
  }
  return members;
}

export function buildControlTar(input: ControlTarInput): Buffer {
  const mtime = input.pkg.sourceDateEpoch;
  const header = (name: string, type: 'file' | 'dir', mode: number, size: number): TarHeader => ({
    name, type, mode, size, mtime, uid: 0, gid: 0, uname: 'root', gname: 'root',
  });
  const members = [...controlMembers(input)].sort(([a], [b]) => byCodeUnits(a, b));
  return buildTar([
    { header: header('./', 'dir', 0o755, 0) },
    ...members.map(([name, [mode, text]]) => {
      const body = Buffer.from(text, 'utf8');
      return { header: header(`./${name}`, 'file', mode, body.length), body };
    }),
  ]);
}
