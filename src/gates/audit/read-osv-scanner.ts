/**
 * osv-scanner's JSON (`osv-scanner scan --format json`, v1 and v2) into Findings.
 *
 * `{"results": [{"source": {"path", "type"}, "packages": [{"package": {"name", "version",
 * "ecosystem", "commit"}, "vulnerabilities": [<OSV records>], "groups": [{"ids", "aliases",
 * "max_severity"}]}]}]}`; each vulnerability is a full OSV record (id, aliases, summary, details,
 * severity, affected, database_specific, references).
 *
 * - One Finding per package and advisory. osv-scanner lists every record it found, so one
 *   advisory often comes twice (PYSEC-2021-66 and GHSA-g3rq-g295-4j3m are the same Jinja2 bug);
 *   records in one group, or naming each other as aliases, are one Finding. Its id is the record
 *   that says most (a CVSS vector, then a database rating, then a GHSA id); the other ids are
 *   aliases, and fixed versions, CWEs and vectors come from all of them.
 * - Fixed versions: the `fixed` events of SEMVER and ECOSYSTEM ranges in the `affected` entries
 *   for this package (GIT ranges name commits, not versions), lowest first.
 * - Severity: rateSeverity over the CVSS vectors in `severity` (and in the package's `affected`
 *   entry), the database's word (`database_specific.severity`, as GHSA records carry it), and the
 *   group's `max_severity` score.
 * - CWEs: `database_specific.cwe_ids` of the record and of the package's `affected` entry.
 * - local: packages from a git checkout or a directory (`source.type` git/directory), or without
 *   a version (osv-scanner gives a commit instead). Every other source type (lockfile, sbom,
 *   artifact, os, and `unknown`, which osv-scanner also writes for lockfiles) is from a registry:
 *   calling an unrecognised type local would exempt it from the gate.
 * - Withdrawn records (`withdrawn` set: the database retracted them) are left out.
 */
import { z } from 'zod';
import { categorize } from './categories.js';
import { normalisePackageName } from './evaluate.js';
import type { AuditReport, Finding } from './model.js';
import { advisoryUrl, cweList, rate, unique } from './reader-util.js';
import { zodShapeError } from './report-errors.js';
import { sortVersions } from './versions.js';

const strings = z.array(z.string()).nullish();
const text = z.string().nullish();

const severitySchema = z.array(z.object({ type: text, score: text })).nullish();

const affectedSchema = z.object({
  package: z.object({ name: text, ecosystem: text }).nullish(),
  ranges: z
    .array(
      z.object({
        type: text,
        events: z.array(z.object({ introduced: text, fixed: text, last_affected: text, limit: text })).nullish(),
      }),
    )
    .nullish(),
  severity: severitySchema,
  database_specific: z.unknown().optional(),
});

const recordSchema = z.object({
  id: z.string().refine((s) => s.trim() !== '', 'should not be empty'),
  aliases: strings,
  summary: text,
  details: text,
  severity: severitySchema,
  affected: z.array(affectedSchema).nullish(),
  database_specific: z.unknown().optional(),
  withdrawn: text,
});

const groupSchema = z.object({
  ids: strings,
  aliases: strings,
  max_severity: z.union([z.string(), z.number()]).nullish(),
});

const packageSchema = z.object({
  package: z.object({ name: z.string(), version: text, ecosystem: text, commit: text }),
  vulnerabilities: z.array(recordSchema).nullish(),
  groups: z.array(groupSchema).nullish(),
});

const reportSchema = z.object({
  results: z.array(
    z.object({
      source: z.object({ path: text, type: text }).nullish(),
      packages: z.array(packageSchema).nullish(),
    }),
  ),
});

type OsvRecord = z.infer<typeof recordSchema>;
type Affected = z.infer<typeof affectedSchema>;
type Group = z.infer<typeof groupSchema>;

const LOCAL_SOURCE_TYPES = new Set(['git', 'directory']);
const CVSS_TYPES = new Set(['CVSS_V2', 'CVSS_V3', 'CVSS_V4']);

export function readOsvScanner(doc: unknown, source: string): AuditReport {
  const parsed = reportSchema.safeParse(doc);
  if (!parsed.success) throw zodShapeError(source, 'osv-scanner', parsed.error, doc);
  const findings: Finding[] = [];
  for (const result of parsed.data.results) {
    const sourceType = result.source?.type?.trim().toLowerCase() ?? '';
    for (const pkg of result.packages ?? []) {
      // A withdrawn record is one the database retracted (not a vulnerability after all).
      const records = (pkg.vulnerabilities ?? []).filter((r) => !r.withdrawn?.trim());
      if (records.length === 0) continue;
      const name = pkg.package.name;
      const ecosystem = pkg.package.ecosystem?.trim() ?? '';
      const version = pkg.package.version?.trim() ?? '';
      const local = LOCAL_SOURCE_TYPES.has(sourceType) || version === '';
      for (const cluster of clusters(records, pkg.groups ?? [])) {
        findings.push(toFinding(cluster, { name, ecosystem, version, local, source }));
      }
    }
  }
  return { source, format: 'osv-scanner', findings, skipped: [] };
}

interface Cluster {
  records: OsvRecord[];
  groups: Group[];
}

/** Records that are one advisory: in one group, or naming each other as aliases. */
function clusters(records: OsvRecord[], groups: Group[]): Cluster[] {
  const parent = records.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const x = find(a);
    const y = find(b);
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  const byId = new Map<string, number>();
  records.forEach((r, i) => {
    const id = r.id.trim();
    const before = byId.get(id);
    if (before === undefined) byId.set(id, i);
    else union(before, i);
  });
  records.forEach((r, i) => {
    for (const alias of r.aliases ?? []) {
      const j = byId.get(alias.trim());
      if (j !== undefined) union(i, j);
    }
  });
  for (const g of groups) {
    const members = (g.ids ?? []).map((id) => byId.get(id.trim())).filter((i): i is number => i !== undefined);
    for (const m of members.slice(1)) union(members[0]!, m);
  }
  const out = new Map<number, Cluster>();
  records.forEach((r, i) => {
    const root = find(i);
    let c = out.get(root);
    if (!c) out.set(root, (c = { records: [], groups: [] }));
    c.records.push(r);
  });
  for (const g of groups) {
    const member = (g.ids ?? []).map((id) => byId.get(id.trim())).find((i) => i !== undefined);
    if (member !== undefined) out.get(find(member))!.groups.push(g);
  }
  return [...out.values()];
}

interface PackageContext {
  name: string;
  ecosystem: string;
  version: string;
  local: boolean;
  source: string;
}

function toFinding(cluster: Cluster, pkg: PackageContext): Finding {
  // Each record's entries for this package, matched once for choosing the main record and for reading.
  const affectedOf = cluster.records.map((r) => matchingAffected(r, pkg));
  const main = pickMain(cluster.records, affectedOf);
  const id = main.id.trim();
  const affected = affectedOf.flat();
  const vectors = cluster.records.flatMap((r) => cvssVectors(r.severity)).concat(affected.flatMap((a) => cvssVectors(a.severity)));
  const databaseSeverity =
    [main, ...cluster.records].map((r) => stringField(r.database_specific, 'severity')).find(Boolean) ??
    affected.map((a) => stringField(a.database_specific, 'severity')).find(Boolean) ??
    cluster.records.flatMap((r) => (r.severity ?? []).filter((s) => s.type?.toLowerCase() === 'ubuntu').map((s) => s.score?.trim())).find(Boolean);
  const score = maxScore(cluster.groups);
  const cwes = cweList([...cluster.records.flatMap((r) => stringsField(r.database_specific, 'cwe_ids')), ...affected.flatMap((a) => stringsField(a.database_specific, 'cwe_ids'))]);
  const title = main.summary?.trim() || cluster.records.map((r) => r.summary?.trim()).find(Boolean) || undefined;
  const description = main.details?.trim() || cluster.records.map((r) => r.details?.trim()).find(Boolean) || undefined;
  const url = advisoryUrl(id);
  return {
    package: pkg.name,
    ...(pkg.version ? { version: pkg.version } : {}),
    ecosystem: pkg.ecosystem,
    id,
    aliases: unique(
      [...cluster.records.flatMap((r) => [r.id, ...(r.aliases ?? [])]), ...cluster.groups.flatMap((g) => [...(g.ids ?? []), ...(g.aliases ?? [])])],
      [id],
    ).sort(),
    fixedVersions: sortVersions(affected.flatMap(fixedEvents)),
    rating: rate({ vectors, ...(databaseSeverity ? { databaseSeverity } : {}), ...(score !== undefined ? { score } : {}) }),
    cwes,
    category: categorize(cwes, [title, description].filter(Boolean).join('\n')),
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(url ? { url } : {}),
    local: pkg.local,
    source: pkg.source,
    scanner: 'osv-scanner',
  };
}

/** The record that says most about the advisory. */
function pickMain(records: OsvRecord[], affectedOf: Affected[][]): OsvRecord {
  let best = records[0]!;
  let bestScore = -1;
  for (const [i, r] of records.entries()) {
    const s =
      (cvssVectors(r.severity).length || affectedOf[i]!.some((a) => cvssVectors(a.severity).length) ? 4 : 0) +
      (stringField(r.database_specific, 'severity') ? 2 : 0) +
      (/^GHSA-/i.test(r.id) ? 1 : 0);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}

function normalizeName(name: string, ecosystem: string): string {
  return normalisePackageName(name, baseEcosystem(ecosystem));
}

function baseEcosystem(ecosystem: string | null | undefined): string {
  return (ecosystem ?? '').split(':')[0]!.trim().toLowerCase();
}

/** The record's `affected` entries for this package: same name (PEP 503 for PyPI) and ecosystem. */
function matchingAffected(record: OsvRecord, pkg: PackageContext): Affected[] {
  const entries = record.affected ?? [];
  const name = normalizeName(pkg.name, pkg.ecosystem);
  const sameName = entries.filter((a) => a.package?.name && normalizeName(a.package.name, a.package.ecosystem ?? pkg.ecosystem) === name);
  const eco = baseEcosystem(pkg.ecosystem);
  const same = sameName.filter((a) => !eco || !a.package?.ecosystem || baseEcosystem(a.package.ecosystem) === eco);
  return same.length ? same : sameName;
}

function fixedEvents(affected: Affected): string[] {
  const out: string[] = [];
  for (const range of affected.ranges ?? []) {
    if (range.type?.toUpperCase() === 'GIT') continue;
    for (const event of range.events ?? []) if (event.fixed?.trim()) out.push(event.fixed.trim());
  }
  return out;
}

function cvssVectors(severity: z.infer<typeof severitySchema>): string[] {
  return (severity ?? []).filter((s) => CVSS_TYPES.has(s.type?.toUpperCase() ?? '') && s.score?.trim()).map((s) => s.score!.trim());
}

function maxScore(groups: Group[]): number | undefined {
  let max: number | undefined;
  for (const g of groups) {
    const raw = g.max_severity;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (Number.isFinite(n) && n >= 0 && n <= 10 && (max === undefined || n > max)) max = n;
  }
  return max;
}

/** `database_specific` is free-form: read a field only when it has the type GHSA gives it. */
function stringField(o: unknown, key: string): string | undefined {
  if (o === null || typeof o !== 'object' || Array.isArray(o) || !Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const v = (o as Record<string, unknown>)[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function stringsField(o: unknown, key: string): string[] {
  if (o === null || typeof o !== 'object' || Array.isArray(o) || !Object.prototype.hasOwnProperty.call(o, key)) return [];
  const v = (o as Record<string, unknown>)[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
