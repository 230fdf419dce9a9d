/** How errors reach the user: what, where and how to fix; a stack trace only with --debug. */
import { DebshipErrors, ExitCode, isDebshipError } from '../core/errors.js';

export function handleFailure(err: unknown, io: { debug: boolean; stderr: NodeJS.WritableStream }): number {
  if (isDebshipError(err)) {
    const list = err instanceof DebshipErrors ? err.errors : [err];
    if (err instanceof DebshipErrors) io.stderr.write(`debship: ${err.message}\n`);
    for (const e of list) {
      io.stderr.write(`debship: error: ${e.location ? `${e.location}: ` : ''}${e.message}\n`);
      if (e.hint) io.stderr.write(`  hint: ${e.hint}\n`);
      if (io.debug && e.stack) io.stderr.write(`${e.stack}\n`);
    }
    return err.exitCode;
  }
  io.stderr.write(`debship: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (io.debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  else io.stderr.write('  this is a bug in debship; run again with --debug and report the output\n');
  return ExitCode.internal;
}
