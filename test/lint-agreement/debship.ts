/** `debship lint` over the corpus, in-process, as the Hint list the comparison works on. */
import { lintPackages } from '../../src/lint/engine.js';
import type { Hint } from './lintian.js';

export interface DebshipRun {
  hints: Hint[];
  /** Packages debship could not read or fully check: `file: message`. */
  errors: string[];
  seconds: number;
}

/** Far beyond the second or two it takes: past this, debship is hanging. */
const LIMIT_MS = 120_000;

export async function runDebship(debs: string[]): Promise<DebshipRun> {
  const started = process.hrtime.bigint();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`debship lint did not finish ${debs.length} corpus packages in ${LIMIT_MS / 1000} s`)), LIMIT_MS);
  });
  const run = await Promise.race([lintPackages(debs, { failOn: 'none', experimental: true }), hang]).finally(() => clearTimeout(timer));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const hints = run.packages.flatMap((p) => p.findings.map((f) => ({ package: f.package, tag: f.tag, context: f.context, severity: f.severity })));
  const errors = run.packages.flatMap((p) => p.errors.map((e) => `${p.file}: ${e.message}`));
  return { hints, errors, seconds };
}
