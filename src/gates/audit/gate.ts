/**
 * `debship gate audit`: reports already read (read.ts) and a policy already loaded (policy.ts) in,
 * the decision out. The CLI renders it with report/audit.ts and exits 1 when it did not pass.
 */
import type { DebshipError } from '../../core/errors.js';
import { evaluateAudit, type AuditResult, type ScannerError } from './evaluate.js';
import type { AuditReport } from './model.js';
import type { AuditPolicy } from './policy.js';
import { isScannerFailure, readAuditReport } from './read.js';

export type { AuditFinding, AuditResult, ScannerError, SkippedFinding } from './evaluate.js';

export interface AuditGateOptions {
  reports: AuditReport[];
  policy: AuditPolicy;
  /** The day ignores are checked against; now by default. */
  today?: Date;
  /** Reports that say the scan itself failed; the policy's `scanner_errors` decides what they do. */
  scannerErrors?: ScannerError[];
}

export function runAuditGate(o: AuditGateOptions): AuditResult {
  return evaluateAudit(o.reports, o.policy, o.today ?? new Date(), o.scannerErrors ?? []);
}

/**
 * Reads every report; one that says the scan itself failed (read.ts's `audit-scanner-failed`)
 * becomes a ScannerError for the policy to judge instead of stopping the gate. Any other problem
 * with a report (unreadable, not JSON, unknown format) still throws: that is a usage error.
 */
export async function readAuditGateReports(paths: string[]): Promise<{ reports: AuditReport[]; scannerErrors: ScannerError[] }> {
  const reports: AuditReport[] = [];
  const scannerErrors: ScannerError[] = [];
  for (const path of paths) {
    try {
      reports.push(await readAuditReport(path));
    } catch (e) {
      if (!isScannerFailure(e)) throw e;
      scannerErrors.push(scannerError(e, path));
    }
  }
  return { reports, scannerErrors };
}

function scannerError(e: DebshipError, path: string): ScannerError {
  return { source: e.file ?? path, message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
}
