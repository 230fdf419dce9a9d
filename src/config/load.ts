/**
 * The configuration stage: read → YAML (with positions) → ${VAR} expansion → schema → overrides.deb
 * merge → normalise → rules. Every problem found is reported at once, each with file:line:column,
 * what is wrong and how to fix it. Loading writes nothing.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DebshipError, DebshipErrors } from '../core/errors.js';
import { expandEnv } from './expand-env.js';
import { mergeDebOverrides } from './merge.js';
import { normalise } from './normalise.js';
import { formatPath, type Problem } from './problems.js';
import { checkRules } from './rules.js';
import { configSchema } from './schema.js';
import type { ConfigWarning, ProjectConfig } from './types.js';
import { validate } from './validate.js';
import { readYaml } from './yaml-read.js';
import type { SourceMap } from './yaml-positions.js';

export interface LoadOptions {
  /** Environment for `${VAR}` expansion (usually process.env). */
  env: NodeJS.ProcessEnv;
}

export interface LoadResult {
  config: ProjectConfig;
  warnings: ConfigWarning[];
}

/** Names looked for, in order, by findConfigFile. */
export const CONFIG_FILE_NAMES = ['debship.yaml', 'debship.yml', 'nfpm.yaml', 'nfpm.yml'] as const;

/** The config file in `cwd`: debship.yaml, debship.yml, nfpm.yaml, then nfpm.yml. */
export function findConfigFile(cwd: string): string {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(cwd, name);
    if (existsSync(path)) return resolve(path);
  }
  throw new DebshipError('config/not-found', `no configuration file in ${cwd}`, {
    hint: `Looked for ${CONFIG_FILE_NAMES.join(', ')}. Create one, or pass its path with --config <file>.`,
  });
}

/**
 * Loads and checks a configuration file. Throws DebshipErrors listing every problem (each a
 * DebshipError with file, line and column); returns the normalised config and the warnings.
 */
export async function loadConfig(file: string, opts: LoadOptions): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const error = new DebshipError('config/unreadable', code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(e)})`, {
      hint: code === 'ENOENT' ? 'Check the path given with --config, or run in the directory that holds debship.yaml.' : 'Check the file\'s permissions.',
      file,
      cause: e,
    });
    throw new DebshipErrors('config/invalid', error.message, [error]);
  }
  return loadConfigText(text, file, opts);
}

/** loadConfig on text already read; `file` names it in messages and is the base of relative paths. */
export function loadConfigText(text: string, file: string, opts: LoadOptions): LoadResult {
  const yaml = readYaml(text.replace(/^\uFEFF/, ''), configSchema);
  const place = placer(yaml.positions);
  const warnings = yaml.warnings.map((p) => place(p));
  if (yaml.errors.length) fail(file, yaml.errors.map((p) => place(p)));

  const expansion = expandEnv(yaml.value, opts.env, yaml.positions);
  warnings.push(...expansion.warnings.map((p) => place(p)));

  const { data, problems } = validate(yaml.value, yaml.positions, expansion.unset);
  const found = [...yaml.problems, ...problems];
  if (!data || found.length) fail(file, found.map((p) => place(p)));

  const merged = mergeDebOverrides(data);
  const config = normalise(merged.config, resolve(file));
  const rules = checkRules(merged.config, config);
  const origin = (p: Problem): Problem => {
    if (!p.path) return p;
    const path = merged.origin(p.path);
    if (path === p.path) return p;
    // The message names the merged path (`contents[0]`); name where it is written instead.
    const message = p.message.replaceAll(`\`${formatPath(p.path)}`, `\`${formatPath(path)}`);
    return { ...p, path, message };
  };
  warnings.push(...rules.warnings.map((p) => place(origin(p))));
  if (rules.errors.length) fail(file, rules.errors.map((p) => place(origin(p))));

  return { config, warnings: sortByPosition(warnings).map(toWarning) };
}

export interface Placed {
  problem: Problem;
  line: number;
  column: number;
}

/** Places problems in the file: line and column from their path, or from their offset. */
export function placer(positions: SourceMap) {
  return (problem: Problem): Placed => {
    const at = problem.path ? positions.locate(problem.path, problem.at) : positions.lineColumn(problem.offset ?? 0);
    return { problem, ...at };
  };
}

function sortByPosition(list: Placed[]): Placed[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column);
}

function toWarning(p: Placed): ConfigWarning {
  return { path: p.problem.path?.length ? formatPath(p.problem.path) : '', message: p.problem.message, line: p.line, column: p.column };
}

/** Throws every placed problem at once, in file order. */
export function fail(file: string, problems: Placed[]): never {
  const errors = sortByPosition(problems).map(
    (p) => new DebshipError(p.problem.code, p.problem.message, { hint: p.problem.hint, file, line: p.line, column: p.column }),
  );
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  throw new DebshipErrors('config/invalid', `${file}: ${count} in the configuration`, errors);
}
