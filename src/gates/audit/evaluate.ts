/**
 * The audit decision: every report's findings, merged across scanners, sorted into actionable,
 * informational, ignored and skipped by the policy; the gate passes when nothing is actionable, no
 * ignore has expired and no scan failed (unless the policy says `scanner_errors: warn`).
 *
 * Decisions:
 * - One advisory on one package found twice (two scanners, or two lockfiles) is one finding: same
 *   ecosystem, same package (PyPI names compared as PEP 503 normalises them), a shared id or alias,
 *   and the same installed version when both reports give one. The first report's id stays the id;
 *   every other id becomes an alias; fixed versions (lowest first) and CWEs are united; the worst
 *   rating and the most serious category (the first in CATEGORIES) are kept; it is local when
 *   any report says so, and `sources` lists every report that found it.
 * - Skipping comes before ignoring: a skipped package is never reported, so an ignore that only
 *   matches skipped packages is unused.
 * - An ignore applies through its expiry day (UTC). After it, its findings are judged again as if
 *   it were not there, and the ignore itself fails the gate, so it is renewed or removed on purpose.
 *   An expired ignore that matches nothing fails too (listed in expiredIgnores with no findings):
 *   a stale entry has to be cleaned up rather than linger until the advisory reappears.
 *   A finding hidden by a valid ignore still fails the gate through another, expired ignore
 *   of the same advisory: the expired entry is stale.
 * - An ignore that has not expired and matches nothing is a note (unusedIgnores), not a failure.
 */
import { CATEGORIES, SEVERITIES, type AuditFormat, type AuditReport, type Finding, type SeverityRating, type Skipped } from './model.js';
import type { AuditPolicy, IgnoreRule } from './policy.js';
import type { Threshold } from './policy-schema.js';
import { sortVersions } from './versions.js';

/** A finding after merging: the reports that found it, in report order. */
export interface AuditFinding extends Finding {
  sources: Array<{ source: string; scanner: AuditFormat }>;
}

/** A report saying the scan itself failed (npm could not reach the advisory service, no lockfile). */
export interface ScannerError {
  source: string;
  /** What went wrong; read.ts's messages name the report already. */
  message: string;
  hint?: string;
}

export interface SkippedFinding {
  finding: AuditFinding;
  reason: string;
}

export interface AuditResult {
  reports: Array<{ source: string; format: AuditFormat; findings: number }>;
  /** Fail the gate; worst first (severity, score, package). */
  actionable: AuditFinding[];
  /** Shown, never fail the gate; same order. */
  informational: AuditFinding[];
  ignored: Array<{ finding: AuditFinding; ignore: IgnoreRule }>;
  /** Each expired ignore with the findings it would have hidden (none: a stale entry). */
  expiredIgnores: Array<{ ignore: IgnoreRule; findings: AuditFinding[] }>;
  /** Ignores that have not expired and matched nothing. */
  unusedIgnores: IgnoreRule[];
  /** Dependencies a scanner could not audit, and findings the policy skips. */
  skipped: Array<Skipped | SkippedFinding>;
  /** Scanner errors, whatever the policy does with them. */
  scannerErrors: ScannerError[];
  passed: boolean;
  /** Why the gate failed, one line each; empty when it passed. */
  failures: string[];
  /** Worth saying, not failing: scanner errors under `scanner_errors: warn`, unused ignores. */
  notes: string[];
  /** The threshold and categories the decision used, for the reports. */
  policy: { severity: Threshold; categories: string[]; unknownSeverity: 'informational' | 'actionable' };
}

export function evaluateAudit(reports: AuditReport[], policy: AuditPolicy, today: Date, scannerErrors: ScannerError[] = []): AuditResult {
  const day = today.toISOString().slice(0, 10);
  const merged = mergeFindings(reports.flatMap((r) => r.findings));

  const skipped: AuditResult['skipped'] = reports.flatMap((r) => r.skipped);
  const kept: AuditFinding[] = [];
  for (const f of merged) {
    const reason = skipReason(f, policy);
    if (reason) skipped.push({ finding: f, reason });
    else kept.push(f);
  }

  const expired = (rule: IgnoreRule) => rule.expires < day;
  const used = new Set<IgnoreRule>();
  const expiredMatches = new Map<IgnoreRule, AuditFinding[]>(policy.ignore.filter(expired).map((rule) => [rule, []]));
  const ignored: AuditResult['ignored'] = [];
  const actionable: AuditFinding[] = [];
  const informational: AuditFinding[] = [];
  for (const f of kept) {
    const matching = policy.ignore.filter((rule) => ignoreMatches(rule, f));
    for (const rule of matching) expiredMatches.get(rule)?.push(f);
    const valid = matching.find((rule) => !expired(rule));
    if (valid) {
      for (const rule of matching) if (!expired(rule)) used.add(rule);
      ignored.push({ finding: f, ignore: valid });
    } else if (isActionable(f, policy)) actionable.push(f);
    else informational.push(f);
  }
  actionable.sort(worstFirst);
  informational.sort(worstFirst);
  ignored.sort((a, b) => worstFirst(a.finding, b.finding));
  skipped.sort((a, b) => byName(skippedName(a), skippedName(b)));

  const expiredIgnores = [...expiredMatches].map(([ignore, findings]) => ({ ignore, findings: findings.sort(worstFirst) }));
  const unusedIgnores = policy.ignore.filter((rule) => !expired(rule) && !used.has(rule));

  const failures: string[] = [];
  const notes: string[] = [];
  if (actionable.length) failures.push(actionableFailure(actionable));
  for (const { ignore, findings } of expiredIgnores) failures.push(expiredFailure(ignore, findings));
  for (const e of scannerErrors) {
    const line = e.message.includes(e.source) ? e.message : `${e.source}: ${e.message}`;
    if (policy.scannerErrors === 'fail') failures.push(line);
    else notes.push(line);
  }
  for (const ignore of unusedIgnores) notes.push(`${at(ignore)}ignore for ${describeIgnore(ignore)} matches no finding; remove it if the advisory no longer applies`);

  return {
    reports: reports.map((r) => ({ source: r.source, format: r.format, findings: r.findings.length })),
    actionable,
    informational,
    ignored,
    expiredIgnores,
    unusedIgnores,
    skipped,
    scannerErrors,
    passed: failures.length === 0,
    failures,
    notes,
    policy: { severity: policy.actionable.severity, categories: [...policy.actionable.categories], unknownSeverity: policy.actionable.unknownSeverity },
  };
}

// ---------------------------------------------------------------------------------------------
// Matching

/** PEP 503: PyPI names compare lowercased with runs of `-`, `_` and `.` as one `-`. */
export function normalisePackageName(name: string, ecosystem: string): string {
  const lower = name.trim().toLowerCase();
  return ecosystem.toLowerCase() === 'pypi' ? lower.replace(/[-_.]+/g, '-') : lower;
}

function samePackage(name: string, f: Finding): boolean {
  return normalisePackageName(name, f.ecosystem) === normalisePackageName(f.package, f.ecosystem);
}

function idsOf(f: Finding): string[] {
  return [f.id, ...f.aliases].map((id) => id.trim().toLowerCase());
}

export function ignoreMatches(rule: IgnoreRule, f: Finding): boolean {
  const id = rule.id.toLowerCase();
  return idsOf(f).includes(id) && (rule.package === undefined || samePackage(rule.package, f));
}

function skipReason(f: Finding, policy: AuditPolicy): string | undefined {
  if (policy.skip.packages.some((name) => samePackage(name, f))) return 'listed in skip.packages';
  if (f.local && policy.skip.local) return 'not from the registry (editable, path, git or workspace package)';
  return undefined;
}

const RANK: Record<string, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]));

export function isActionable(f: Finding, policy: AuditPolicy): boolean {
  if (policy.actionable.categories.includes(f.category)) return true;
  if (f.rating.severity === 'unknown') return policy.actionable.unknownSeverity === 'actionable';
  return RANK[f.rating.severity]! <= RANK[policy.actionable.severity]!;
}

// ---------------------------------------------------------------------------------------------
// Merging

export function mergeFindings(findings: readonly Finding[]): AuditFinding[] {
  const groups = new Map<string, Array<{ finding: AuditFinding; ids: Set<string> }>>();
  for (const f of findings) {
    const key = `${f.ecosystem.toLowerCase()}\0${normalisePackageName(f.package, f.ecosystem)}`;
    const list = groups.get(key) ?? [];
    groups.set(key, list);
    const ids = idsOf(f);
    const same = list.filter((g) => ids.some((id) => g.ids.has(id)) && sameVersion(g.finding.version, f.version));
    const own = { finding: fromFinding(f), ids: new Set(ids) };
    if (same.length === 0) {
      list.push(own);
      continue;
    }
    // It may join two entries found so far (A shares an alias with it, B its id): one finding.
    // Never two installed versions, though: a finding without a version (npm audit) matches
    // both lodash 4.17.11 and 4.17.15, but it joins the first of them only.
    const [first, ...rest] = same;
    for (const other of [...rest, own]) {
      if (other !== own && !sameVersion(first!.finding.version ?? f.version, other.finding.version)) continue;
      first!.finding = combine(first!.finding, other.finding);
      for (const id of other.ids) first!.ids.add(id);
      if (other !== own) list.splice(list.indexOf(other), 1);
    }
  }
  return [...groups.values()].flatMap((list) => list.map((g) => g.finding));
}

function sameVersion(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a.trim() === b.trim();
}

function fromFinding(f: Finding): AuditFinding {
  const sources = (f as Partial<AuditFinding>).sources ?? [{ source: f.source, scanner: f.scanner }];
  return { ...f, aliases: uniqueIds(f.aliases.filter((a) => a.toLowerCase() !== f.id.toLowerCase())), fixedVersions: [...f.fixedVersions], cwes: [...f.cwes], sources: [...sources] };
}

function combine(a: AuditFinding, b: AuditFinding): AuditFinding {
  const aliases = uniqueIds([...a.aliases, b.id, ...b.aliases]).filter((x) => x.toLowerCase() !== a.id.toLowerCase());
  const sources = [...a.sources];
  for (const s of b.sources) if (!sources.some((t) => t.source === s.source && t.scanner === s.scanner)) sources.push(s);
  const out: AuditFinding = {
    ...a,
    aliases,
    fixedVersions: sortVersions([...a.fixedVersions, ...b.fixedVersions]),
    rating: worseRating(a.rating, b.rating),
    cwes: uniqueIds([...a.cwes, ...b.cwes]),
    category: CATEGORIES.indexOf(b.category) < CATEGORIES.indexOf(a.category) ? b.category : a.category,
    local: a.local || b.local,
    sources,
  };
  for (const k of ['version', 'affectedRange', 'title', 'description', 'url'] as const) {
    if (out[k] === undefined && b[k] !== undefined) out[k] = b[k];
  }
  return out;
}

function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const k = id.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The worse severity; between equal severities the higher score, then the one with a vector. */
export function worseRating(a: SeverityRating, b: SeverityRating): SeverityRating {
  const ra = RANK[a.severity]!;
  const rb = RANK[b.severity]!;
  if (ra !== rb) return rb < ra ? b : a;
  if ((b.score ?? -1) !== (a.score ?? -1)) return (b.score ?? -1) > (a.score ?? -1) ? b : a;
  return a.vector === undefined && b.vector !== undefined ? b : a;
}

// ---------------------------------------------------------------------------------------------
// Order and messages

/** Worst first: severity, score, then package, version and id for a stable order. */
export function worstFirst(a: Finding, b: Finding): number {
  return (
    RANK[a.rating.severity]! - RANK[b.rating.severity]! ||
    (b.rating.score ?? -1) - (a.rating.score ?? -1) ||
    byName(a.package, b.package) ||
    byName(a.version ?? '', b.version ?? '') ||
    byName(a.id, b.id)
  );
}

function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function skippedName(s: Skipped | SkippedFinding): string {
  return 'finding' in s ? s.finding.package : s.package;
}

function actionableFailure(actionable: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of actionable) counts.set(f.rating.severity, (counts.get(f.rating.severity) ?? 0) + 1);
  const by = SEVERITIES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
  const n = actionable.length;
  return `${n} actionable ${n === 1 ? 'vulnerability' : 'vulnerabilities'} (${by.join(', ')})`;
}

function expiredFailure(ignore: IgnoreRule, findings: Finding[]): string {
  const head = `${at(ignore)}ignore for ${describeIgnore(ignore)} expired on ${ignore.expires} (reason: ${ignore.reason})`;
  if (findings.length === 0) return `${head} and matches no finding; remove it from the policy`;
  return `${head}; fix it or renew the ignore`;
}

/** `GHSA-… in lodash`, or the id alone for an ignore of every package. */
export function describeIgnore(ignore: IgnoreRule): string {
  return ignore.package ? `${ignore.id} in ${ignore.package}` : ignore.id;
}

function at(ignore: IgnoreRule): string {
  return ignore.where ? `${ignore.where}: ` : '';
}
