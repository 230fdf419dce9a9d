/**
 * The words every audit report uses for a finding: severity and score, the installed version (or
 * the affected range npm audit gives), the ids, the fix to upgrade to.
 */
import type { AuditResult } from '../gates/audit/evaluate.js';
import { compareVersions } from '../gates/audit/versions.js';
import { SEVERITIES, type Finding, type Severity } from '../gates/audit/model.js';

/** `HIGH 7.5`, `MEDIUM`, `UNKNOWN`. */
export function severityText(f: Finding): string {
  const score = f.rating.score;
  return `${f.rating.severity.toUpperCase()}${score === undefined ? '' : ` ${score.toFixed(1)}`}`;
}

/** The installed version, else the affected range in brackets, else nothing. */
export function versionText(f: Finding): string | undefined {
  if (f.version) return f.version;
  if (f.affectedRange) return `(${f.affectedRange})`;
  return undefined;
}

/** `lodash 4.17.15`, `lodash (<4.17.21)`, or the name alone. */
export function packageText(f: Finding): string {
  return [f.package, versionText(f)].filter(Boolean).join(' ');
}

/**
 * The version to upgrade to: the lowest fix above the installed version; every fix when the
 * installed version is not known. Fixes only below the installed version (an older release line
 * was patched, this one not yet) are no upgrade, and are not offered as one.
 */
export function fixText(f: Finding): string {
  if (f.fixedVersions.length === 0) return 'no fixed version yet';
  if (!f.version) return `fixed in ${f.fixedVersions.join(', ')}`;
  const upgrade = upgradeVersion(f);
  if (upgrade) return `fixed in ${upgrade}`;
  return `no fixed version above ${f.version} yet (older releases fixed in ${f.fixedVersions.join(', ')})`;
}

/** The version to upgrade to: the lowest fix above the installed version (the lowest fix when that is unknown). */
export function upgradeVersion(f: Finding): string | undefined {
  if (!f.version) return f.fixedVersions[0];
  return f.fixedVersions.find((v) => compareVersions(v, f.version!) > 0);
}

/** The fix for a table cell: the version to upgrade to (every fix when the installed version is not known), or a dash. */
export function fixVersion(f: Finding): string {
  const fixes = f.version ? upgradeVersion(f) : f.fixedVersions.join(', ');
  return fixes || '—';
}

/** `GHSA-… (CVE-…, PYSEC-…)`. */
export function idsText(f: Finding): string {
  return f.aliases.length ? `${f.id} (${f.aliases.join(', ')})` : f.id;
}

/** Text from a report on one line, without control characters. */
export function oneLine(s: string): string {
  return s
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The title, on one line and cut at a readable length. */
export function titleText(f: Finding, max = 100): string | undefined {
  // pip-audit gives no title, only a description: its first sentence says what the advisory is.
  const title = f.title || firstSentence(f.description);
  if (!title) return undefined;
  const t = oneLine(title);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t || undefined;
}

function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const line = text.trim().split('\n')[0]!;
  const end = line.search(/[.!?](\s|$)/);
  return end === -1 ? line : line.slice(0, end);
}

/** `2 critical, 1 high` in severity order; empty for no findings. */
export function countBySeverity(findings: readonly Finding[]): string {
  const counts = severityCounts(findings);
  return SEVERITIES.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(', ');
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.rating.severity]++;
  return counts;
}

/** The advisory's page: the report's link, else the page its id names. */
export function advisoryUrl(f: Finding): string | undefined {
  if (f.url && /^https?:\/\/[^\s<>"]+$/i.test(f.url)) return f.url;
  const id = f.id.toUpperCase();
  if (/^GHSA(-[0-9A-Z]{4}){3}$/.test(id)) return `https://github.com/advisories/${f.id}`;
  if (/^CVE-\d{4}-\d+$/.test(id)) return `https://www.cve.org/CVERecord?id=${id}`;
  if (/^[A-Z][A-Z0-9]*-[\w.-]+$/.test(f.id)) return `https://osv.dev/vulnerability/${encodeURIComponent(f.id)}`;
  return undefined;
}

/** Total findings after merging, however the policy sorted them. */
export function totalFindings(result: AuditResult): number {
  return result.actionable.length + result.informational.length + result.ignored.length + result.skipped.filter((s) => 'finding' in s).length;
}
