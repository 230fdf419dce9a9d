/** `debship inspect`: read any .deb without extracting it and print what is inside. */
import { readDeb } from '../../deb/reader.js';
import type { DebEntry, DebInfo } from '../../deb/types.js';

export async function runInspect(file: string, flags: { json?: boolean }): Promise<number> {
  const info = await readDeb(file);
  process.stdout.write(flags.json ? JSON.stringify(inspectJson(info), null, 2) + '\n' : inspectText(file, info));
  return 0;
}

/** The versioned JSON shape of `inspect --json` (documented in docs/cli.md). */
export function inspectJson(info: DebInfo) {
  return {
    schemaVersion: 1,
    control: Object.fromEntries(info.control),
    conffiles: info.conffiles,
    scripts: info.scripts,
    members: info.members,
    compression: info.compression,
    files: info.files.map((f) => ({
      path: f.path,
      type: f.type,
      mode: f.mode.toString(8).padStart(4, '0'),
      owner: f.owner,
      group: f.group,
      size: f.size,
      mtime: f.mtime,
      ...(f.linkTarget !== undefined ? { linkTarget: f.linkTarget } : {}),
    })),
  };
}

export function inspectText(file: string, info: DebInfo): string {
  const out: string[] = [`${file}`, ` members: ${info.members.map((m) => `${m.name} (${m.size} bytes)`).join(', ')}`, ''];
  for (const [name, value] of info.control) out.push(`${name}: ${value.split('\n').join('\n ')}`);
  if (info.conffiles.length) out.push('', 'conffiles:', ...info.conffiles.map((c) => ` ${c.path}${c.removeOnUpgrade ? ' remove-on-upgrade' : ''}`));
  const scripts = Object.entries(info.scripts);
  if (scripts.length) out.push('', 'maintainer scripts:', ...scripts.map(([n, s]) => ` ${n} (${Buffer.byteLength(s ?? '')} bytes)`));
  out.push('', `files (${info.files.length}):`, ...info.files.map(lsLine));
  return out.join('\n') + '\n';
}

const TYPE_CHAR: Record<DebEntry['type'], string> = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p' };

function lsLine(e: DebEntry): string {
  const perms = [0o400, 0o200, 0o100, 0o40, 0o20, 0o10, 0o4, 0o2, 0o1].map((bit, i) => (e.mode & bit ? 'rwx'[i % 3] : '-')).join('');
  const special = perms.split('');
  if (e.mode & 0o4000) special[2] = special[2] === 'x' ? 's' : 'S';
  if (e.mode & 0o2000) special[5] = special[5] === 'x' ? 's' : 'S';
  if (e.mode & 0o1000) special[8] = special[8] === 'x' ? 't' : 'T';
  const link = e.linkTarget !== undefined ? ` -> ${e.linkTarget}` : '';
  return `${TYPE_CHAR[e.type]}${special.join('')} ${`${e.owner}/${e.group}`.padEnd(17)} ${String(e.size).padStart(10)} ${e.path}${link}`;
}
