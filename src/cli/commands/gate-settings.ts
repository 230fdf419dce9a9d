/**
 * What `debship gate` commands share: the `gates:` section of the config (from --config, or
 * debship.yaml in the current directory when there is one), flags parsed with clear errors, colour,
 * and writing the result. Flags override the config; reports named on the command line replace it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadGatesConfig } from '../../config/gates.js';
import type { GatesConfig } from '../../config/types.js';
import { DebshipError, isDebshipError } from '../../core/errors.js';

/** Where a gate command writes, and the environment it reads (GITHUB_STEP_SUMMARY, NO_COLOR). */
export interface GateIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export const processIO = (): GateIO => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

export interface GateFlags {
  config?: string;
  format: string;
  color?: boolean;
  debug?: boolean;
}

/** The config's gates; an explicit --config must exist, an implicit debship.yaml is optional. */
export async function configuredGates(flags: GateFlags, cwd = process.cwd()): Promise<GatesConfig> {
  if (flags.config) return loadGatesConfig(resolve(cwd, flags.config));
  for (const name of ['debship.yaml', 'debship.yml']) {
    const path = resolve(cwd, name);
    if (existsSync(path)) return loadGatesConfig(path);
  }
  return {};
}

function usage(message: string, hint: string): DebshipError {
  return new DebshipError('gate/usage', message, { hint });
}

/** A percentage flag (`--min 85`, `--min 85%`), undefined when not given. */
export function percentFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim().replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw usage(`${flag} must be a percentage from 0 to 100, not "${value}"`, `for example ${flag} 85`);
  return n;
}

export function formatFlag<T extends string>(value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usage(`unknown --format "${value}"`, `use one of ${allowed.join(', ')}`);
}

export function useColor(flags: GateFlags, out: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return flags.color !== false && !env.NO_COLOR && Boolean((out as NodeJS.WriteStream).isTTY);
}

/** Reports named on the command line (kept as typed, so output names them the same way); none means the config's. */
export function reportsFrom(args: string[], configured: string[] | undefined): string[] {
  return args.length ? args : (configured ?? []);
}

export function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Appends to GitHub's step summary. The verdict is already printed and decides the exit status: a
 * summary that cannot be written is a warning, never a different result.
 */
export async function stepSummary(append: () => Promise<unknown>, stderr: NodeJS.WritableStream): Promise<void> {
  try {
    await append();
  } catch (e) {
    if (!isDebshipError(e)) throw e;
    stderr.write(`debship: warning: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
  }
}
