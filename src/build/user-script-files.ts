/** Reads the user's own maintainer scripts (nfpm's `scripts:` keys) so they can be merged with generated snippets. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DebshipError } from '../core/errors.js';
import type { ProjectConfig } from '../config/types.js';

const NAMES = { preinstall: 'preinst', postinstall: 'postinst', preremove: 'prerm', postremove: 'postrm' } as const;

export async function readUserScripts(config: Pick<ProjectConfig, 'scripts' | 'dir' | 'file'>): Promise<Partial<Record<'preinst' | 'postinst' | 'prerm' | 'postrm', string>>> {
  const out: Partial<Record<'preinst' | 'postinst' | 'prerm' | 'postrm', string>> = {};
  for (const [key, member] of Object.entries(NAMES) as Array<[keyof typeof NAMES, (typeof NAMES)[keyof typeof NAMES]]>) {
    const file = config.scripts[key];
    if (!file) continue;
    const path = resolve(config.dir, file);
    try {
      out[member] = await readFile(path, 'utf8');
    } catch (err) {
      throw new DebshipError('script-unreadable', `${config.file}: scripts.${key}: cannot read ${path} (${(err as NodeJS.ErrnoException).code})`, {
        hint: 'the path is relative to the config file\'s directory',
      });
    }
  }
  return out;
}
