/**
 * Every check debship runs, listed explicitly (no registration by import side effect), and the
 * tag table derived from them.
 */
import { binariesChecks } from './checks/binaries/index.js';
import { documentationChecks } from './checks/documentation/index.js';
import { fieldsChecks } from './checks/fields/index.js';
import { filesChecks } from './checks/files/index.js';
import { overridesChecks } from './checks/overrides/index.js';
import { scriptsChecks } from './checks/scripts/index.js';
import { syntaxCheck } from './checks/scripts/syntax.js';
import { bashCentricCheck } from './checks/shell/bash-centric.js';
import { systemdChecks } from './checks/systemd/index.js';
import type { Check, TagInfo } from './types.js';

export const CHECKS: readonly Check[] = [
  // First: it hands scripts to shells in another process, which judge them while the rest run.
  syntaxCheck,
  ...fieldsChecks,
  ...filesChecks,
  ...binariesChecks,
  ...documentationChecks,
  ...scriptsChecks,
  bashCentricCheck,
  ...systemdChecks,
  ...overridesChecks,
];

let tagTable: Map<string, TagInfo> | undefined;

/** Tag name (current or a lintian alias) → its description. */
export function tagIndex(): Map<string, TagInfo> {
  return (tagTable ??= tagTableOf(CHECKS));
}

/** The tag table of any list of checks (the engine runs subsets in tests). */
export function tagTableOf(checks: readonly Check[]): Map<string, TagInfo> {
  const table = new Map<string, TagInfo>();
  for (const check of checks) {
    for (const tag of check.tags) {
      if (table.has(tag.name)) throw new Error(`tag ${tag.name} is declared by two checks`);
      table.set(tag.name, tag);
    }
  }
  for (const tag of [...table.values()]) for (const old of tag.renamedFrom ?? []) if (!table.has(old)) table.set(old, tag);
  return table;
}

/** The current name of a tag given by its current or an older name, or undefined. */
export function canonicalTag(name: string): string | undefined {
  return tagIndex().get(name)?.name;
}
