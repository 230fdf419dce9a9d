/**
 * For the spot checks against lintian (checks/{files,binaries}/oracle.test.ts): lintian's tag lines
 * and debship's, in lintian's format, by package, for the tags a set of checks declares.
 */
import { exec } from '../core/exec.js';
import { loadLintPackage } from './load.js';
import { SEVERITY_CODE } from './severity.js';
import { ShellSyntax } from './shell-syntax.js';
import type { Check, TagInfo } from './types.js';

export function tagsOf(checks: readonly Check[]): Map<string, TagInfo> {
  return new Map(checks.flatMap((c) => c.tags.map((t) => [t.name, t] as const)));
}

/** lintian over every package in one call (`-I --pedantic`, no config): its lines for `tags`. */
export async function lintianLines(lintian: string, debs: string[], tags: ReadonlyMap<string, TagInfo>): Promise<Map<string, string[]>> {
  // lintian exits 2 when it found errors; its findings are on stdout all the same.
  const r = await exec(lintian, ['--no-cfg', '-I', '--pedantic', ...debs], { allowFailure: true, timeoutMs: 170_000 });
  if (process.env.DEBSHIP_ORACLE_DUMP) console.log(r.stdout); // to inspect lintian's full output
  const lines = new Map<string, string[]>();
  for (const line of r.stdout.split('\n')) {
    const m = /^[EWIP]: (\S+?)(?: binary)?: (\S+)/.exec(line);
    if (m && tags.has(m[2]!)) lines.set(m[1]!, [...(lines.get(m[1]!) ?? []), line]);
  }
  return lines;
}

/**
 * debship's lines for the same packages, running only `checks`: each distinct line once, and no
 * classification tags (lintian does not print them at these display levels).
 */
export async function debshipLines(debs: string[], checks: readonly Check[]): Promise<Map<string, string[]>> {
  const tags = tagsOf(checks);
  const lines = new Map<string, string[]>();
  for (const deb of debs) {
    const pkg = await loadLintPackage(deb, checks);
    const found = new Set<string>();
    const shells = new ShellSyntax();
    try {
      for (const check of checks) {
        await check.run({
          pkg,
          shells,
          report: (tag, context = '', how) => {
            if (how?.masked) return; // lintian prints masked hints only on request
            const { severity, experimental } = tags.get(tag)!;
            // lintian shows neither without -E and -L +classification.
            if (severity !== 'classification' && !experimental) found.add(`${SEVERITY_CODE[severity]}: ${pkg.name}: ${tag}${context ? ` ${context}` : ''}`);
          },
        });
      }
    } finally {
      shells.close();
    }
    lines.set(pkg.name, [...found]);
  }
  return lines;
}
