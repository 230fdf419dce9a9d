/** `debship gate audit`: flags and config → auditGate() → a report; exit 0 holds, 1 fails, 2 unusable input. */
import { auditExitCode } from '../../gates/audit/exit.js';
import { auditGate } from '../../gates/run.js';
import { appendToStepSummary } from '../../gates/step-summary.js';
import { AUDIT_FORMATS, renderAudit } from '../../report/audit.js';
import { handleFailure } from '../failure.js';
import { configuredGates, formatFlag, reportsFrom, stepSummary, useColor, withNewline, processIO, type GateFlags, type GateIO } from './gate-settings.js';

export interface AuditFlags extends GateFlags {
  policy?: string;
  version?: string;
}

export async function runGateAudit(args: string[], flags: AuditFlags, io: GateIO = processIO()): Promise<number> {
  try {
    const format = formatFlag(flags.format, AUDIT_FORMATS);
    const configured = (await configuredGates(flags)).audit;
    const reports = reportsFrom(args, configured?.reports);
    // As typed, like the reports, so messages name it the way the user did.
    const policy = flags.policy ?? configured?.policy;
    const result = await auditGate({ reports, ...(policy === undefined ? {} : { policy }) });
    io.stdout.write(withNewline(renderAudit(result, format, { color: useColor(flags, io.stdout, io.env), version: flags.version })));
    await stepSummary(() => appendToStepSummary(renderAudit(result, 'markdown'), io.env), io.stderr);
    return auditExitCode(result);
  } catch (e) {
    return handleFailure(e, { debug: Boolean(flags.debug), stderr: io.stderr });
  }
}
