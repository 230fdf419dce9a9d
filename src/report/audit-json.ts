/**
 * `debship gate audit --format json`: the whole decision, for scripts. Keys and their order are
 * stable; optional values are null rather than missing, lists are empty rather than missing.
 */
import type { AuditFinding, AuditResult } from '../gates/audit/evaluate.js';
import type { Severity } from '../gates/audit/model.js';
import type { IgnoreRule } from '../gates/audit/policy.js';
import { severityCounts, totalFindings, upgradeVersion } from './audit-words.js';

/** Bumped when a key changes meaning or goes away (new keys do not bump it). */
export const AUDIT_JSON_VERSION = 1;

export interface AuditJsonFinding {
  package: string;
  version: string | null;
  affectedRange: string | null;
  ecosystem: string;
  id: string;
  aliases: string[];
  severity: Severity;
  score: number | null;
  vector: string | null;
  ratedBy: string;
  category: string;
  cwes: string[];
  fixedVersions: string[];
  /** The version to upgrade to: the lowest fix above the installed version; null when none is known. */
  upgradeTo: string | null;
  title: string | null;
  description: string | null;
  url: string | null;
  local: boolean;
  sources: Array<{ source: string; scanner: string }>;
}

export interface AuditJsonIgnore {
  id: string;
  package: string | null;
  reason: string;
  expires: string;
  where: string | null;
}

export interface AuditJson {
  version: typeof AUDIT_JSON_VERSION;
  passed: boolean;
  summary: {
    reports: number;
    findings: number;
    actionable: number;
    informational: number;
    ignored: number;
    skipped: number;
    expiredIgnores: number;
    unusedIgnores: number;
    /** Actionable and informational findings by severity (ignored and skipped ones are not counted). */
    bySeverity: Record<Severity, number>;
  };
  policy: AuditResult['policy'];
  reports: AuditResult['reports'];
  actionable: AuditJsonFinding[];
  informational: AuditJsonFinding[];
  ignored: Array<{ finding: AuditJsonFinding; ignore: AuditJsonIgnore }>;
  expiredIgnores: Array<{ ignore: AuditJsonIgnore; findings: AuditJsonFinding[] }>;
  unusedIgnores: AuditJsonIgnore[];
  skipped: Array<{ package: string; version: string | null; reason: string; source: string; finding: AuditJsonFinding | null }>;
  scannerErrors: AuditResult['scannerErrors'];
  failures: string[];
  notes: string[];
}

export function auditJson(result: AuditResult): AuditJson {
  return {
    version: AUDIT_JSON_VERSION,
    passed: result.passed,
    summary: {
      reports: result.reports.length,
      findings: totalFindings(result),
      actionable: result.actionable.length,
      informational: result.informational.length,
      ignored: result.ignored.length,
      skipped: result.skipped.length,
      expiredIgnores: result.expiredIgnores.length,
      unusedIgnores: result.unusedIgnores.length,
      bySeverity: severityCounts([...result.actionable, ...result.informational]),
    },
    policy: result.policy,
    reports: result.reports.map((r) => ({ source: r.source, format: r.format, findings: r.findings })),
    actionable: result.actionable.map(jsonFinding),
    informational: result.informational.map(jsonFinding),
    ignored: result.ignored.map((i) => ({ finding: jsonFinding(i.finding), ignore: jsonIgnore(i.ignore) })),
    expiredIgnores: result.expiredIgnores.map((e) => ({ ignore: jsonIgnore(e.ignore), findings: e.findings.map(jsonFinding) })),
    unusedIgnores: result.unusedIgnores.map(jsonIgnore),
    skipped: result.skipped.map((s) =>
      'finding' in s
        ? { package: s.finding.package, version: s.finding.version ?? null, reason: s.reason, source: s.finding.source, finding: jsonFinding(s.finding) }
        : { package: s.package, version: s.version ?? null, reason: s.reason, source: s.source, finding: null },
    ),
    scannerErrors: result.scannerErrors.map((e) => ({ source: e.source, message: e.message })),
    failures: [...result.failures],
    notes: [...result.notes],
  };
}

export function auditJsonText(result: AuditResult): string {
  return `${JSON.stringify(auditJson(result), null, 2)}\n`;
}

function jsonFinding(f: AuditFinding): AuditJsonFinding {
  return {
    package: f.package,
    version: f.version ?? null,
    affectedRange: f.affectedRange ?? null,
    ecosystem: f.ecosystem,
    id: f.id,
    aliases: [...f.aliases],
    severity: f.rating.severity,
    score: f.rating.score ?? null,
    vector: f.rating.vector ?? null,
    ratedBy: f.rating.from,
    category: f.category,
    cwes: [...f.cwes],
    fixedVersions: [...f.fixedVersions],
    upgradeTo: upgradeVersion(f) ?? null,
    title: f.title ?? null,
    description: f.description ?? null,
    url: f.url ?? null,
    local: f.local,
    sources: (f.sources ?? [{ source: f.source, scanner: f.scanner }]).map((s) => ({ source: s.source, scanner: s.scanner })),
  };
}

function jsonIgnore(i: IgnoreRule): AuditJsonIgnore {
  return { id: i.id, package: i.package ?? null, reason: i.reason, expires: i.expires, where: i.where ?? null };
}
