/**
 * `debship lint` against lintian on any packages, such as Debian's own in /var/cache/apt/archives:
 * the agreement suite's comparison (test/lint-agreement) outside its corpus. Prints, grouped by
 * tag, what only one of the two reports for the tags debship implements.
 *
 *   tsx scripts/lint-vs-lintian.ts [--lintian-output FILE] DEB...
 *
 * lintian takes seconds a package; --lintian-output reads its output from an earlier run made
 * with the suite's arguments (LINTIAN_ARGS) instead of running it. Overrides for tags debship does
 * not implement are never judged by debship, so lintian's unused-override and mismatched-override
 * on them are listed apart, as expected. Exit status 1 when anything else differs.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { canonicalTag } from '../src/lint/registry.js';
import { packageDisagreements } from '../test/lint-agreement/coverage.js';
import { runDebship } from '../test/lint-agreement/debship.js';
import { parseLintian, runLintian } from '../test/lint-agreement/lintian.js';

const { values, positionals: debs } = parseArgs({ options: { 'lintian-output': { type: 'string' } }, allowPositionals: true });
if (!debs.length) {
  console.error('usage: tsx scripts/lint-vs-lintian.ts [--lintian-output FILE] DEB...');
  process.exit(1);
}

const lintianOutput = values['lintian-output'] ? readFileSync(values['lintian-output'], 'utf8') : await runLintian('lintian', debs);
const lintian = parseLintian(lintianOutput);
const debship = await runDebship(debs);

const { missed, extra, unjudged } = packageDisagreements(lintian, debship.hints, canonicalTag);

function byTag(lines: string[]): string {
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    const tag = line.split(': ')[1]!.split(' ')[0]!;
    groups.set(tag, [...(groups.get(tag) ?? []), line]);
  }
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([tag, xs]) => `  ${tag} (${xs.length})\n${xs.map((x) => `    ${x}`).join('\n')}`)
    .join('\n');
}

// The unjudged are unused-override and mismatched-override lines, tags debship implements.
const judged = lintian.filter((h) => canonicalTag(h.tag) !== undefined).length - unjudged.length;
console.log(`${debs.length} packages; lintian: ${lintian.length} findings, ${judged} of tags debship implements; debship: ${debship.hints.length} findings in ${debship.seconds.toFixed(2)} s`);
for (const e of debship.errors) console.log(`debship could not read ${e}`);
console.log(`only lintian (${missed.length})${missed.length ? `\n${byTag(missed)}` : ''}`);
console.log(`only debship (${extra.length})${extra.length ? `\n${byTag(extra)}` : ''}`);
console.log(`overrides of tags debship does not implement, reported by lintian only (${unjudged.length})`);
process.exitCode = missed.length || extra.length || debship.errors.length ? 1 : 0;
