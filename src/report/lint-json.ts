/**
 * `debship lint --format json`: one array of `{package, severity, tag, context}` in lintian's
 * order, the shown severities only; overridden findings (with --show-overrides) carry
 * `overridden: true`.
 */
import type { LintRun } from '../lint/engine.js';
import type { Severity } from '../lint/types.js';
import { selectRows, type DisplayOptions } from './lint-select.js';
import { pieceWriter } from './write-pieces.js';

export interface JsonFinding {
  package: string;
  severity: Severity;
  tag: string;
  context: string;
  overridden?: true;
}

export function lintJson(run: LintRun, opts: DisplayOptions = {}): JsonFinding[] {
  return selectRows(run, opts).map(({ finding: f, overridden }) => ({
    package: f.package,
    severity: f.severity,
    tag: f.tag,
    context: f.context,
    ...(overridden ? { overridden: true as const } : {}),
  }));
}

/**
 * Writes what `JSON.stringify(lintJson(run, opts), null, 2)` gives, and a newline, one element at a
 * time (see write-pieces.ts).
 */
export function writeLintJson(run: LintRun, out: NodeJS.WritableStream, opts: DisplayOptions = {}): void {
  const findings = lintJson(run, opts);
  if (!findings.length) {
    out.write('[]\n');
    return;
  }
  const w = pieceWriter(out);
  w.add('[\n');
  findings.forEach((f, i) => {
    // Newlines inside strings are escaped, so these are the object's own line breaks.
    w.add(`  ${JSON.stringify(f, null, 2).replaceAll('\n', '\n  ')}${i + 1 < findings.length ? ',' : ''}\n`);
  });
  w.add(']\n');
  w.end();
}
