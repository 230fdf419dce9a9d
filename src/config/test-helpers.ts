/** Helpers for the config stage's tests: load YAML text without touching the file system. */
import { DebshipError, DebshipErrors } from '../core/errors.js';
import { loadConfigText, type LoadResult } from './load.js';

export const FILE = '/project/debship.yaml';

/** Indentation-stripped YAML, so tests can write it inline. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values);
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function load(text: string, env: Record<string, string> = {}): LoadResult {
  return loadConfigText(text, FILE, { env });
}

/** The problems a config has, as `line:column message`; fails the test if it loads. */
export function problems(text: string, env: Record<string, string> = {}): string[] {
  return errorsOf(text, env).map((e) => `${e.line}:${e.column} ${e.message}`);
}

export function errorsOf(text: string, env: Record<string, string> = {}): DebshipError[] {
  try {
    load(text, env);
  } catch (e) {
    if (e instanceof DebshipErrors) return e.errors;
    throw e;
  }
  throw new Error('expected the config to be rejected, but it loaded');
}

/** The warnings as `line:column message`. */
export function warningsOf(text: string, env: Record<string, string> = {}): string[] {
  return load(text, env).warnings.map((w) => `${w.line}:${w.column} ${w.message}`);
}
