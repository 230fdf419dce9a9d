/**
 * `debship lint`: flags → lintPackages() → a reporter on stdout; exit statuses as lintian's
 * (0 clean, 1 runtime error, 2 a --fail-on level hit). Loads neither the config nor its
 * validator: linting one small package must start fast.
 */
import { readFileSync } from 'node:fs';
import { DebshipError, isDebshipError } from '../../core/errors.js';
import type { EarlyDecode } from '../../lint/early-decode.js';
import { lintPackages, type LintRun } from '../../lint/engine.js';
import { LintExit } from '../../lint/exit.js';
import { explainTag, unknownTag } from '../../lint/explain.js';
import { parseOverrides, type Override } from '../../lint/overrides.js';
import { parseFailOn } from '../../lint/severity.js';
import { tagNameKind } from '../../lint/tag-names.js';
import { writeLintGithub } from '../../report/lint-github.js';
import { writeLintJson } from '../../report/lint-json.js';
import { writeLintSarif } from '../../report/lint-sarif.js';
import { writeLintText } from '../../report/lint-text.js';
import { handleFailure } from '../failure.js';

export interface LintFlags {
  failOn: string;
  format: string;
  suppressTags?: string;
  overrides?: string;
  explain?: string;
  displayInfo?: boolean;
  pedantic?: boolean;
  displayExperimental?: boolean;
  showOverrides?: boolean;
  jobs?: string;
  /** Global flags. */
  color?: boolean;
  debug?: boolean;
  version?: string;
  /** Not a flag: the first file's members, decoded while the command loaded (src/cli/bin.ts). */
  early?: EarlyDecode;
}

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export async function runLint(files: string[], flags: LintFlags, io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    if (flags.explain !== undefined) {
      io.stdout.write(explainTag(flags.explain));
      return LintExit.clean;
    }
    const opts = parseFlags(files, flags, io.stderr);
    const run = await lintPackages(files, opts);
    for (const p of run.packages) {
      for (const e of p.errors) {
        io.stderr.write(`debship: error: ${e.message}\n`);
        if (e.hint) io.stderr.write(`  hint: ${e.hint}\n`);
      }
    }
    report(run, flags, io.stdout);
    // As lintian: a --fail-on hit wins over a package that could not be read.
    return run.failed ? LintExit.failed : run.errored ? LintExit.runtimeError : LintExit.clean;
  } catch (e) {
    if (!isDebshipError(e)) throw e;
    handleFailure(e, { debug: Boolean(flags.debug), stderr: io.stderr });
    return LintExit.runtimeError;
  } finally {
    // A usage error ends the run before any package is read: stop the early decode too.
    flags.early?.dispose();
  }
}

function parseFlags(files: string[], flags: LintFlags, stderr: NodeJS.WritableStream) {
  if (files.length === 0) throw usage('no package given', 'give one or more .deb files, or --explain TAG');
  if (!(FORMATS as readonly string[]).includes(flags.format)) throw usage(`unknown --format "${flags.format}"`, `use one of ${FORMATS.join(', ')}`);
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw usage(`--jobs must be a positive integer, not "${flags.jobs}"`, 'for example --jobs 4');
  const suppressTags = (flags.suppressTags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  for (const t of suppressTags) known(t, '--suppress-tags', stderr);
  return {
    failOn: parseFailOn(flags.failOn),
    suppressTags,
    overrides: flags.overrides ? readOverrides(flags.overrides, stderr) : [],
    ...(jobs ? { concurrency: jobs } : {}),
    ...(flags.displayExperimental ? { experimental: true } : {}),
    ...(flags.early ? { early: flags.early } : {}),
  };
}

/** A tag named on the command line must exist; one lintian has but debship does not check is accepted with a note. */
function known(tag: string, where: string, stderr: NodeJS.WritableStream): void {
  const kind = tagNameKind(tag);
  if (kind === 'checked') return;
  if (kind === 'unknown') throw unknownTag(tag, where);
  stderr.write(`debship: note: ${where}: ${tag} is a lintian tag debship does not check; it has no effect\n`);
}

function readOverrides(file: string, stderr: NodeJS.WritableStream): Override[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DebshipError('file-unreadable', `cannot read ${file}: ${(e as Error).message}`, { file, exitCode: LintExit.runtimeError });
  }
  const { overrides, errors } = parseOverrides(text, undefined, file);
  const first = errors[0];
  if (first) {
    throw new DebshipError('lint-override-syntax', first.message, {
      file, line: first.line, exitCode: LintExit.runtimeError,
      hint: 'write `[package[ [arch…]]: ]tag[ context]`, one override per line',
    });
  }
  for (const o of overrides) known(o.tag, `${file}:${o.line}`, stderr);
  return overrides;
}

function report(run: LintRun, flags: LintFlags, out: NodeJS.WritableStream): void {
  const display = { info: flags.displayInfo, pedantic: flags.pedantic, showOverrides: flags.showOverrides };
  switch (flags.format) {
    case 'json':
      return writeLintJson(run, out, display);
    case 'sarif':
      return writeLintSarif(run, out, { ...display, toolVersion: flags.version });
    case 'github':
      return writeLintGithub(run, out, display);
    default: {
      const color = flags.color !== false && !process.env.NO_COLOR && Boolean((out as NodeJS.WriteStream).isTTY);
      return writeLintText(run, out, { ...display, color });
    }
  }
}

function usage(message: string, hint: string): DebshipError {
  return new DebshipError('lint-usage', message, { hint, exitCode: LintExit.runtimeError });
}
