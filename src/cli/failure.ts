/** How errors reach the user: what, where and how to fix; a stack trace only with --debug. */
import { DebshipErrors, ExitCode, isDebshipError } from '../core/errors.js';

export function handleFailure(err: unknown, io: { debug: boolean; stderr: NodeJS.WritableStream }): number {
  if (isDebshipError(err)) {
    const list = err instanceof DebshipErrors ? err.errors : [err];
    // The summary line ("x.yaml: 3 problems…") unless it would only repeat the one error below it.
    if (err instanceof DebshipErrors && !(list.length === 1 && list[0]!.message === err.message)) io.stderr.write(`debship: ${err.message}\n`);
    for (const e of list) {
      // Messages that already start with their file (`x.yaml: no such file`) are not prefixed twice.
      const where = e.location && !(e.file && e.message.startsWith(`${e.file}:`)) ? `${e.location}: ` : '';
      io.stderr.write(`debship: error: ${where}${e.message}\n`);
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
