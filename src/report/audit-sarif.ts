/**
 * `debship gate audit --format sarif`: SARIF 2.1.0 for GitHub code scanning. One rule per
 * advisory (its page as helpUri, `security-severity` set to the CVSS score so code scanning ranks
 * it as critical, high, medium or low); one result per affected package: actionable findings are
 * errors, informational ones warnings (medium and worse) or notes, ignored ones are results with
 * an external suppression carrying the reason. The manifest a package comes from is not known, so
 * a result points at the scanner report that found it, with the package as a logical location.
 */
import type { AuditFinding, AuditResult } from '../gates/audit/evaluate.js';
import type { Severity } from '../gates/audit/model.js';
import { advisoryUrl, fixText, idsText, oneLine, packageText, titleText } from './audit-words.js';
import { fileUri, SARIF_SCHEMA } from './lint-sarif.js';

export interface AuditSarifOptions {
  /** debship's version, for tool.driver.version. */
  toolVersion?: string;
}

type Level = 'error' | 'warning' | 'note';

/**
 * GitHub reads `security-severity` as a CVSS-like score: over 9.0 critical, 7.0–8.9 high,
 * 4.0–6.9 medium, 0.1–3.9 low. A rating without a score gets the middle of its band.
 */
const BAND_SCORE: Partial<Record<Severity, number>> = { critical: 9.5, high: 8.0, medium: 5.5, low: 2.0 };

export function auditSarif(result: AuditResult, opts: AuditSarifOptions = {}) {
  const entries: Array<{ finding: AuditFinding; level: Level; suppression?: string }> = [
    ...result.actionable.map((finding) => ({ finding, level: 'error' as const })),
    ...result.informational.map((finding) => ({ finding, level: informationalLevel(finding) })),
    ...result.ignored.map(({ finding, ignore }) => ({
      finding,
      level: 'note' as const,
      suppression: `${oneLine(ignore.reason)} (ignored until ${ignore.expires}${ignore.where ? `, ${ignore.where}` : ''})`,
    })),
  ];

  const byId = new Map<string, typeof entries>();
  for (const e of entries) {
    const list = byId.get(e.finding.id);
    if (list) list.push(e);
    else byId.set(e.finding.id, [e]);
  }
  const ruleIds = [...byId.keys()].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const mine = byId.get(id)!;
    // The finding with the highest score speaks for the rule, and its score is the rule's.
    const f = mine.map((e) => e.finding).reduce((a, b) => (scoreOf(b) > scoreOf(a) ? b : a));
    const url = advisoryUrl(f);
    const score = scoreOf(f);
    const level: Level = mine.some((e) => e.level === 'error') ? 'error' : mine.some((e) => e.level === 'warning') ? 'warning' : 'note';
    const title = titleText(f, 200);
    const description = f.description ? oneLine(f.description) : undefined;
    return {
      id,
      name: id,
      shortDescription: { text: title ? `${title} (${id})` : `${idsText(f)} in ${f.package}` },
      fullDescription: { text: description ? truncate(description, 1000) : (title ?? idsText(f)) },
      ...(url ? { helpUri: url } : {}),
      help: { text: `${idsText(f)}${title ? `: ${title}` : ''}.${url ? ` See ${url}.` : ''} Upgrade the affected package to a fixed version, or ignore the advisory in the audit policy with a reason and an expiry date.` },
      defaultConfiguration: { level },
      properties: {
        tags: ['security', 'vulnerability', 'dependency', f.category, ...f.cwes.map((c) => c.toUpperCase())],
        ...(score >= 0 ? { 'security-severity': score.toFixed(1) } : {}),
        ...(f.aliases.length ? { aliases: [...f.aliases] } : {}),
      },
    };
  });

  const results = entries.map(({ finding: f, level, suppression }) => {
    const sources = f.sources ?? [{ source: f.source, scanner: f.scanner }];
    const pkgVersion = packageText(f);
    const title = titleText(f);
    return {
      ruleId: f.id,
      ruleIndex: ruleIndex.get(f.id)!,
      level,
      message: { text: `${pkgVersion} is affected by ${idsText(f)}${title ? `: ${title}` : ''} (${f.rating.severity}${f.rating.score === undefined ? '' : ` ${f.rating.score.toFixed(1)}`}); ${fixText(f)}.` },
      locations: sources.map((s) => ({
        physicalLocation: { artifactLocation: { uri: fileUri(s.source) } },
        logicalLocations: [{ name: f.package, fullyQualifiedName: `${f.ecosystem}/${f.package}${f.version ? `@${f.version}` : ''}`, kind: 'module' }],
      })),
      partialFingerprints: { 'debship/advisory/v1': `${f.ecosystem.toLowerCase()}/${f.package.toLowerCase()}/${f.version ?? ''}/${f.id}` },
      properties: {
        package: f.package,
        ...(f.version ? { version: f.version } : {}),
        ecosystem: f.ecosystem,
        severity: f.rating.severity,
        ...(f.rating.score === undefined ? {} : { score: f.rating.score }),
        ...(f.rating.vector ? { vector: f.rating.vector } : {}),
        category: f.category,
        fixedVersions: [...f.fixedVersions],
      },
      ...(suppression ? { suppressions: [{ kind: 'external', status: 'accepted', justification: suppression }] } : {}),
    };
  });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: { driver: { name: 'debship', ...(opts.toolVersion ? { version: opts.toolVersion } : {}), rules } },
        automationDetails: { id: 'debship-audit/' },
        results,
        properties: { passed: result.passed, failures: [...result.failures] },
      },
    ],
  };
}

export function auditSarifText(result: AuditResult, opts: AuditSarifOptions = {}): string {
  return `${JSON.stringify(auditSarif(result, opts), null, 2)}\n`;
}

/** Below the threshold: medium and worse still deserve a warning, the rest a note. */
function informationalLevel(f: AuditFinding): Level {
  return ['critical', 'high', 'medium'].includes(f.rating.severity) ? 'warning' : 'note';
}

/** The score code scanning ranks by; -1 when the finding has no rating at all. */
function scoreOf(f: AuditFinding): number {
  if (f.rating.score !== undefined) return f.rating.score;
  return BAND_SCORE[f.rating.severity] ?? (f.rating.severity === 'none' ? 0 : -1);
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
