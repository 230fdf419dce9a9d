/**
 * Version ordering good enough to list fixed versions lowest first, whatever the ecosystem
 * (SemVer, PEP 440, plain dotted numbers), and the fixed versions an npm advisory range implies.
 *
 * The order is total and deterministic: numeric release parts compare as numbers (`1.10` after
 * `1.9`, `1.0` equal to `1.0.0`), pre-releases (`-rc.1`, `a1`, `.dev0`) before the release,
 * post-releases (`.post1`) after it; anything left compares part by part, and two strings
 * that still tie compare as strings, so sorting never depends on input order.
 */

type Part = number | string;

interface Key {
  epoch: string;
  release: string[];
  rank: number;
  rest: Part[];
  local: Part[];
  raw: string;
}

function keyOf(version: string): Key {
  let s = version.trim();
  let epoch = '0';
  const e = /^(\d+)!/.exec(s);
  if (e) {
    epoch = trimZeros(e[1]!);
    s = s.slice(e[0].length);
  }
  s = s.replace(/^[vV](?=\d)/, '');
  let local: Part[] = [];
  const plus = s.indexOf('+');
  if (plus >= 0) {
    local = parts(s.slice(plus + 1));
    s = s.slice(0, plus);
  }
  const m = /^\d+(?:\.\d+)*/.exec(s);
  const release = m ? m[0].split('.').map(trimZeros) : [];
  while (release.length > 0 && release[release.length - 1] === '0') release.pop();
  const suffix = s.slice(m ? m[0].length : 0);
  return { epoch, release, rank: rankOf(suffix, m !== null), rest: parts(suffix), local, raw: version };
}

/** Where a suffix sorts against the bare release: below it for pre-releases, above for post. */
function rankOf(suffix: string, hasRelease: boolean): number {
  if (suffix === '') return 0;
  if (!hasRelease) return -5;
  const s = suffix.toLowerCase();
  if (/^[-_.]?dev/.test(s)) return -4;
  if (/^[-_.]?(a|alpha)(?![a-z])/.test(s)) return -3;
  if (/^[-_.]?(b|beta)(?![a-z])/.test(s)) return -2;
  if (/^[-_.]?(rc|c|pre|preview)(?![a-z])/.test(s)) return -1;
  if (/^[-_.]?(post|rev|r)(?![a-z])/.test(s)) return 2;
  // Other SemVer pre-releases (`-next.1`, `-0`) come before the release; other letters after it.
  if (s.startsWith('-')) return -1;
  return 1;
}

function parts(s: string): Part[] {
  const out: Part[] = [];
  for (const m of s.matchAll(/\d+|[A-Za-z]+/g)) {
    const t = m[0];
    out.push(/^\d/.test(t) ? (t.length > 15 ? trimZeros(t).padStart(40, '0') : Number(t)) : t.toLowerCase());
  }
  return out;
}

function trimZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareParts(a: readonly Part[], b: readonly Part[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x < y ? -1 : 1;
    } else if (typeof x === 'number') {
      return -1;
    } else if (typeof y === 'number') {
      return 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Negative, zero or positive as `a` is older than, the same as, or newer than `b`. */
export function compareVersions(a: string, b: string): number {
  return a === b ? 0 : compareKeys(keyOf(a), keyOf(b));
}

function compareKeys(x: Key, y: Key): number {
  let c = compareNumeric(x.epoch, y.epoch);
  if (c) return c;
  const n = Math.max(x.release.length, y.release.length);
  for (let i = 0; i < n; i++) {
    c = compareNumeric(x.release[i] ?? '0', y.release[i] ?? '0');
    if (c) return c;
  }
  if (x.rank !== y.rank) return x.rank < y.rank ? -1 : 1;
  c = compareParts(x.rest, y.rest);
  if (c) return c;
  c = compareParts(x.local, y.local);
  if (c) return c;
  return x.raw < y.raw ? -1 : x.raw > y.raw ? 1 : 0;
}

/** Trimmed, without empties and duplicates, lowest first. */
export function sortVersions(versions: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const v of versions) {
    const t = v.trim();
    if (t) set.add(t);
  }
  // Each version parsed once, not once per comparison.
  return [...set]
    .map(keyOf)
    .sort(compareKeys)
    .map((k) => k.raw);
}

const VERSION = /^v?\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.+-]*)?$/;

/**
 * The versions that fix an npm advisory, read from its vulnerable range when every alternative
 * has an exclusive upper bound: `<X` and `>=A <X` are fixed by X. Anything else (`<=X`, `*`,
 * `>=A`, hyphen ranges) names no fixing version, and then neither does the whole range: a partial
 * list would suggest a fix for versions it does not cover.
 */
export function fixedFromRange(range: string | undefined): string[] {
  if (!range) return [];
  const fixed: string[] = [];
  for (const alternative of range.split('||')) {
    const comparators = alternative.trim().replace(/([<>]=?)\s+/g, '$1').split(/\s+/).filter(Boolean);
    const upper = comparators.filter((c) => c.startsWith('<'));
    const others = comparators.filter((c) => !c.startsWith('<'));
    if (upper.length !== 1 || upper[0]!.startsWith('<=')) return [];
    if (others.some((c) => !/^>=?/.test(c) || !VERSION.test(c.replace(/^>=?/, '')))) return [];
    const bound = upper[0]!.slice(1);
    if (!VERSION.test(bound)) return [];
    fixed.push(bound.replace(/^v/, ''));
  }
  return sortVersions(fixed);
}
