/**
 * pip-audit's JSON (`pip-audit --format json`) into Findings.
 *
 * pip-audit 2.x writes `{"dependencies": [...], "fixes": [...]}`; before 2.0 it wrote the
 * dependency list alone. Each dependency is `{"name", "version", "vulns": [{"id", "fix_versions",
 * "aliases", "description"}]}` (aliases from 2.7, description with `--desc`), or
 * `{"name", "skip_reason"}` for one it could not audit.
 *
 * - The format has no severity and no CWE: every rating is what rateSeverity makes of nothing
 *   (unknown), and the category comes from the description's words.
 * - Skipped dependencies are `skipped`, never findings.
 * - `local` is always false: pip-audit does not say where a package came from. Editable and
 *   unpublished packages show up as skipped (`distribution marked as editable`, `Dependency not
 *   found on PyPI…`), and the policy can name local packages.
 * - `fixes` (what `--fix` did) says nothing the vulns do not, and is not read.
 */
import { z } from 'zod';
import { categorize } from './categories.js';
import type { AuditReport, Finding, Skipped } from './model.js';
import { advisoryUrl, rate, unique } from './reader-util.js';
import { zodShapeError } from './report-errors.js';
import { sortVersions } from './versions.js';

const strings = z.array(z.string()).nullish();

const vulnSchema = z.object({
  id: z.string().refine((s) => s.trim() !== '', 'should not be empty'),
  fix_versions: strings,
  aliases: strings,
  description: z.string().nullish(),
});

const dependencySchema = z.union([
  z.object({
    name: z.string(),
    version: z.string().nullish(),
    skip_reason: z.string(),
  }),
  z.object({
    name: z.string(),
    version: z.string(),
    vulns: z.array(vulnSchema),
  }),
]);

const reportSchema = z.object({ dependencies: z.array(dependencySchema), fixes: z.array(z.unknown()).nullish() });
const legacySchema = z.array(dependencySchema);

export function readPipAudit(doc: unknown, source: string): AuditReport {
  let dependencies: z.infer<typeof legacySchema>;
  if (Array.isArray(doc)) {
    const parsed = legacySchema.safeParse(doc);
    if (!parsed.success) throw zodShapeError(source, 'pip-audit', parsed.error, doc);
    dependencies = parsed.data;
  } else {
    const parsed = reportSchema.safeParse(doc);
    if (!parsed.success) throw zodShapeError(source, 'pip-audit', parsed.error, doc);
    dependencies = parsed.data.dependencies;
  }
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  for (const dep of dependencies) {
    if ('skip_reason' in dep) {
      skipped.push({ package: dep.name, ...(dep.version ? { version: dep.version } : {}), reason: dep.skip_reason, source });
      continue;
    }
    const seen = new Set<string>();
    for (const vuln of dep.vulns) {
      const id = vuln.id.trim();
      if (seen.has(id)) continue;
      seen.add(id);
      const description = vuln.description?.trim() || undefined;
      const url = advisoryUrl(id);
      findings.push({
        package: dep.name,
        version: dep.version,
        ecosystem: 'PyPI',
        id,
        aliases: unique(vuln.aliases ?? [], [id]),
        fixedVersions: sortVersions(vuln.fix_versions ?? []),
        rating: rate({}),
        cwes: [],
        category: categorize([], description ?? ''),
        ...(description ? { description } : {}),
        ...(url ? { url } : {}),
        local: false,
        source,
        scanner: 'pip-audit',
      });
    }
  }
  return { source, format: 'pip-audit', findings, skipped };
}
