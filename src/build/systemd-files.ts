/** systemd units from the config, installed where Debian keeps packaged units: /usr/lib/systemd/system. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DebshipError } from '../core/errors.js';
import type { ProjectConfig } from '../config/types.js';
import type { PackageEntry } from '../deb/types.js';
import { ROOT } from './modes.js';

export const UNIT_DIR = '/usr/lib/systemd/system';

export async function systemdUnitEntries(config: Pick<ProjectConfig, 'systemd' | 'dir' | 'file'>, epoch: number): Promise<PackageEntry[]> {
  const out: PackageEntry[] = [];
  for (const unit of config.systemd) {
    const path = resolve(config.dir, unit.src);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (err) {
      throw new DebshipError('unit-unreadable', `${config.file}: systemd unit ${unit.src}: cannot read ${path} (${(err as NodeJS.ErrnoException).code})`, {
        hint: 'the path is relative to the config file\'s directory',
      });
    }
    out.push({ ...ROOT, type: 'file', path: `${UNIT_DIR}/${unit.name}`, mode: 0o644, mtime: epoch, size: data.byteLength, source: { kind: 'bytes', data } });
  }
  return out;
}
