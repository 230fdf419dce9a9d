/**
 * Package relationship fields as lintian's Lintian::Relation reads them: `,` is AND, `|` is OR,
 * each alternative a predicate `name[:arch] [(op version)] [[archs]] [<profiles>]`, and
 * `satisfies` answers "does this relation imply that one" with the same version logic.
 */
import { compareFragment } from '../../../deb/version.js';
import { splitVersion } from './dpkg-version.js';

export interface Predicate {
  /** Whether the alternative matched lintian's predicate syntax at all. */
  parsable: boolean;
  literal: string;
  name: string;
  multiarch: string;
  /** `<<`, `<=`, `=`, `>=`, `>>` (`<` and `>` read as `<<` and `>>`), or ''. */
  op: string;
  version: string;
  arches: string;
  profile: string;
}

type Clause = Predicate | Predicate[];

export class Relation {
  /** AND of clauses; a clause of several predicates is their OR. */
  readonly clauses: Clause[];

  constructor(text: string) {
    this.clauses = text
      .split(/\s*,\s*/)
      .filter((r) => r.length)
      .map((r) => {
        const alternatives = r.split(/\s*\|\s*/).map(parsePredicate);
        return alternatives.length === 1 ? alternatives[0]! : alternatives;
      });
  }

  /** Lintian::Relation::satisfies: the truth of this relation implies `other`. */
  satisfies(other: string | Relation): boolean {
    const q = typeof other === 'string' ? new Relation(other) : other;
    return q.clauses.every((qc) => this.clauses.some((pc) => implies(pc, qc)));
  }

  /** Each clause as Lintian::Relation writes it back (what VISIT_OR_CLAUSE_FULL visits). */
  clauseTexts(): string[] {
    return this.clauses.map((c) => (Array.isArray(c) ? c.map(predicateText).join(' | ') : predicateText(c)));
  }

  /** Whether some predicate has this name (VISIT_PRED_NAME with equals). */
  hasName(name: string): boolean {
    return this.clauses.some((c) => (Array.isArray(c) ? c : [c]).some((p) => p.name === name));
  }
}

const PREDICATE =
  /^\s*((?:[a-zA-Z0-9][a-zA-Z0-9+.-]*|\$\{[a-zA-Z0-9:-]+\})(?:[a-zA-Z0-9+.-]+|\$\{[a-zA-Z0-9:-]+\})*)(?::([a-z0-9-]+))?(?:\s*\(\s*(<<|<=|>=|>>|[=<>])\s*([^)]+)\s*\))?(?:\s*\[\s*([^\]]+)\s*\])?(?:\s*<\s*([^,]+)\s*>)?\s*$/;

export function parsePredicate(text: string): Predicate {
  const m = PREDICATE.exec(text);
  if (!m) return { parsable: false, literal: text, name: '', multiarch: '', op: '', version: '', arches: '', profile: '' };
  const op = m[3] ?? '';
  return {
    parsable: true,
    literal: text,
    name: m[1]!,
    multiarch: m[2] ?? '',
    op: op === '<' ? '<<' : op === '>' ? '>>' : op,
    version: op ? m[4]! : '',
    arches: m[5] ?? '',
    profile: m[6] ?? '',
  };
}

/** Lintian::Relation::Predicate::to_string: normalised, or the literal text when it did not parse. */
export function predicateText(p: Predicate): string {
  if (!p.parsable) return p.literal;
  return `${p.name}${p.multiarch ? `:${p.multiarch}` : ''}${p.op ? ` (${p.op} ${p.version})` : ''}${p.arches ? ` [${p.arches}]` : ''}${p.profile ? ` <${p.profile}>` : ''}`;
}

function implies(p: Clause, q: Clause): boolean {
  if (!Array.isArray(q)) {
    // An OR on the left implies q only if every branch does.
    return Array.isArray(p) ? p.every((b) => predicateSatisfies(b, q)) : predicateSatisfies(p, q);
  }
  if (!Array.isArray(p)) return q.some((b) => predicateSatisfies(p, b));
  return p.every((pb) => q.some((qb) => predicateSatisfies(pb, qb)));
}

/** Lintian::Relation::Predicate::satisfies (a false and an unknown answer alike are false). */
export function predicateSatisfies(self: Predicate, other: Predicate): boolean {
  if (!self.parsable || !other.parsable) return self.literal === other.literal;
  if (self.name !== other.name) return false;
  if (self.profile || other.profile) return false;
  if (!archesImply(self.arches.split(/\s+/).filter(Boolean), other.arches.split(/\s+/).filter(Boolean))) return false;
  if (!self.multiarch && other.multiarch && other.multiarch !== 'any') return false;
  if (self.multiarch && !other.multiarch) return false;
  if (self.multiarch && other.multiarch && self.multiarch !== other.multiarch) return false;
  if (!other.op) return true;
  if (!self.op) return false;
  const c = compareVersions(self.version, other.version);
  switch (other.op) {
    case '=':
      return self.op === '=' && c === 0;
    case '<=':
      return (self.op === '=' || self.op === '<<' || self.op === '<=') && c <= 0;
    case '<<':
      return self.op === '<<' ? c <= 0 : (self.op === '=' || self.op === '<=') && c < 0;
    case '>=':
      return (self.op === '=' || self.op === '>>' || self.op === '>=') && c >= 0;
    case '>>':
      return self.op === '>>' ? c >= 0 : (self.op === '=' || self.op === '>=') && c > 0;
  }
  return false;
}

function archesImply(self: string[], other: string[]): boolean {
  if (!self.length && !other.length) return true;
  if (!self.length) return true;
  if (!other.length) return false;
  const selfNeg = self[0]!.startsWith('!');
  const otherNeg = other[0]!.startsWith('!');
  if (!selfNeg && !otherNeg) return other.every((a) => self.includes(a));
  if (selfNeg && otherNeg) return self.every((a) => other.includes(a));
  if (!selfNeg && otherNeg) return false;
  return self.every((a) => !other.includes(a.slice(1)));
}

/** Dpkg::Version's comparison, which accepts any string. */
export function compareVersions(a: string, b: string): number {
  const x = splitVersion(a);
  const y = splitVersion(b);
  const ex = Number(x.epoch) || 0;
  const ey = Number(y.epoch) || 0;
  if (ex !== ey) return ex < ey ? -1 : 1;
  return compareFragment(x.upstream, y.upstream) || compareFragment(x.revision, y.revision);
}
