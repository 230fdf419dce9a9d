/**
 * `npm audit --json` (auditReportVersion 2, npm 7 and later) into Findings, and npm's error
 * object into a scanner failure.
 *
 * `{"auditReportVersion": 2, "vulnerabilities": {<name>: {name, severity, isDirect, via, effects,
 * range, nodes, fixAvailable}}, "metadata": {...}}`. `via` mixes two things: objects are advisories
 * against this package (`{source, name, dependency, title, url, severity, cwe, cvss, range}`);
 * strings name another vulnerable package this one depends on.
 *
 * - Only advisory objects are findings. A string in `via` is not an advisory of this package: the
 *   advisory is reported, with its fix, on the package it names. A package whose `via` holds only
 *   strings (vulnerable only through its dependencies) therefore gives no finding of its own;
 *   upgrading the dependency named there is what fixes it, and that dependency's findings say so.
 * - id: the GHSA id in the advisory URL, else `npm:<source>`; `npm:<source>` is an alias of a GHSA
 *   id. npm can list one advisory twice for a package (one entry per vulnerable range); that is
 *   one finding with both ranges in `affectedRange`.
 * - Fixed versions: `fixAvailable.version` when `fixAvailable` names this package, else the upper
 *   bound of the advisory range when every alternative is `<X` or `>=A <X` (see fixedFromRange).
 * - npm reports no installed version, only the vulnerable range (`affectedRange`).
 * - local: every node that has the package is outside node_modules (a workspace, a `file:` link
 *   target), apart from the `node_modules/<name>` link to it. A copy installed from the registry
 *   anywhere in node_modules keeps the finding non-local.
 */
import { z } from 'zod';
import { DebshipError } from '../../core/errors.js';
import { categorize } from './categories.js';
import type { AuditReport, Finding } from './model.js';
import { cweList, ghsaInUrl, rate, unique } from './reader-util.js';
import { AUDIT_SCANNER_FAILED, shapeError, zodShapeError } from './report-errors.js';
import { fixedFromRange } from './versions.js';

const text = z.string().nullish();
const strings = z.array(z.string()).nullish();

const advisorySchema = z.object({
  source: z.union([z.number(), z.string()]).nullish(),
  name: text,
  dependency: text,
  title: text,
  url: text,
  severity: text,
  cwe: z.union([z.array(z.string()), z.string()]).nullish(),
  cvss: z.object({ score: z.number().nullish(), vectorString: text }).nullish(),
  range: text,
});

const vulnerabilitySchema = z.object({
  name: text,
  severity: text,
  isDirect: z.boolean().nullish(),
  via: z.array(z.union([z.string(), advisorySchema])),
  effects: strings,
  range: text,
  nodes: strings,
  fixAvailable: z.union([z.boolean(), z.object({ name: z.string(), version: z.string(), isSemVerMajor: z.boolean().nullish() })]).nullish(),
});

type Advisory = z.infer<typeof advisorySchema>;

export function readNpmAudit(doc: unknown, source: string): AuditReport {
  const top = doc as Record<string, unknown>;
  const vulnerabilities = top.vulnerabilities;
  if (vulnerabilities === null || typeof vulnerabilities !== 'object' || Array.isArray(vulnerabilities)) {
    throw shapeError(source, 'npm-audit', ['vulnerabilities'], vulnerabilities === undefined ? 'is missing (expected an object)' : 'should be an object of packages');
  }
  const findings: Finding[] = [];
  // Own keys only, read by hand: a package called `__proto__` stays a package.
  for (const key of Object.keys(vulnerabilities)) {
    const raw: unknown = (vulnerabilities as Record<string, unknown>)[key];
    const parsed = vulnerabilitySchema.safeParse(raw);
    if (!parsed.success) throw zodShapeError(source, 'npm-audit', parsed.error, doc, ['vulnerabilities', key]);
    const vuln = parsed.data;
    const name = vuln.name?.trim() || key;
    const local = isLocal(name, vuln.nodes ?? []);
    const fix = vuln.fixAvailable;
    const namedFix = fix && typeof fix === 'object' && fix.name === name && fix.version.trim() ? [fix.version.trim()] : undefined;

    const byId = new Map<string, Advisory[]>();
    vuln.via.forEach((v, i) => {
      if (typeof v === 'string') return;
      const id = ghsaInUrl(v.url) ?? npmId(v);
      if (!id) throw shapeError(source, 'npm-audit', ['vulnerabilities', key, 'via', i], 'is an advisory with neither a GitHub advisory `url` nor a `source` id');
      const list = byId.get(id);
      if (list) list.push(v);
      else byId.set(id, [v]);
    });

    for (const [id, advisories] of byId) {
      const ranges = unique(advisories.map((a) => a.range));
      const affectedRange = ranges.length ? ranges.join(' || ') : undefined;
      const cwes = cweList(advisories.flatMap((a) => (Array.isArray(a.cwe) ? a.cwe : a.cwe ? [a.cwe] : [])));
      const title = advisories.map((a) => a.title?.trim()).find(Boolean);
      const url = advisories.map((a) => a.url?.trim()).find(Boolean);
      const scores = advisories.map((a) => a.cvss?.score).filter((s): s is number => typeof s === 'number' && s > 0);
      const databaseSeverity = advisories.map((a) => a.severity?.trim()).find(Boolean);
      findings.push({
        package: name,
        ...(affectedRange ? { affectedRange } : {}),
        ecosystem: 'npm',
        id,
        aliases: unique(advisories.map(npmId), [id]),
        fixedVersions: namedFix ?? (advisories.every((a) => a.range?.trim()) ? fixedFromRange(affectedRange) : []),
        rating: rate({
          vectors: unique(advisories.map((a) => a.cvss?.vectorString)),
          ...(databaseSeverity ? { databaseSeverity } : {}),
          ...(scores.length ? { score: Math.max(...scores) } : {}),
        }),
        cwes,
        category: categorize(cwes, title ?? ''),
        ...(title ? { title } : {}),
        ...(url ? { url } : {}),
        local,
        source,
        scanner: 'npm-audit',
      });
    }
  }
  return { source, format: 'npm-audit', findings, skipped: [] };
}

/** `npm:<source>`, npm's own advisory number; undefined when the advisory has none. */
function npmId(a: Advisory): string | undefined {
  const source = a.source === null || a.source === undefined ? '' : String(a.source).trim();
  return source ? `npm:${source}` : undefined;
}

function underNodeModules(path: string): boolean {
  return /(?:^|\/)node_modules\//.test(path.replace(/\\/g, '/'));
}

function isLocal(name: string, nodes: readonly string[]): boolean {
  if (!nodes.some((n) => !underNodeModules(n))) return false;
  const link = `node_modules/${name}`;
  return nodes.every((n) => !underNodeModules(n) || n.replace(/\\/g, '/') === link);
}

const LOCKFILE_CODES = new Set(['ENOLOCK', 'EAUDITNOLOCK']);

/**
 * The DebshipError for npm's error object: the audit request failed (HTTP error from the advisory
 * endpoint, ENOAUDIT, no network) or npm could not start it (no lockfile). Exit 2: nothing was
 * audited, so there is nothing to pass or fail.
 */
export function npmScannerFailure(doc: unknown, source: string): DebshipError {
  const o = (doc ?? {}) as Record<string, unknown>;
  const error = o.error !== null && typeof o.error === 'object' && !Array.isArray(o.error) ? (o.error as Record<string, unknown>) : {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const code = (str(error.code) ?? str(o.code))?.slice(0, 40);
  const said = str(o.message) ?? str(error.summary) ?? str(error.detail) ?? (typeof o.statusCode === 'number' ? `HTTP ${o.statusCode}` : undefined) ?? code ?? 'no message';
  const shown = said.length > 500 ? `${said.slice(0, 500)}…` : said;
  const hint =
    code && LOCKFILE_CODES.has(code)
      ? 'npm audit needs a lockfile: run `npm install --package-lock-only`, then re-run `npm audit --json`'
      : 'npm could not reach the advisory service; re-run `npm audit --json` when it is reachable';
  return new DebshipError(AUDIT_SCANNER_FAILED, `npm audit failed, ${source} holds its error instead of a report: "${shown}"${code && !said.includes(code) ? ` (${code})` : ''}`, {
    file: source,
    hint,
  });
}
