/**
 * Files a lint-clean package needs that users should not have to write: the copyright file, the
 * compressed changelog, and lintian overrides from the config. A file the user ships wins.
 */
import type { ProjectConfig } from '../config/types.js';
import type { FileEntry, PackageEntry } from '../deb/types.js';
import { changelogFileName, formatChangelog, gzipChangelog, type ChangelogEntry } from './changelog.js';
import { generateCopyright } from './copyright.js';
import { DIR_MODE, ROOT } from './modes.js';
import { parentDirs } from './paths.js';

export interface GeneratedInput {
  config: ProjectConfig;
  version: string;
  sourceDateEpoch: number;
  /** Entries of an nfpm changelog file, already read; otherwise one entry for this version. */
  changelog?: ChangelogEntry[];
}

export function addGeneratedDocs(entries: PackageEntry[], input: GeneratedInput): PackageEntry[] {
  const { config, version, sourceDateEpoch: epoch } = input;
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const doc = `/usr/share/doc/${config.name}`;
  const add = (path: string, data: Uint8Array) => {
    if (byPath.has(path)) return;
    const file: FileEntry = { ...ROOT, type: 'file', path, mode: 0o644, mtime: epoch, size: data.byteLength, source: { kind: 'bytes', data } };
    byPath.set(path, file);
  };
  const year = new Date(epoch * 1000).getUTCFullYear();
  add(`${doc}/copyright`, Buffer.from(generateCopyright({ ...config, year })));
  const hasChangelog = byPath.has(`${doc}/changelog.gz`) || byPath.has(`${doc}/changelog.Debian.gz`);
  if (!hasChangelog) {
    const entries = input.changelog ?? [
      { version, date: epoch, packager: changelogPackager(config), urgency: 'medium', distribution: 'unstable', changes: [] },
    ];
    add(`${doc}/${changelogFileName(version)}`, gzipChangelog(formatChangelog(config.name, entries)));
  }
  if (config.deb.lintianOverrides.length) {
    add(`/usr/share/lintian/overrides/${config.name}`, Buffer.from(config.deb.lintianOverrides.join('\n') + '\n'));
  }
  // Entries added after contents resolution (units, these docs) need their parent directories too.
  // Nearest parent first; once one exists, its own parents are handled when it is visited.
  for (const path of [...byPath.keys()]) {
    for (const dir of parentDirs(path).reverse()) {
      if (byPath.has(dir)) break;
      byPath.set(dir, { ...ROOT, type: 'dir', path: dir, mode: DIR_MODE, mtime: epoch });
    }
  }
  return [...byPath.values()];
}

/**
 * The changelog trailer needs `Name <address>`; a bare address or name in `maintainer` would make
 * the changelog unparsable (lintian: syntax-error-in-debian-changelog), so complete it.
 */
export function changelogPackager(config: Pick<ProjectConfig, 'name' | 'maintainer'>): string {
  const m = config.maintainer?.trim();
  if (m && /^[^<>]+\s<[^<>\s]+@[^<>\s]+>$/.test(m)) return m;
  if (m && /^[^<>\s]+@[^<>\s]+$/.test(m)) return `${config.name} maintainers <${m}>`;
  return `${m && !m.includes('<') ? m : `${config.name} maintainers`} <root@localhost>`;
}
