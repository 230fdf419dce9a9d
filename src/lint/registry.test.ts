/**
 * Every tag debship reports is a lintian tag with lintian's severity and check, and its older
 * names are lintian's: the vocabulary users know must not drift. Also documents each one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveTools } from '../deb/test-helpers.js';
import { formerNames, lintianTags } from './data/index.js';
import { CHECKS, canonicalTag, tagIndex } from './registry.js';

const lintian = await haveTools('lintian');

/** Tag name → its tag file's fields, from the installed lintian. */
function lintianTagFiles(): Map<string, { severity: string; check: string; experimental: boolean }> {
  const out = new Map<string, { severity: string; check: string; experimental: boolean }>();
  const dir = '/usr/share/lintian/tags';
  for (const d of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!d.isFile() || !d.name.endsWith('.tag')) continue;
    const text = readFileSync(join(d.parentPath ?? (d as unknown as { path: string }).path, d.name), 'utf8');
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
    out.set(field('Tag'), { severity: field('Severity'), check: field('Check'), experimental: field('Experimental') === 'yes' });
  }
  return out;
}

describe('tag registry', () => {
  it('declares each tag once, explained', () => {
    const tags = CHECKS.flatMap((c) => c.tags);
    expect(new Set(tags.map((t) => t.name)).size).toBe(tags.length);
    for (const t of tags) {
      expect(t.explanation.length, t.name).toBeGreaterThan(20);
    }
    expect(tagIndex().size).toBeGreaterThanOrEqual(tags.length);
  });

  it('uses lintian\'s names and older names', () => {
    for (const t of CHECKS.flatMap((c) => c.tags)) {
      expect(lintianTags().has(t.name), t.name).toBe(true);
      expect([...(t.renamedFrom ?? [])].sort(), t.name).toEqual(formerNames(t.name).sort());
    }
    expect(canonicalTag('no-version-field')).toBe('required-field');
  });

  it.runIf(lintian)('matches the installed lintian\'s severities, checks and experimental tags', () => {
    const files = lintianTagFiles();
    const describe = (t: { severity?: string; check?: string; experimental?: boolean } | undefined) => `${t?.severity} ${t?.check}${t?.experimental ? ' experimental' : ''}`;
    const wrong = CHECKS.flatMap((c) => c.tags)
      .filter((t) => describe(files.get(t.name)) !== describe(t))
      .map((t) => `${t.name}: ours ${describe(t)}, lintian ${describe(files.get(t.name))}`);
    expect(wrong).toEqual([]);
  });
});
