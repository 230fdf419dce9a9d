/**
 * The audit gate's exit status: 1 when something is actionable (or an ignore expired), 2 when the
 * only reason it did not pass is a scan that failed — the gate could not decide, which CI should
 * tell apart from "vulnerabilities found" — and 0 when it passed.
 */
import { ExitCode } from '../../core/errors.js';
import type { AuditResult } from './evaluate.js';

export function auditExitCode(result: AuditResult): ExitCode {
  if (result.passed) return ExitCode.ok;
  if (result.actionable.length || result.expiredIgnores.length) return ExitCode.findings;
  return ExitCode.usage;
}
