/**
 * Debian versions (Policy 5.6.12): `[epoch:]upstream[-revision]`. Parsing is as strict as Policy
 * (stricter than dpkg, which still accepts `:` in the upstream part and warns about a leading
 * non-digit); comparison is dpkg's `verrevcmp`, including digit runs of any length.
 */
import { DebshipError } from '../core/errors.js';

export interface DebianVersion {
  /** 0 when the version has no epoch (dpkg treats `0:1.0` and `1.0` as the same version). */
  epoch: number;
  upstream: string;
  /** '' when there is no revision (a native package); compares equal to `0`. */
  revision: string;
}

/** dpkg refuses epochs above INT_MAX ("epoch in version is too big"). */
const MAX_EPOCH = 2 ** 31 - 1;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number): boolean => isDigit(c) || isAlpha(c);

/** Why `text` is not a valid Debian version, or undefined when it is. */
export function versionProblem(text: string): string | undefined {
  const r = split(text);
  return typeof r === 'string' ? r : undefined;
}

export function isValidVersion(text: string): boolean {
  return typeof split(text) !== 'string';
}

/** Parse a Debian version; throws a DebshipError that says which character is wrong and why. */
export function parseVersion(text: string): DebianVersion {
  const r = split(text);
  if (typeof r === 'string') {
    throw new DebshipError('invalid-version', `invalid Debian version "${text}": ${r}`, {
      hint: 'a Debian version is [epoch:]upstream[-revision]: upstream starts with a digit and uses letters, digits and . + ~ -; revision uses letters, digits and . + ~ (for example 1:2.0.1~rc1-1)',
    });
  }
  return r;
}

/** The canonical text of a version, as dpkg prints it (no `0:` epoch, no empty revision). */
export function formatVersion(v: DebianVersion): string {
  const text = `${v.epoch ? `${v.epoch}:` : ''}${v.upstream}${v.revision ? `-${v.revision}` : ''}`;
  const back = parseVersion(text);
  // A `-` in upstream without a revision would be read back as the revision separator.
  if (back.upstream !== v.upstream || back.revision !== v.revision || back.epoch !== v.epoch) {
    throw new DebshipError('invalid-version', `version parts do not round-trip: "${text}" reads back as upstream "${back.upstream}", revision "${back.revision}"`, {
      hint: 'an upstream version may contain "-" only when there is a revision',
    });
  }
  return text;
}

function split(text: string): DebianVersion | string {
  if (text === '') return 'the version is empty';
  const ws = text.search(/\s/);
  if (ws >= 0) return `whitespace at position ${ws + 1} is not allowed`;

  let epoch = 0;
  let rest = text;
  const colon = text.indexOf(':');
  if (colon >= 0) {
    const e = text.slice(0, colon);
    if (e === '') return 'the epoch before ":" is empty';
    const bad = [...e].findIndex((c) => !isDigit(c.charCodeAt(0)));
    if (bad >= 0) return `the epoch "${e}" must be an unsigned integer ("${e[bad]}" at position ${bad + 1})`;
    epoch = Number(e);
    if (epoch > MAX_EPOCH) return `the epoch ${e} is too big (dpkg allows at most ${MAX_EPOCH})`;
    rest = text.slice(colon + 1);
    if (rest === '') return 'nothing follows the epoch';
  }
  const offset = text.length - rest.length;

  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  if (upstream === '') return 'the upstream version is empty';
  if (hyphen >= 0 && revision === '') return 'the revision after the last "-" is empty';

  if (!isDigit(upstream.charCodeAt(0))) {
    return `the upstream version "${upstream}" must start with a digit, not "${upstream[0]}"`;
  }
  for (let i = 0; i < upstream.length; i++) {
    const c = upstream.charCodeAt(i);
    if (isAlnum(c) || c === 46 /* . */ || c === 43 /* + */ || c === 126 /* ~ */ || c === 45 /* - */) continue;
    const why = upstream[i] === ':' ? ' (only one epoch, before the first ":", is allowed)' : '';
    return `"${upstream[i]}" at position ${offset + i + 1} is not allowed in the upstream version${why}; use letters, digits and . + ~ -`;
  }
  for (let i = 0; i < revision.length; i++) {
    const c = revision.charCodeAt(i);
    if (isAlnum(c) || c === 46 || c === 43 || c === 126) continue;
    return `"${revision[i]}" at position ${offset + hyphen + 2 + i} is not allowed in the revision; use letters, digits and . + ~`;
  }
  return { epoch, upstream, revision };
}

/** Compare two Debian versions exactly as `dpkg --compare-versions` does. */
export function compareVersions(a: string | DebianVersion, b: string | DebianVersion): -1 | 0 | 1 {
  const va = typeof a === 'string' ? parseVersion(a) : a;
  const vb = typeof b === 'string' ? parseVersion(b) : b;
  if (va.epoch !== vb.epoch) return va.epoch < vb.epoch ? -1 : 1;
  return compareFragment(va.upstream, vb.upstream) || compareFragment(va.revision, vb.revision);
}

/** dpkg's character order in non-digit runs: `~` < end of string < letters < everything else. */
function order(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}

/** dpkg's verrevcmp over one part (upstream or revision), without converting digit runs to numbers. */
export function compareFragment(a: string, b: string): -1 | 0 | 1 {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const ac = order(a, i);
      const bc = order(b, j);
      if (ac !== bc) return ac < bc ? -1 : 1;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 48) i++;
    while (b.charCodeAt(j) === 48) j++;
    let firstDiff = 0;
    while (isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    // The longer run (leading zeros already skipped) is the bigger number.
    if (isDigit(a.charCodeAt(i))) return 1;
    if (isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff) return firstDiff < 0 ? -1 : 1;
  }
  return 0;
}
