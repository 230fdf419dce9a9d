/**
 * Package relationships (Depends and friends) as lintian's Lintian::Relation and
 * Lintian::Relation::Predicate (lintian 2.116) read them: `,` is AND, `|` is OR, each alternative a
 * predicate `name[:arch] [(op version)] [[archs]] [<profiles>]`. `satisfies(p, q)` is true when every
 * installation satisfying p necessarily satisfies q — `python3 (>= 3.11)` satisfies
 * `python3:any | python3-minimal:any`, an empty relation satisfies nothing.
 *
 * Two check families use it with slightly different details, kept as two `ImplicationRules`:
 * the scripts, systemd and binaries checks (`looseRules`, the default) compare versions with
 * `compareLoose`, and the fields checks (`dpkgPerlRules`, used by `FieldRelation`) follow Perl's
 * Dpkg::Version.
 */
import { compareFragment } from '../deb/version.js';
import { splitVersion } from './dpkg-version.js';
import type { LintPackage } from './types.js';
import { splitAround } from './linear-text.js';

export interface Predicate {
  /** The alternative as written. */
  literal: string;
  /** Whether the alternative matched lintian's predicate syntax at all. */
  parsable: boolean;
  name: string;
  multiarch: string;
  /** `<<`, `<=`, `=`, `>=`, `>>` or '' (lintian turns the obsolete `<` and `>` into `<<` and `>>`). */
  op: string;
  version: string;
  arches: string;
  profile: string;
}

/** An AND of clauses; each clause is an OR of predicates (usually one). */
export type Relation = Predicate[][];

/**
 * lintian's predicate expression, rewritten to give the same results in linear time:
 *
 *   ^\s*((?:[a-zA-Z0-9][a-zA-Z0-9+.-]*|\$\{[a-zA-Z0-9:-]+\})(?:[a-zA-Z0-9+.-]+|\$\{[a-zA-Z0-9:-]+\})*)
 *   (?::([a-z0-9-]+))?(?:\s*\(\s*(<<|<=|>=|>>|[=<>])\s*([^)]+)\s*\))?(?:\s*\[\s*([^\]]+)\s*\])?
 *   (?:\s*<\s*([^,]+)\s*>)?\s*$
 *
 * As written, V8 takes exponential time on a long name that is followed by anything it does not
 * expect (40 letters and a `!` ran for hours): the name's two nested repetitions split it every
 * possible way. Here the name is read one character (or `${…}`) at a time; each bracketed part is
 * atomic (`(?=(…))\k<…>`: once it has matched, other ways of matching it are never tried, and none
 * could end anywhere else), a closing bracket must exist before its contents are read, and a `\s*`
 * before a closer that the greedy contents already cover is gone. relation.test.ts checks that it
 * agrees with the original.
 */
const PREDICATE = new RegExp(
  [
    String.raw`^\s*(?<name>(?:[a-zA-Z0-9]|\$\{[a-zA-Z0-9:-]+\})(?:[a-zA-Z0-9+.-]|\$\{[a-zA-Z0-9:-]+\})*)`,
    String.raw`(?::(?<multiarch>[a-z0-9-]+))?`,
    String.raw`(?:(?=(?<v>\s*\((?=[^)]*\))\s*(?<op><<|<=|>=|>>|[=<>])\s*(?<version>[^)]+)\)))\k<v>)?`,
    String.raw`(?:(?=(?<a>\s*\[(?=[^\]]*\])\s*(?<arches>[^\]]+)\]))\k<a>)?`,
    String.raw`(?:(?=(?<p>\s*<(?=[^,]*>)\s*(?<profile>[^,]+)>))\k<p>)?\s*$`,
  ].join(''),
);

export function parsePredicate(text: string): Predicate {
  const m = PREDICATE.exec(text);
  if (!m) return { literal: text, parsable: false, name: '', multiarch: '', op: '', version: '', arches: '', profile: '' };
  const g = m.groups!;
  let op = g.op ?? '';
  if (op === '<') op = '<<';
  if (op === '>') op = '>>';
  return {
    literal: text,
    parsable: true,
    name: g.name!,
    multiarch: g.multiarch ?? '',
    op,
    // Perl's `([^\)]+)\s*` keeps trailing blanks inside the version; so do we.
    version: op ? g.version! : '',
    arches: g.arches ?? '',
    profile: g.profile ?? '',
  };
}

export function parseRelation(text: string | undefined): Relation {
  return splitAround(text ?? '', ',')
    .filter((r) => r.length > 0)
    .map((r) => splitAround(r, '|').map(parsePredicate));
}

/** Lintian::Relation::Predicate::to_string: normalised, or the literal text when it did not parse. */
export function predicateText(p: Predicate): string {
  if (!p.parsable) return p.literal;
  return `${p.name}${p.multiarch ? `:${p.multiarch}` : ''}${p.op ? ` (${p.op} ${p.version})` : ''}${p.arches ? ` [${p.arches}]` : ''}${p.profile ? ` <${p.profile}>` : ''}`;
}

/** Pre-Depends and Depends (`strong`), or with Recommends and Suggests too (`all`), as lintian reads them. */
export function packageRelation(pkg: LintPackage, which: 'strong' | 'all' | 'Pre-Depends' | 'Depends' | 'Provides'): Relation {
  const fields = which === 'strong' ? ['Pre-Depends', 'Depends'] : which === 'all' ? ['Pre-Depends', 'Depends', 'Recommends', 'Suggests'] : [which];
  return fields.flatMap((f) => parseRelation(pkg.field(f)));
}

/** True when some predicate's package name matches. */
export function mentions(relation: Relation, pattern: RegExp): boolean {
  return relation.some((clause) => clause.some((p) => pattern.test(p.name)));
}

/** dpkg's comparison, tolerant of malformed versions in someone else's control file (no throw). */
export function compareLoose(a: string, b: string): number {
  const split = (v: string) => {
    const t = v.trim();
    const colon = /^(\d+):/.exec(t);
    const rest = colon ? t.slice(colon[0].length) : t;
    const dash = rest.lastIndexOf('-');
    return { epoch: colon ? Number(colon[1]) : 0, upstream: dash < 0 ? rest : rest.slice(0, dash), revision: dash < 0 ? '' : rest.slice(dash + 1) };
  };
  const [x, y] = [split(a), split(b)];
  if (x.epoch !== y.epoch) return x.epoch < y.epoch ? -1 : 1;
  return compareFragment(x.upstream, y.upstream) || compareFragment(x.revision, y.revision);
}

/** Dpkg::Version's comparison, which accepts any string. */
export function compareDpkgPerl(a: string, b: string): number {
  const x = splitVersion(a);
  const y = splitVersion(b);
  const ex = Number(x.epoch) || 0;
  const ey = Number(y.epoch) || 0;
  if (ex !== ey) return ex < ey ? -1 : 1;
  return compareFragment(x.upstream, y.upstream) || compareFragment(x.revision, y.revision);
}

/** The details in which the check families' implication tests differ. */
export interface ImplicationRules {
  compareVersions(a: string, b: string): number;
  /** The architectures of a `[...]` restriction. */
  arches(text: string): string[];
  /** Whether two predicates that did not both parse are the same. */
  sameLiteral(a: string, b: string): boolean;
}

/** The scripts, systemd and binaries checks' rules. */
export const looseRules: ImplicationRules = {
  compareVersions: compareLoose,
  arches: (text) => text.split(' ').filter(Boolean),
  sameLiteral: (a, b) => a.trim() === b.trim(),
};

/** The fields checks' rules, after Perl's Dpkg::Version. */
export const dpkgPerlRules: ImplicationRules = {
  compareVersions: compareDpkgPerl,
  arches: (text) => text.split(/\s+/).filter(Boolean),
  sameLiteral: (a, b) => a === b,
};

function archesAllow(mine: string[], theirs: string[]): boolean {
  if (!mine.length && !theirs.length) return true;
  if (!mine.length) return true;
  if (!theirs.length) return false;
  const myNeg = mine[0]!.startsWith('!');
  const theirNeg = theirs[0]!.startsWith('!');
  if (!myNeg && !theirNeg) return theirs.every((a) => mine.includes(a));
  if (myNeg && theirNeg) return mine.every((a) => theirs.includes(a));
  if (!myNeg && theirNeg) return false;
  return mine.every((a) => !theirs.includes(a.slice(1)));
}

/**
 * Lintian::Relation::Predicate::satisfies: does `self` imply `other`? (A false and an unknown answer
 * alike are false.)
 */
export function predicateSatisfies(self: Predicate, other: Predicate, rules: ImplicationRules = looseRules): boolean {
  if (!self.parsable || !other.parsable) return rules.sameLiteral(self.literal, other.literal);
  if (self.name !== other.name || self.profile || other.profile) return false;
  if (!archesAllow(rules.arches(self.arches), rules.arches(other.arches))) return false;
  if (!self.multiarch && other.multiarch && other.multiarch !== 'any') return false;
  if (self.multiarch && (!other.multiarch || self.multiarch !== other.multiarch)) return false;
  if (!other.op) return true;
  if (!self.op) return false;
  const c = rules.compareVersions(self.version, other.version);
  switch (other.op) {
    case '=':
      return self.op === '=' && c === 0;
    case '<=':
      return (self.op === '=' || self.op === '<<' || self.op === '<=') && c <= 0;
    case '<<':
      // lintian compares the reference version with itself for `>>`/`>=` here: never true.
      return self.op === '<<' ? c <= 0 : (self.op === '=' || self.op === '<=') && c < 0;
    case '>=':
      return (self.op === '=' || self.op === '>>' || self.op === '>=') && c >= 0;
    case '>>':
      return self.op === '>>' ? c >= 0 : (self.op === '=' || self.op === '>=') && c > 0;
  }
  return false;
}

/** Lintian::Relation::satisfies for relations built as AND of OR clauses. */
export function satisfies(p: Relation, q: Relation | string, rules: ImplicationRules = looseRules): boolean {
  const want = typeof q === 'string' ? parseRelation(q) : q;
  // Each clause of q is implied by some AND branch of p: a single predicate implying one
  // alternative, or an OR branch of p whose every alternative implies some alternative of the clause.
  return want.every((clause) => p.some((branch) => branch.every((alt) => clause.some((w) => predicateSatisfies(alt, w, rules)))));
}

/** A relation field as the fields checks read it, with their implication rules. */
export class FieldRelation {
  /** AND of clauses; each clause is the OR of its predicates. */
  readonly clauses: Relation;

  constructor(text: string) {
    this.clauses = parseRelation(text);
  }

  /** Lintian::Relation::satisfies: the truth of this relation implies `other`. */
  satisfies(other: string | FieldRelation): boolean {
    return satisfies(this.clauses, typeof other === 'string' ? other : other.clauses, dpkgPerlRules);
  }

  /** Each clause as Lintian::Relation writes it back (what VISIT_OR_CLAUSE_FULL visits). */
  clauseTexts(): string[] {
    return this.clauses.map((c) => c.map(predicateText).join(' | '));
  }

  /** Whether some predicate has this name (VISIT_PRED_NAME with equals). */
  hasName(name: string): boolean {
    return this.clauses.some((c) => c.some((p) => p.name === name));
  }
}
