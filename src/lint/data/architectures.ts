/**
 * Debian architecture names and wildcards as lintian's Data::Architectures understands them
 * (built from dpkg's table): release names and their `linux-` aliases, and wildcards such as
 * `any`, `linux-any`, `any-amd64` or `gnu-linux-any`.
 */
import { ARCHITECTURE_TABLE } from './index.js';

interface Tables {
  /** Name or alias → canonical name. */
  names: Map<string, string>;
  /** Wildcard → canonical names it covers. */
  wildcards: Map<string, Set<string>>;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const names = new Map<string, string>();
  const wildcards = new Map<string, Set<string>>();
  const add = (w: string, arch: string) => {
    let s = wildcards.get(w);
    if (!s) wildcards.set(w, (s = new Set()));
    s.add(arch);
  };
  for (const row of ARCHITECTURE_TABLE.split(/\s+/).filter(Boolean)) {
    const [arch, abi, libc, os, cpu] = row.split(':') as [string, string, string, string, string];
    names.set(arch, arch);
    if (os === 'linux') {
      if (arch.startsWith('linux-')) names.set(arch.slice(6), arch);
      else names.set(`${os}-${arch}`, arch);
    }
    for (const w of [
      'any', 'any-any', `any-${cpu}`, `${os}-any`,
      'any-any-any', `any-any-${cpu}`, `any-${os}-any`, `any-${os}-${cpu}`, `${libc}-any-any`, `${libc}-any-${cpu}`, `${libc}-${os}-any`,
      'any-any-any-any', `any-any-any-${cpu}`, `any-any-${os}-any`, `any-any-${os}-${cpu}`, `any-${libc}-any-any`, `any-${libc}-any-${cpu}`,
      `any-${libc}-${os}-any`, `any-${libc}-${os}-${cpu}`, `${abi}-any-any-any`, `${abi}-any-any-${cpu}`, `${abi}-any-${os}-any`,
      `${abi}-any-${os}-${cpu}`, `${abi}-${libc}-any-any`, `${abi}-${libc}-any-${cpu}`, `${abi}-${libc}-${os}-any`,
    ]) add(w, arch);
  }
  return (tables = { names, wildcards });
}

/** A Debian machine architecture or an alias of one (not a wildcard, not `all`). */
export function isReleaseArchitecture(name: string): boolean {
  return load().names.has(name);
}

export function isArchWildcard(name: string): boolean {
  return load().wildcards.has(name);
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
  const { names, wildcards } = load();
  if (wildcards.get(r)?.has(names.get(arch) ?? arch)) return wanted;
  return !wanted;
}
