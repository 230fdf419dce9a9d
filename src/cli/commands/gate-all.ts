/**
 * `debship gate all`: every gate configured under `gates:`, in order (coverage, then audit), each
 * reported in full; the exit status is the worst of theirs (0 all hold, 1 one fails, 2 one could
 * not decide).
 */
import { resolve } from 'node:path';
import { DebshipError, ExitCode } from '../../core/errors.js';
import { auditExitCode } from '../../gates/audit/exit.js';
import { appendStepSummary } from '../../gates/coverage/step-summary.js';
import { auditGate, coverageGate } from '../../gates/run.js';
import { appendToStepSummary } from '../../gates/step-summary.js';
import { renderAudit } from '../../report/audit.js';
import { auditJson } from '../../report/audit-json.js';
import { renderCoverage } from '../../report/coverage.js';
import { coverageJson } from '../../report/coverage-json.js';
import { handleFailure } from '../failure.js';
import { configuredGates, formatFlag, stepSummary, useColor, withNewline, processIO, type GateFlags, type GateIO } from './gate-settings.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

export async function runGateAll(flags: GateFlags, io: GateIO = processIO()): Promise<number> {
  try {
    const format = formatFlag(flags.format, FORMATS);
    const gates = await configuredGates(flags);
    if (!gates.coverage && !gates.audit) {
      throw new DebshipError('gate/none-configured', `no gate is configured in ${flags.config ? resolve(flags.config) : 'debship.yaml'}`, {
        hint: 'Add `gates:` with `coverage:` and/or `audit:` (see docs/gate-coverage.md and docs/gate-audit.md), or run `debship gate coverage|audit` with reports.',
      });
    }
    const color = useColor(flags, io.stdout, io.env);
    const json: Record<string, unknown> = {};
    let passed = true;
    let code: number = ExitCode.ok;
    if (gates.coverage) {
      const result = await coverageGate(gates.coverage, io.env);
      passed &&= result.passed;
      code = Math.max(code, result.passed ? ExitCode.ok : ExitCode.findings);
      if (format === 'json') json.coverage = coverageJson(result);
      else io.stdout.write(withNewline(renderCoverage(result, format, { color })));
      await stepSummary(() => appendStepSummary(result, io.env), io.stderr);
    }
    if (gates.audit) {
      const result = await auditGate(gates.audit);
      passed &&= result.passed;
      code = Math.max(code, auditExitCode(result));
      if (format === 'json') json.audit = auditJson(result);
      else io.stdout.write(withNewline(`${gates.coverage ? '\n' : ''}${renderAudit(result, format, { color })}`));
      await stepSummary(() => appendToStepSummary(renderAudit(result, 'markdown'), io.env), io.stderr);
    }
    if (format === 'json') io.stdout.write(`${JSON.stringify({ passed, ...json }, null, 2)}\n`);
    return code;
  } catch (e) {
    return handleFailure(e, { debug: Boolean(flags.debug), stderr: io.stderr });
  }
}
