/**
 * Report arguments → files. Shells expand globs on the command line; patterns in debship.yaml are
 * expanded here. A pattern that matches nothing is an error: a gate that read no report proves
 * nothing, and the usual cause is a test or scan step that did not run.
 */
import { existsSync } from 'node:fs';
import { glob, isDynamicPattern } from 'tinyglobby';
import { DebshipError } from '../core/errors.js';

export async function reportFiles(patterns: readonly string[], what: 'coverage' | 'audit'): Promise<string[]> {
  if (patterns.length === 0) {
    throw new DebshipError(`${what}-no-reports`, `no ${what} report given`, {
      hint: `Name the reports on the command line, or list them under gates.${what}.reports in debship.yaml.`,
    });
  }
  const files: string[] = [];
  for (const pattern of patterns) {
    const matches = isDynamicPattern(pattern) ? (await glob(pattern, { absolute: true, onlyFiles: true, expandDirectories: false })).sort() : existsSync(pattern) ? [pattern] : [];
    if (matches.length === 0) {
      throw new DebshipError(`${what}-report-missing`, `${pattern}: ${isDynamicPattern(pattern) ? 'matches no file' : 'no such file'}`, {
        file: pattern,
        hint: what === 'coverage' ? 'Run the tests with coverage first (e.g. `coverage xml`, `vitest run --coverage`), or fix the path.' : 'Run the scanner first (e.g. `pip-audit -f json -o pip-audit.json`, `npm audit --json > npm-audit.json`), or fix the path.',
      });
    }
    for (const m of matches) if (!files.includes(m)) files.push(m);
  }
  return files;
}
