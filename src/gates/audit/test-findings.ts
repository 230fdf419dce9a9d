/** Findings and reports for the audit gate's tests, built by hand (the readers are tested on real reports). */
import type { AuditFormat, AuditReport, Finding, Severity } from './model.js';
import type { IgnoreRule } from './policy.js';

/** A finding with sensible defaults: `finding({ package: 'lodash', severity: 'high', score: 7.5 })`. */
export function finding(o: Partial<Finding> & { severity?: Severity; score?: number; vector?: string } = {}): Finding {
  const { severity = 'high', score, vector, ...rest } = o;
  return {
    package: 'lodash',
    version: '4.17.15',
    ecosystem: 'npm',
    id: 'GHSA-p6mc-m468-83gw',
    aliases: ['CVE-2020-8203'],
    fixedVersions: ['4.17.19'],
    rating: { severity, ...(score === undefined ? {} : { score }), ...(vector === undefined ? {} : { vector }), from: severity === 'unknown' ? 'none' : vector ? 'cvss-v3' : 'database' },
    cwes: ['CWE-1321'],
    category: 'other',
    title: 'Prototype Pollution in lodash',
    local: false,
    source: 'osv.json',
    scanner: 'osv-scanner',
    ...rest,
  };
}

export function report(findings: Finding[], o: Partial<AuditReport> & { format?: AuditFormat } = {}): AuditReport {
  const source = o.source ?? findings[0]?.source ?? 'report.json';
  return { source, format: o.format ?? findings[0]?.scanner ?? 'osv-scanner', findings, skipped: o.skipped ?? [] };
}

export function ignore(o: Partial<IgnoreRule> = {}): IgnoreRule {
  return { id: 'GHSA-p6mc-m468-83gw', reason: 'not reachable: we never call zipObjectDeep()', expires: '2027-03-31', ...o };
}
