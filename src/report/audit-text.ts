/**
 * `debship gate audit` on a terminal: the actionable findings first, one line each with the fix
 * (`HIGH 7.5 lodash 4.17.15 GHSA-… (CVE-…) Prototype Pollution — fixed in 4.17.19`); then the
 * informational ones as a count by severity and a short list; what was ignored, with the reason
 * and the expiry; what was skipped; and last the failures with the exit code, or that it passed.
 */
import { describeIgnore, type AuditFinding, type AuditResult } from '../gates/audit/evaluate.js';
import { auditExitCode } from '../gates/audit/exit.js';
import type { Severity } from '../gates/audit/model.js';
import { countBySeverity, fixText, idsText, oneLine, packageText, severityText, titleText, totalFindings, versionText } from './audit-words.js';

export interface AuditTextOptions {
  color?: boolean;
  /** Informational findings listed before `… N more`. Default 10. */
  informationalLimit?: number;
}

const SGR: Record<Severity, string> = { critical: '1;31', high: '31', medium: '33', low: '36', none: '2', unknown: '2' };

export function auditText(result: AuditResult, opts: AuditTextOptions = {}): string {
  const paint = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const heading = (s: string) => paint('1', s);
  const limit = opts.informationalLimit ?? 10;
  const categories = new Set(result.policy.categories);
  const line = (f: AuditFinding) => {
    const rest = oneLine([f.package, versionText(f), idsText(f), titleText(f)].filter(Boolean).join(' '));
    const why = categories.has(f.category) ? ` [${f.category}]` : '';
    return `  ${paint(SGR[f.rating.severity], severityText(f))} ${rest}${why} — ${oneLine(fixText(f))}`;
  };
  const out: string[] = [];
  const section = (lines: string[]) => {
    if (out.length) out.push('');
    out.push(...lines);
  };

  if (result.reports.length) {
    section([`Reports: ${result.reports.map((r) => `${r.source} (${r.format}, ${r.findings} ${r.findings === 1 ? 'finding' : 'findings'})`).join(', ')}`]);
  }
  if (result.actionable.length) {
    section([heading(`Actionable (${result.actionable.length}):`), ...result.actionable.map(line)]);
  }
  if (result.informational.length) {
    const shown = result.informational.slice(0, limit);
    const more = result.informational.length - shown.length;
    section([
      heading(`Informational (${result.informational.length}): ${countBySeverity(result.informational)}`),
      ...shown.map(line),
      ...(more > 0 ? [`  … ${more} more (--format json lists them all)`] : []),
    ]);
  }
  if (result.ignored.length) {
    section([
      heading(`Ignored (${result.ignored.length}):`),
      ...result.ignored.map(({ finding: f, ignore }) =>
        `  ${oneLine([f.package, versionText(f), f.id, `(${f.rating.severity})`].filter(Boolean).join(' '))} until ${ignore.expires}: ${oneLine(ignore.reason)}`,
      ),
    ]);
  }
  if (result.skipped.length) {
    section([
      heading(`Skipped (${result.skipped.length}):`),
      ...result.skipped.map((s) => {
        const name = 'finding' in s ? [s.finding.package, versionText(s.finding), s.finding.id] : [s.package, s.version];
        return `  ${oneLine(name.filter(Boolean).join(' '))}: ${oneLine(s.reason)}`;
      }),
    ]);
  }
  if (result.notes.length) section([heading('Notes:'), ...result.notes.map((n) => `  ${oneLine(n)}`)]);

  const total = totalFindings(result);
  if (result.passed) {
    const counts = [`${result.informational.length} informational`, `${result.ignored.length} ignored`, `${result.skipped.length} skipped`];
    const summary = total === 0 ? 'no vulnerabilities found' : `no actionable vulnerabilities (${total} ${total === 1 ? 'finding' : 'findings'}: ${counts.join(', ')})`;
    // A failed scan under `scanner_errors: warn` checked nothing: never let that read as clean.
    const failed = result.scannerErrors.length;
    const caveat = failed ? `; ${failed} ${failed === 1 ? 'scan' : 'scans'} failed and ${failed === 1 ? 'was' : 'were'} not checked (see Notes)` : '';
    section([`${paint(failed ? '1;33' : '1;32', 'Passed')}: ${summary}${caveat}`]);
  } else {
    section([`${paint('1;31', 'Failed')} (exit ${auditExitCode(result)}):`, ...result.failures.map((f) => `  ${oneLine(f)}`)]);
    for (const { ignore, findings } of result.expiredIgnores) {
      if (findings.length) out.push(`    expired ignore of ${describeIgnore(ignore)} no longer hides: ${findings.map(packageText).join(', ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}
