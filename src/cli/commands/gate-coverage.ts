/** `debship gate coverage`: flags and config → coverageGate() → a report; exit 0 holds, 1 fails, 2 unusable input. */
import { resolve } from 'node:path';
import { defined } from '../../core/defined.js';
import { ExitCode } from '../../core/errors.js';
import { appendStepSummary } from '../../gates/coverage/step-summary.js';
import { coverageGate } from '../../gates/run.js';
import { renderCoverage } from '../../report/coverage.js';
import { handleFailure } from '../failure.js';
import { configuredGates, formatFlag, percentFlag, reportsFrom, stepSummary, useColor, withNewline, processIO, type GateFlags, type GateIO } from './gate-settings.js';

export interface CoverageFlags extends GateFlags {
  min?: string;
  minBranches?: string;
  minDiff?: string;
  diffBase?: string;
  history?: string;
  maxDrop?: string;
  branch?: string;
  commit?: string;
  badge?: string;
  root?: string;
  allFiles?: boolean;
}

const FORMATS = ['text', 'json', 'markdown'] as const;

export async function runGateCoverage(args: string[], flags: CoverageFlags, io: GateIO = processIO()): Promise<number> {
  try {
    const format = formatFlag(flags.format, FORMATS);
    const configured = (await configuredGates(flags)).coverage;
    const path = (p: string | undefined) => (p === undefined ? undefined : resolve(p));
    const settings = {
      ...configured,
      reports: reportsFrom(args, configured?.reports),
      ...defined({
        min: percentFlag(flags.min, '--min'),
        minBranches: percentFlag(flags.minBranches, '--min-branches'),
        minDiff: percentFlag(flags.minDiff, '--min-diff'),
        maxDrop: percentFlag(flags.maxDrop, '--max-drop'),
        diffBase: flags.diffBase,
        branch: flags.branch,
        commit: flags.commit,
        history: path(flags.history),
        badge: path(flags.badge),
        root: path(flags.root),
      }),
    };
    const result = await coverageGate(settings, io.env);
    io.stdout.write(withNewline(renderCoverage(result, format, { color: useColor(flags, io.stdout, io.env), allFiles: Boolean(flags.allFiles) })));
    await stepSummary(() => appendStepSummary(result, io.env), io.stderr);
    return result.passed ? ExitCode.ok : ExitCode.findings;
  } catch (e) {
    return handleFailure(e, { debug: Boolean(flags.debug), stderr: io.stderr });
  }
}
