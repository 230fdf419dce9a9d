/**
 * Applies overrides to one package's findings as lintian's Lintian::Group does: overrides for
 * other architectures and for tags that cannot be overridden are ignored, an override without
 * context silences every finding of its tag, otherwise the shortest matching pattern wins; the
 * overrides that silenced nothing become `unused-override` (or `mismatched-override` when the tag
 * was found with another context). Masked findings (lintian's screens) take part in that and are
 * then dropped.
 */
import { restrictionMatches } from './data/architectures.js';
import { DebshipError } from '../core/errors.js';
import { contextMatcher, literalPattern, type Override } from './overrides.js';
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

  const indexed = new Map<string, (context: string) => Override | undefined>();
  const budget = { work: 0 };
  const used = new Set<Override>();
  const issued = new Set<string>();
  const out: OverrideOutcome = { findings: [], overridden: [], unused: [], usage: [] };
  for (const f of findings) {
    issued.add(f.tag);
    const byPattern = enabled.get(f.tag);
    let find = indexed.get(f.tag);
    if (byPattern && !find) indexed.set(f.tag, (find = overrideFinder(f.tag, byPattern, budget)));
    const match = find?.(f.context);
    if (match) used.add(match);
    // A masked finding has done its part: it used its override and made its tag issued.
    if (f.masked) continue;
    if (match) out.overridden.push({ ...f, justification: match.justification, override: match });
    else out.findings.push(f);
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

/**
 * How many characters of contexts and patterns with jokers may be compared in one package: some
 * ten seconds' work. Matching takes findings times patterns, as in lintian, so a package with
 * 40,000 files of one tag and as many overrides for it would otherwise run for many minutes.
 */
const JOKER_WORK = 1_000_000_000;

/**
 * The override for a finding's context among one tag's (`byPattern`, in file order): the
 * pattern-less one, else the shortest matching pattern, the earliest of equal length. Patterns
 * without jokers match one context each and are looked up; only those with jokers are tried.
 */
function overrideFinder(tag: string, byPattern: ReadonlyMap<string, Override>, budget: { work: number }): (context: string) => Override | undefined {
  const any = byPattern.get('');
  if (any) return () => any;
  const ranked = [...byPattern.values()].sort((a, b) => a.pattern.length - b.pattern.length);
  const exact = new Map<string, { override: Override; rank: number }>();
  const jokers: { override: Override; rank: number; matches: (context: string) => boolean }[] = [];
  ranked.forEach((override, rank) => {
    const literal = literalPattern(override.pattern);
    if (literal === undefined) jokers.push({ override, rank, matches: contextMatcher(override.pattern) });
    else if (!exact.has(literal)) exact.set(literal, { override, rank });
  });
  return (context) => {
    const plain = exact.get(context);
    for (const j of jokers) {
      if (plain && j.rank > plain.rank) break;
      if ((budget.work += context.length + j.override.pattern.length) > JOKER_WORK) {
        throw new DebshipError('overrides-too-costly', `${j.override.source}: overrides for ${tag}: too many findings to match against ${jokers.length} patterns with jokers`, {
          hint: 'each pattern with * or ? is tried against each finding; use fewer, broader patterns or exact contexts',
        });
      }
      if (j.matches(context)) return j.override;
    }
    return plain?.override;
  };
}
