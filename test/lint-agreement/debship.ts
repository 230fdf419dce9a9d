/** `debship lint` over the corpus, in-process, as the Hint list the comparison works on. */
import { lintPackages } from '../../src/lint/engine.js';
import type { Hint } from './lintian.js';

export interface DebshipRun {
  hints: Hint[];
  /** Packages debship could not read or fully check: `file: message`. */
  errors: string[];
  seconds: number;
}

export async function runDebship(debs: string[]): Promise<DebshipRun> {
  const started = process.hrtime.bigint();
  const run = await lintPackages(debs, { failOn: 'none' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const hints = run.packages.flatMap((p) => p.findings.map((f) => ({ package: f.package, tag: f.tag, context: f.context, severity: f.severity })));
  const errors = run.packages.flatMap((p) => p.errors.map((e) => `${p.file}: ${e.message}`));
  return { hints, errors, seconds };
}
