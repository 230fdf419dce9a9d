/**
 * `debship lint --format json`: one array of `{package, severity, tag, context}` in lintian's
 * order, the shown severities only; overridden findings (with --show-overrides) carry
 * `overridden: true`, findings of lintian's experimental tags (with -E) `experimental: true`.
 */
import type { LintRun } from '../lint/engine.js';
import type { Severity } from '../lint/types.js';
import { selectRows, type DisplayOptions } from './lint-select.js';
import { writePrettyJson } from './write-pieces.js';

export interface JsonFinding {
  package: string;
  severity: Severity;
  tag: string;
  context: string;
  experimental?: true;
  overridden?: true;
}

export function lintJson(run: LintRun, opts: DisplayOptions = {}): JsonFinding[] {
  return selectRows(run, opts).map(({ finding: f, overridden }) => ({
    package: f.package,
    severity: f.severity,
    tag: f.tag,
    context: f.context,
    ...(f.experimental ? { experimental: true as const } : {}),
    ...(overridden ? { overridden: true as const } : {}),
  }));
}

/** Writes what `JSON.stringify(lintJson(run, opts), null, 2)` gives, and a newline, in pieces. */
export function writeLintJson(run: LintRun, out: NodeJS.WritableStream, opts: DisplayOptions = {}): void {
  writePrettyJson(lintJson(run, opts), out);
}
