/**
 * Package relationships (Depends and friends) and lintian's implication test, after
 * Lintian::Relation and Lintian::Relation::Predicate in lintian 2.116: `satisfies(p, q)` is true
 * when every installation satisfying p necessarily satisfies q — `python3 (>= 3.11)` satisfies
 * `python3:any | python3-minimal:any`, an empty relation satisfies nothing.
 */
import { compareFragment } from '../../../deb/version.js';
import type { LintPackage } from '../../types.js';

export interface Predicate {
  literal: string;
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

const PREDICATE =
  /^\s*((?:[a-zA-Z0-9][a-zA-Z0-9+.-]*|\$\{[a-zA-Z0-9:-]+\})(?:[a-zA-Z0-9+.-]+|\$\{[a-zA-Z0-9:-]+\})*)(?::([a-z0-9-]+))?(?:\s*\(\s*(<<|<=|>=|>>|[=<>])\s*([^)]+)\s*\))?(?:\s*\[\s*([^\]]+)\s*\])?(?:\s*<\s*([^,]+)\s*>)?\s*$/;

export function parsePredicate(text: string): Predicate {
  const m = PREDICATE.exec(text);
  if (!m) return { literal: text, parsable: false, name: '', multiarch: '', op: '', version: '', arches: '', profile: '' };
  let op = m[3] ?? '';
  if (op === '<') op = '<<';
  if (op === '>') op = '>>';
  return {
    literal: text,
    parsable: true,
    name: m[1]!,
    multiarch: m[2] ?? '',
    op,
    // Perl's `([^\)]+)\s*` keeps trailing blanks inside the version; so do we.
    version: op ? m[4]! : '',
    arches: m[5] ?? '',
    profile: m[6] ?? '',
  };
}

export function parseRelation(text: string | undefined): Relation {
  return (text ?? '')
    .split(/\s*,\s*/)
    .filter((r) => r.length > 0)
    .map((r) => r.split(/\s*\|\s*/).map(parsePredicate));
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

const compareVersions = compareLoose;
const lt = (a: string, b: string) => compareVersions(a, b) < 0;
const lte = (a: string, b: string) => compareVersions(a, b) <= 0;
const gt = (a: string, b: string) => compareVersions(a, b) > 0;
const gte = (a: string, b: string) => compareVersions(a, b) >= 0;

function archesAllow(self: Predicate, other: Predicate): boolean {
  const mine = self.arches.split(' ').filter(Boolean);
  const theirs = other.arches.split(' ').filter(Boolean);
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

/** Lintian::Relation::Predicate::satisfies: does `self` imply `other`? */
export function predicateSatisfies(self: Predicate, other: Predicate): boolean {
  if (!self.parsable || !other.parsable) return self.literal.trim() === other.literal.trim();
  if (self.name !== other.name || self.profile || other.profile || !archesAllow(self, other)) return false;
  if (!self.multiarch && other.multiarch && other.multiarch !== 'any') return false;
  if (self.multiarch && (!other.multiarch || self.multiarch !== other.multiarch)) return false;
  if (!other.op) return true;
  if (!self.op) return false;
  const [s, o] = [self.version, other.version];
  switch (other.op) {
    case '=':
      return self.op === '=' && compareVersions(s, o) === 0;
    case '<=':
      return self.op === '=' || self.op === '<<' || self.op === '<=' ? lte(s, o) : false;
    case '<<':
      // lintian compares the reference version with itself for `>>`/`>=` here: never true.
      if (self.op === '>>' || self.op === '>=') return false;
      return self.op === '<<' ? lte(s, o) : lt(s, o);
    case '>=':
      return self.op === '=' || self.op === '>>' || self.op === '>=' ? gte(s, o) : false;
    case '>>':
      if (self.op === '<<' || self.op === '<=') return false;
      return self.op === '>>' ? gte(s, o) : gt(s, o);
  }
  return false;
}

/** Lintian::Relation::satisfies for relations built as AND of OR clauses. */
export function satisfies(p: Relation, q: Relation | string): boolean {
  const want = typeof q === 'string' ? parseRelation(q) : q;
  return want.every((clause) => clauseImplied(p, clause));
}

function clauseImplied(p: Relation, clause: Predicate[]): boolean {
  // Some AND branch of p implies the clause: a single predicate implies one alternative, or an OR
  // branch of p whose every alternative implies some alternative of the clause.
  return p.some((branch) => branch.every((alt) => clause.some((want) => predicateSatisfies(alt, want))));
}
