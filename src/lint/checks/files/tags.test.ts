/** Every tag the files checks declare is lintian 2.116's: name, severity, check, old names. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingToolMessage } from '../../../../test/support/tools.js';
import { filesChecks } from './index.js';

const TAGS_DIR = '/usr/share/lintian/tags';

function lintianTags(): Map<string, { severity?: string; check?: string; renamedFrom: string[]; experimental: boolean }> {
  if (!existsSync(TAGS_DIR)) throw new Error(missingToolMessage('lintian', 'lintian'));
  const out = new Map();
  for (const rel of readdirSync(TAGS_DIR, { recursive: true }) as string[]) {
    if (!rel.endsWith('.tag')) continue;
    const text = readFileSync(join(TAGS_DIR, rel), 'utf8');
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim();
    const renamed = /^Renamed-From:(.*)\n((?:[ \t].*\n)*)/m.exec(text);
    out.set(field('Tag'), {
      severity: field('Severity'),
      check: field('Check'),
      renamedFrom: renamed ? `${renamed[1]} ${renamed[2]}`.split(/\s+/).filter(Boolean) : [],
      experimental: field('Experimental') === 'yes',
    });
  }
  return out;
}

describe('files tags', () => {
  it('match the installed lintian’s tag files', () => {
    const known = lintianTags();
    const mismatches: string[] = [];
    for (const tag of filesChecks.flatMap((c) => c.tags)) {
      const l = known.get(tag.name);
      if (!l) mismatches.push(`${tag.name}: not a lintian tag`);
      else {
        const ours = { severity: tag.severity, check: tag.check, renamedFrom: tag.renamedFrom ?? [], experimental: Boolean(tag.experimental) };
        if (JSON.stringify(ours) !== JSON.stringify(l)) mismatches.push(`${tag.name}: ours ${JSON.stringify(ours)}, lintian ${JSON.stringify(l)}`);
      }
      if (!tag.explanation || !tag.fix) mismatches.push(`${tag.name}: explanation and fix are required`);
    }
    expect(mismatches).toEqual([]);
  });

  it('are declared once, by checks named after lintian’s', () => {
    const names = filesChecks.flatMap((c) => c.tags.map((t) => t.name));
    expect(new Set(names).size).toBe(names.length);
    for (const check of filesChecks) for (const tag of check.tags) expect(tag.check.startsWith(check.name) || check.name.startsWith(tag.check)).toBe(true);
  });
});
