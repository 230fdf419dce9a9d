/**
 * Running a gate from its settings, as `debship gate` and the pipeline do: report patterns resolved
 * to files, the project root found, the audit policy loaded from a file, written inline, or the
 * default. The decision itself lives in coverage/gate.ts and audit/gate.ts.
 */
import type { AuditGateConfig, CoverageGateConfig } from '../config/types.js';
import { runAuditGate, readAuditGateReports, type AuditResult } from './audit/gate.js';
import { defaultAuditPolicy, loadAuditPolicy, parseAuditPolicy, type AuditPolicy } from './audit/policy.js';
import { runCoverageGate, type CoverageResult } from './coverage/gate.js';
import { projectRoot } from './project-root.js';
import { reportFiles } from './report-files.js';

export interface CoverageGateRun extends CoverageGateConfig {
  /** Project root; default: the git top level of the current directory. */
  root?: string;
  /** What the history entry is recorded under; default: GitHub Actions' variables, else git. */
  branch?: string;
  commit?: string;
}

export async function coverageGate(settings: CoverageGateRun, env: NodeJS.ProcessEnv = process.env): Promise<CoverageResult> {
  const reports = await reportFiles(settings.reports, 'coverage');
  const root = settings.root ?? (await projectRoot(process.cwd()));
  return runCoverageGate({ ...settings, reports, root, env });
}

export interface AuditGateRun extends AuditGateConfig {
  today?: Date;
}

export async function auditGate(settings: AuditGateRun): Promise<AuditResult> {
  const policy = await auditPolicy(settings.policy);
  const { reports, scannerErrors } = await readAuditGateReports(await reportFiles(settings.reports, 'audit'));
  return runAuditGate({ reports, policy, scannerErrors, ...(settings.today ? { today: settings.today } : {}) });
}

async function auditPolicy(policy: AuditGateRun['policy']): Promise<AuditPolicy> {
  if (policy === undefined) return defaultAuditPolicy();
  if (typeof policy === 'string') return loadAuditPolicy(policy);
  return parseAuditPolicy(policy.inline, { file: policy.file, path: ['gates', 'audit', 'policy'] });
}
