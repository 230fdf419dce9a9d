/**
 * `debship lint`'s options, declared once: commander registers them for help and errors, and the
 * fast path (src/cli/bin.ts) reads them with node:util's parseArgs, so linting one package does
 * not pay for loading commander.
 */
import { parseArgs } from 'node:util';
import type { LintFlags } from './commands/lint.js';

interface LintOption {
  /** Long name without dashes. */
  name: string;
  short?: string;
  /** Placeholder of the value, for options that take one. */
  value?: string;
  default?: string;
  help: string;
}

export const LINT_OPTIONS: readonly LintOption[] = [
  { name: 'fail-on', value: 'levels', default: 'error', help: 'fail (exit 2) on these levels: error,warning,info,pedantic,experimental,override or none' },
  { name: 'format', value: 'format', default: 'text', help: 'text (lintian\'s lines), json, sarif or github' },
  { name: 'suppress-tags', value: 'tags', help: 'comma-separated tags to ignore (lintian\'s older names work too)' },
  { name: 'overrides', value: 'file', help: 'extra overrides in lintian\'s syntax (`[pkg: ]tag [context]`)' },
  { name: 'explain', value: 'tag', help: 'describe a tag and how to fix it in debship.yaml, then exit' },
  { name: 'display-info', short: 'I', help: 'show info (I:) findings too' },
  { name: 'pedantic', help: 'show pedantic (P:) findings too' },
  { name: 'display-experimental', short: 'E', help: 'report lintian\'s experimental tags too (X:)' },
  { name: 'show-overrides', help: 'show overridden findings (O:)' },
  { name: 'jobs', short: 'j', value: 'n', help: 'packages checked at once (default: twice the cores)' },
];

export const LINT_EXAMPLES = [
  'debship lint dist/*.deb',
  'debship lint --fail-on error,warning -I dist/hello-service_1.0.0_amd64.deb',
  'debship lint --format sarif dist/*.deb > lint.sarif',
  'debship lint --explain no-copyright-file',
];

/** commander's flag syntax for an option: `-I, --display-info`, `--format <format>`. */
export function commanderFlags(o: LintOption): string {
  return `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` <${o.value}>` : ''}`;
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `debship [--debug] [--no-color] lint …` read without commander, or undefined when the arguments
 * ask for anything else (help, another command, a mistake): the full CLI then handles them.
 */
export function parseLintArgs(argv: readonly string[]): { files: string[]; flags: LintFlags } | undefined {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    debug: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  };
  for (const o of LINT_OPTIONS) options[o.name] = { type: o.value ? 'string' : 'boolean', ...(o.short ? { short: o.short } : {}) };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch {
    return undefined;
  }
  const [command, ...files] = parsed.positionals;
  if (command !== 'lint') return undefined;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const flags: Record<string, unknown> = {};
  for (const o of LINT_OPTIONS) {
    const v = values[o.name] ?? o.default;
    if (v !== undefined) flags[camel(o.name)] = v;
  }
  if (values.debug) flags.debug = true;
  if (values['no-color']) flags.color = false;
  return { files, flags: flags as unknown as LintFlags };
}
