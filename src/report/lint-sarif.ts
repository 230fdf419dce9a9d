/**
 * `debship lint --format sarif`: SARIF 2.1.0 for GitHub code scanning. One rule per tag found
 * (its explanation and fix), one result per shown finding with the .deb as the artifact and the
 * path inside it, when the context names one, as a logical location. Overridden findings (with
 * --show-overrides) are results with an in-source suppression carrying the justification.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintRun } from '../lint/engine.js';
import { tagIndex } from '../lint/registry.js';
import type { Severity } from '../lint/types.js';
import { selectRows, type DisplayOptions } from './lint-select.js';
import { writePrettyJson } from './write-pieces.js';

export interface SarifOptions extends DisplayOptions {
  /** debship's version, for tool.driver.version. */
  toolVersion?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', pedantic: 'note', classification: 'note' };

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function lintSarif(run: LintRun, opts: SarifOptions = {}) {
  const rows = selectRows(run, opts);
  const ruleIds = [...new Set(rows.map((r) => r.finding.tag))].sort();
  const tags = tagIndex();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const t = tags.get(id);
    if (!t) return { id, name: id, shortDescription: { text: id } };
    return {
      id,
      name: id,
      shortDescription: { text: id },
      fullDescription: { text: t.explanation },
      ...(t.fix ? { help: { text: t.fix } } : {}),
      defaultConfiguration: { level: LEVEL[t.severity] },
      properties: { severity: t.severity, check: t.check, tags: ['lintian', t.check, ...(t.experimental ? ['experimental'] : [])] },
    };
  });
  const results = rows.map(({ file, finding: f, overridden }) => {
    const inner = pathInContext(f.context);
    return {
      ruleId: f.tag,
      ruleIndex: ruleIndex.get(f.tag)!,
      level: LEVEL[f.severity],
      message: { text: `${f.package}: ${f.tag}${f.context ? ` ${f.context}` : ''}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: fileUri(file) } },
          ...(inner ? { logicalLocations: [{ name: inner, fullyQualifiedName: `${file}/${inner}`, kind: 'resource' }] } : {}),
        },
      ],
      ...(overridden ? { suppressions: [{ kind: 'inSource', ...(overridden.justification ? { justification: overridden.justification } : {}) }] } : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: { driver: { name: 'debship', ...(opts.toolVersion ? { version: opts.toolVersion } : {}), informationUri: 'https://lintian.debian.org/', rules } },
        results,
      },
    ],
  };
}

/** Writes the log as `JSON.stringify(…, null, 2)` would, in pieces: a large run's results outgrow one string. */
export function writeLintSarif(run: LintRun, out: NodeJS.WritableStream, opts: SarifOptions = {}): void {
  writePrettyJson(lintSarif(run, opts), out);
}

/** lintian puts the path a finding is about at the end, in brackets: `[usr/bin/foo]`, `[path:line]`. */
export function pathInContext(context: string): string | undefined {
  const m = /\[([^\]\s]+?)(?::\d+)?\]$/.exec(context);
  return m?.[1];
}

/** A relative path stays a relative URI reference (GitHub resolves it against the repository). */
export function fileUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
