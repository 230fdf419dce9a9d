/** Running lintian over the corpus in one call, and reading its tag lines. */
import { exec } from '../../src/core/exec.js';

/** One reported tag, as both tools are compared: the severity letter is kept for the report. */
export interface Hint {
  package: string;
  tag: string;
  context: string;
  /** lintian's letter (E W I P C X) or debship's severity word. */
  severity: string;
}

/**
 * Every severity shown (info, pedantic, experimental, classification), no display limit, no
 * user or site configuration, no colour. Overrides shipped in a package are honoured, as
 * debship honours them.
 */
export const LINTIAN_ARGS = [
  '--no-cfg', '--ignore-lintian-env', '--no-user-dirs', '--color', 'never', '--hyperlinks', 'off',
  '-I', '-E', '--pedantic', '-L', '>=classification', '--tag-display-limit', '0', '--fail-on', 'none',
];

export async function runLintian(lintian: string, debs: string[]): Promise<string> {
  const r = await exec(lintian, [...LINTIAN_ARGS, ...debs], { allowFailure: true, timeoutMs: 30 * 60_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  // lintian exits 1 on a runtime error (a package it could not process): the corpus is then broken.
  if (r.code !== 0) throw new Error(`lintian exited with ${r.code}: ${r.stderr.trim().split('\n').slice(-10).join('\n')}`);
  return r.stdout;
}

/**
 * Tag lines look like `E: pkg: tag context` or `E: pkg (binary): tag context`, and with several
 * packages of one name `pkg arch` or `pkg (binary) arch`; N: lines are notes, O: overridden tags
 * (not shown without --show-overrides) and M: masked ones.
 */
const LINE = /^([EWIPCX]): ([a-zA-Z0-9+._-]+)(?: \([a-z]+\))?(?: [a-z0-9-]+)?: (\S+)(?: (.*))?$/;

export function parseLintian(stdout: string): Hint[] {
  const hints: Hint[] = [];
  for (const line of stdout.split('\n')) {
    if (!line || /^[NOM]:( |$)/.test(line)) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`unexpected lintian output line: ${JSON.stringify(line)}`);
    hints.push({ severity: m[1]!, package: m[2]!, tag: m[3]!, context: m[4] ?? '' });
  }
  return hints;
}
