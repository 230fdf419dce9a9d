/**
 * `debship lint --format github`: one workflow command per shown finding, so each appears as an
 * annotation on the run (`::error file=dist/foo.deb,title=tag::foo: tag context`).
 */
import type { LintRun } from '../lint/engine.js';
import type { Severity } from '../lint/types.js';
import { selectRows, type DisplayOptions } from './lint-select.js';
import { pieceWriter } from './write-pieces.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', pedantic: 'notice', classification: 'notice' };

export function writeLintGithub(run: LintRun, out: NodeJS.WritableStream, opts: DisplayOptions = {}): void {
  const w = pieceWriter(out);
  for (const { file, finding: f, overridden } of selectRows(run, opts)) {
    if (overridden) continue; // silenced on purpose: not worth an annotation
    const message = `${f.package}: ${f.tag}${f.context ? ` ${f.context}` : ''}`;
    w.add(`::${COMMAND[f.severity]} file=${property(file)},title=${property(f.tag)}::${data(message)}\n`);
  }
  w.end();
}

/** Workflow-command escaping of the message part. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties additionally escape the separators `:` and `,`. */
function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
