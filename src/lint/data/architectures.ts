/**
 * Debian architecture names and wildcards as lintian's Data::Architectures understands them
 * (built from dpkg's table): release names and their `linux-` aliases, and wildcards such as
 * `any`, `linux-any`, `any-amd64` or `gnu-linux-any`. Tables are built on first use.
 */
import { ARCHITECTURE_TABLE, hardeningGaps } from './index.js';

type Row = [arch: string, abi: string, libc: string, os: string, cpu: string];

let rows: Row[] | undefined;
let names: Map<string, string> | undefined;
let wildcards: Map<string, Set<string>> | undefined;

function table(): Row[] {
  return (rows ??= ARCHITECTURE_TABLE.split(/\s+/).filter(Boolean).map((r) => r.split(':') as Row));
}

/** Name or alias (`linux-amd64` for `amd64`) → canonical name. */
function nameTable(): Map<string, string> {
  if (names) return names;
  names = new Map();
  for (const [arch, , , os] of table()) {
    names.set(arch, arch);
    if (os !== 'linux') continue;
    if (arch.startsWith('linux-')) names.set(arch.slice(6), arch);
    else names.set(`linux-${arch}`, arch);
  }
  return names;
}

/** Wildcard → the canonical names it covers. */
function wildcardTable(): Map<string, Set<string>> {
  if (wildcards) return wildcards;
  const map = new Map<string, Set<string>>();
  for (const [arch, abi, libc, os, cpu] of table()) {
    for (const w of [
      'any', 'any-any', `any-${cpu}`, `${os}-any`,
      'any-any-any', `any-any-${cpu}`, `any-${os}-any`, `any-${os}-${cpu}`, `${libc}-any-any`, `${libc}-any-${cpu}`, `${libc}-${os}-any`,
      'any-any-any-any', `any-any-any-${cpu}`, `any-any-${os}-any`, `any-any-${os}-${cpu}`, `any-${libc}-any-any`, `any-${libc}-any-${cpu}`,
      `any-${libc}-${os}-any`, `any-${libc}-${os}-${cpu}`, `${abi}-any-any-any`, `${abi}-any-any-${cpu}`, `${abi}-any-${os}-any`,
      `${abi}-any-${os}-${cpu}`, `${abi}-${libc}-any-any`, `${abi}-${libc}-any-${cpu}`, `${abi}-${libc}-${os}-any`,
    ]) {
      let s = map.get(w);
      if (!s) map.set(w, (s = new Set()));
      s.add(arch);
    }
  }
  return (wildcards = map);
}

/** Every wildcard has an `any` part: real architectures need no wildcard table. */
const mayBeWildcard = (name: string): boolean => name.includes('any');

/** A Debian machine architecture or an alias of one (not a wildcard, not `all`). */
export function isReleaseArchitecture(name: string): boolean {
  return nameTable().has(name);
}

export function isArchWildcard(name: string): boolean {
  return mayBeWildcard(name) && wildcardTable().has(name);
}

/** What an override's architecture list may name: an architecture, a wildcard or `all`, optionally negated. */
export function isValidRestriction(restriction: string): boolean {
  const r = restriction.replace(/^!/, '');
  return isReleaseArchitecture(r) || isArchWildcard(r) || r === 'all';
}

/** lintian's restriction_matches: a `!` inverts the answer. */
export function restrictionMatches(restriction: string, arch: string): boolean {
  const wanted = !restriction.startsWith('!');
  const r = restriction.replace(/^!/, '');
  if (r === arch) return wanted;
  if (mayBeWildcard(r) && wildcardTable().get(r)?.has(nameTable().get(arch) ?? arch)) return wanted;
  return !wanted;
}

/**
 * Whether dpkg-buildflags recommends a hardening feature on an architecture, as lintian's
 * buildflags/hardening data says: on every architecture of dpkg's table but those listed without
 * it, and on none outside the table (`all`, and aliases such as `linux-amd64`, included).
 */
export function hardeningRecommended(feature: 'relro' | 'bindnow' | 'pie' | 'fortify', architecture: string): boolean {
  return nameTable().get(architecture) === architecture && !hardeningGaps().has(`${feature}:${architecture}`);
}
