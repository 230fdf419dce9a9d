/**
 * lintian's installed tag files (/usr/share/lintian/tags), read to check that our tag tables use
 * lintian's names, severities, check names and former names. Test-only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formerNames } from '../../data/index.js';
import { findToolSync } from '../../elf/test-tools.js';
import type { Check } from '../../types.js';

const TAGS = '/usr/share/lintian/tags';

export interface TagFile {
  severity: string;
  check: string;
  experimental: boolean;
  renamedFrom: string[];
}

export function haveLintianTags(): boolean {
  return findToolSync('lintian', 'lintian') && existsSync(TAGS);
}

export function readTagFile(name: string): TagFile | undefined {
  const dir = join(TAGS, name[0]!);
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f === `${name}.tag`) : undefined;
  if (!file) return undefined;
  const fields = new Map<string, string>();
  let current = '';
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (m) fields.set((current = m[1]!), m[2]!);
    else if (current && /^\s/.test(line)) fields.set(current, `${fields.get(current)} ${line.trim()}`);
  }
  return {
    severity: fields.get('Severity') ?? '',
    check: fields.get('Check') ?? '',
    experimental: fields.get('Experimental') === 'yes',
    renamedFrom: (fields.get('Renamed-From') ?? '').split(/\s+/).filter(Boolean),
  };
}

/** Differences between our tag tables and lintian's tag files, as readable lines. */
export function metadataDifferences(checks: readonly Check[]): string[] {
  const out: string[] = [];
  for (const check of checks) {
    for (const tag of check.tags) {
      const file = readTagFile(tag.name);
      if (!file) {
        out.push(`${tag.name}: no such lintian tag`);
        continue;
      }
      if (file.severity !== tag.severity) out.push(`${tag.name}: severity ${tag.severity}, lintian ${file.severity}`);
      if (file.check !== tag.check) out.push(`${tag.name}: check ${tag.check}, lintian ${file.check}`);
      if (file.experimental !== Boolean(tag.experimental)) out.push(`${tag.name}: experimental ${Boolean(tag.experimental)}, lintian ${file.experimental}`);
      const former = [...new Set([...file.renamedFrom, ...formerNames(tag.name)])].sort();
      if (former.join(' ') !== [...(tag.renamedFrom ?? [])].sort().join(' ')) out.push(`${tag.name}: renamedFrom ${tag.renamedFrom ?? []}, lintian ${former}`);
      if (!tag.explanation || !tag.fix) out.push(`${tag.name}: explanation and fix are required`);
    }
  }
  return out;
}
