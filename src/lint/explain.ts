/**
 * `debship lint --explain TAG`: what a tag means and how to fix it, found by its current or an
 * older name. Tags lintian has but debship does not check are named as such.
 */
import { DebshipError } from '../core/errors.js';
import { lintianCurrentName } from './data/index.js';
import { LintExit } from './exit.js';
import { tagIndex } from './registry.js';
import { findingCode } from './severity.js';

export function explainTag(name: string): string {
  const tag = tagIndex().get(name);
  if (!tag) {
    const lintian = lintianCurrentName(name);
    if (lintian) {
      throw new DebshipError('lint-tag-unimplemented', `${name} is a lintian tag debship does not check${lintian !== name ? ` (now called ${lintian})` : ''}`, {
        hint: 'run lintian-explain-tags for its description; `debship lint --explain` covers the tags debship implements (docs/lint.md lists them)',
        exitCode: LintExit.runtimeError,
      });
    }
    throw unknownTag(name, '--explain');
  }
  const lines = [`${findingCode(tag)}: ${tag.name}`, `  severity: ${tag.severity}`, `  check: ${tag.check}`];
  if (tag.experimental) lines.push('  experimental: reported only with -E (--display-experimental)');
  if (tag.name !== name) lines.push(`  (${name} is its former name)`);
  if (tag.renamedFrom?.length) lines.push(`  formerly: ${tag.renamedFrom.join(', ')}`);
  lines.push('', ...wrap(tag.explanation, 78));
  if (tag.fix) lines.push('', ...wrap(`How to fix: ${tag.fix}`, 78));
  return lines.join('\n') + '\n';
}

/** The error for a tag name neither debship nor lintian knows, with the nearest known names. */
export function unknownTag(name: string, where: string): DebshipError {
  const near = [...tagIndex().keys()].filter((t) => close(t, name)).slice(0, 3);
  return new DebshipError('lint-unknown-tag', `${where}: unknown tag "${name}"${near.length ? `; did you mean ${near.join(', ')}?` : ''}`, {
    hint: 'tags use lintian\'s names; docs/lint.md lists the ones debship checks',
    exitCode: LintExit.runtimeError,
  });
}

function close(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return Math.abs(a.length - b.length) <= 6;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]! <= 2;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
