/**
 * Applies overrides to one package's findings as lintian's Lintian::Group does: overrides for
 * other architectures and for tags that cannot be overridden are ignored, an override without
 * context silences every finding of its tag, otherwise the shortest matching pattern wins; the
 * overrides that silenced nothing become `unused-override` (or `mismatched-override` when the tag
 * was found with another context).
 */
import { restrictionMatches } from './data/architectures.js';
import { contextMatcher, type Override } from './overrides.js';
import type { Finding } from './types.js';

export interface OverriddenFinding extends Finding {
  /** The comment block above the override that silenced it. */
  justification: string;
  override: Override;
}

export interface OverrideOutcome {
  findings: Finding[];
  overridden: OverriddenFinding[];
  unused: Override[];
  /** unused-override / mismatched-override findings for `unused`, without severity resolution. */
  usage: Array<{ tag: 'unused-override' | 'mismatched-override'; context: string }>;
}

/** The tags lintian shows always: its own override diagnostics, which no override can silence. */
export const NOT_OVERRIDABLE = new Set([
  'malformed-override', 'duplicate-override-context', 'invalid-override-restriction', 'alien-tag', 'renamed-tag', 'unused-override', 'mismatched-override',
]);

/**
 * `canonical` maps a tag name (current or older) to the current name debship implements, or
 * undefined: overrides for tags debship does not implement are left alone (neither used nor unused).
 */
export function applyOverrides(
  findings: readonly Finding[],
  overrides: readonly Override[],
  pkg: { name: string; architecture: string },
  canonical: (tag: string) => string | undefined,
): OverrideOutcome {
  const enabled = new Map<string, Map<string, Override>>();
  for (const o of overrides) {
    if (o.package !== undefined && o.package !== pkg.name) continue;
    const tag = canonical(o.tag);
    if (tag === undefined || NOT_OVERRIDABLE.has(tag)) continue;
    const negations = o.architectures.filter((a) => a.startsWith('!')).length;
    if (o.architectures.length && (negations > 0) !== !o.architectures.some((a) => restrictionMatches(a.replace(/^!/, ''), pkg.architecture))) continue;
    let byPattern = enabled.get(tag);
    if (!byPattern) enabled.set(tag, (byPattern = new Map()));
    byPattern.delete(o.pattern); // a later line with the same pattern replaces the earlier one
    byPattern.set(o.pattern, o);
  }

  const matchers = new Map<Override, (context: string) => boolean>();
  const used = new Set<Override>();
  const issued = new Set<string>();
  const out: OverrideOutcome = { findings: [], overridden: [], unused: [], usage: [] };
  for (const f of findings) {
    issued.add(f.tag);
    const byPattern = enabled.get(f.tag);
    let match = byPattern?.get('');
    if (byPattern && !match) {
      const patterns = [...byPattern.values()].filter((o) => o.pattern !== '').sort((a, b) => a.pattern.length - b.pattern.length);
      match = patterns.find((o) => {
        let m = matchers.get(o);
        if (!m) matchers.set(o, (m = contextMatcher(o.pattern)));
        return m(f.context);
      });
    }
    if (match) {
      used.add(match);
      out.overridden.push({ ...f, justification: match.justification, override: match });
    } else out.findings.push(f);
  }
  for (const [tag, byPattern] of enabled) {
    for (const o of byPattern.values()) {
      if (used.has(o)) continue;
      out.unused.push(o);
      out.usage.push({ tag: issued.has(tag) ? 'mismatched-override' : 'unused-override', context: `${o.tag} ${o.pattern} [${o.source}:${o.line}]` });
    }
  }
  return out;
}
