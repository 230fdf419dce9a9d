/**
 * Packages for the spot check against real lintian: a tree on disk packed by dpkg-deb (never by
 * debship's writer), holding ELF objects compiled here, scripts, maintainer scripts and units.
 * Test-only.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SpotEntry {
  path: string;
  content?: string | Buffer;
  mode?: number;
  /** A symlink with this target instead of a file. */
  link?: string;
}

export interface SpotPackage {
  name: string;
  architecture: string;
  /** Extra control fields, one per line. */
  fields?: string;
  files: SpotEntry[];
  /** Maintainer scripts and other control members: name → text (scripts get mode 0755). */
  control?: Record<string, string>;
}

const SCRIPTS = new Set(['preinst', 'postinst', 'prerm', 'postrm', 'config']);

/** Writes the tree and packs `<dir>/<name>.deb` with dpkg-deb; returns its path. */
export function buildSpotPackage(dir: string, spec: SpotPackage): string {
  const root = join(dir, spec.name);
  mkdirSync(join(root, 'DEBIAN'), { recursive: true });
  for (const e of spec.files) {
    const path = join(root, e.path);
    mkdirSync(dirname(path), { recursive: true });
    if (e.link !== undefined) symlinkSync(e.link, path);
    else {
      writeFileSync(path, e.content ?? '');
      chmodSync(path, e.mode ?? 0o644);
    }
  }
  writeFileSync(
    join(root, 'DEBIAN/control'),
    `Package: ${spec.name}\nVersion: 1.0-1\nArchitecture: ${spec.architecture}\nMaintainer: Demo Maintainer <demo@example.org>\n` +
      `Section: misc\nPriority: optional\n${spec.fields ?? ''}Description: spot check of binary, script and unit tags\n Built to compare debship's checks with lintian.\n`,
  );
  for (const [name, text] of Object.entries(spec.control ?? {})) {
    writeFileSync(join(root, 'DEBIAN', name), text);
    chmodSync(join(root, 'DEBIAN', name), SCRIPTS.has(name) ? 0o755 : 0o644);
  }
  const deb = join(dir, `${spec.name}.deb`);
  execFileSync('dpkg-deb', ['--nocheck', '--root-owner-group', '-Zgzip', '--build', root, deb], { stdio: 'ignore' });
  return deb;
}
