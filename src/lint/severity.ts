/** lintian's severities in display order, their one-letter codes, and `--fail-on` levels. */
import { DebshipError } from '../core/errors.js';
import { LintExit } from './exit.js';
import type { Severity } from './types.js';

/** lintian's output order (EWI.pm's code priorities). */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'pedantic', 'classification'];

export const SEVERITY_CODE: Record<Severity, string> = { error: 'E', warning: 'W', info: 'I', pedantic: 'P', classification: 'C' };

/** What tells a finding's rank and code: its severity, and whether its tag is experimental. */
interface Ranked {
  severity: Severity;
  experimental?: true;
}

/** A finding's one-letter code as lintian prints it: `X` for an experimental tag's, whatever its severity. */
export function findingCode(f: Ranked): string {
  return f.experimental ? 'X' : SEVERITY_CODE[f.severity];
}

/** Where a finding ranks in lintian's output: E, W, I, P, then experimental tags (X), then C. */
export function findingRank(f: Ranked): number {
  return f.experimental ? SEVERITIES.indexOf('pedantic') + 0.5 : SEVERITIES.indexOf(f.severity);
}

/** What `--fail-on` accepts besides severities: overridden findings, and lintian's experimental tags. */
export type FailOn = Severity | 'override' | 'experimental';

const FAIL_ON_LEVELS: readonly string[] = ['error', 'warning', 'info', 'pedantic', 'experimental', 'override'];

/** Parses lintian's `--fail-on` list: comma-separated levels, or `none` alone. */
export function parseFailOn(text: string): FailOn[] {
  const levels = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = levels.filter((l) => l !== 'none' && !FAIL_ON_LEVELS.includes(l));
  if (bad.length) {
    throw new DebshipError('lint-usage', `unknown --fail-on level ${bad.map((b) => `"${b}"`).join(', ')}`, {
      hint: `use a comma-separated list of ${FAIL_ON_LEVELS.join(', ')}, or none`,
      exitCode: LintExit.runtimeError,
    });
  }
  if (levels.includes('none')) {
    if (levels.length > 1) {
      throw new DebshipError('lint-usage', `--fail-on none cannot be combined with other levels`, { hint: 'give either none or a list of levels', exitCode: LintExit.runtimeError });
    }
    return [];
  }
  return levels as FailOn[];
}
