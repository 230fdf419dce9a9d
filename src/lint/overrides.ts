/**
 * lintian overrides: `[[pkg][ [archlist]][ type]: ]tag[ [*]context[*]]`, one per line, read exactly
 * as lintian 2.116 reads them (Lintian::Processable::Overrides): whitespace collapsed, `#` lines
 * form the justification of the override below them (a blank line resets it), a package, an
 * architecture list or a type prefix requires the colon, and the context is a glob where `*` is
 * any text and `?` one character.
 */
import { isLineEnd } from './linear-text.js';

export interface Override {
  /** The package the override is limited to, when a shared overrides file names one. */
  package?: string;
  /** The tag as written, possibly one of lintian's older names. */
  tag: string;
  /** Architecture restrictions as written (`amd64`, `!i386`, `linux-any`); empty for all. */
  architectures: string[];
  /** The context pattern; empty matches every context. */
  pattern: string;
  /** The comment block above the override. */
  justification: string;
  /** Where it was written, as lintian names it (`usr/share/lintian/overrides/foo`), and the 1-based line. */
  source: string;
  line: number;
}

export interface OverrideError {
  message: string;
  source: string;
  line: number;
}

export interface ParsedOverrides {
  overrides: Override[];
  errors: OverrideError[];
}

/**
 * Parses an overrides file. With `pkg`, it is that package's own file (lintian type `binary`): a
 * prefix naming another package is not recognised, exactly as in lintian, and the line reads as an
 * unknown tag. Without, it is a file shared by several packages (`--overrides`): a prefix names
 * the package an override is limited to.
 */
export function parseOverrides(text: string, pkg: string | undefined, source: string): ParsedOverrides {
  const overrides: Override[] = [];
  const errors: OverrideError[] = [];
  let justification = '';
  let previous: Override | undefined;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    const lineNo = index + 1;
    let rest = line.trim();
    if (rest === '') {
      justification = '';
      previous = undefined;
      continue;
    }
    if (rest.startsWith('#')) {
      const comment = rest.replace(/^#\s*/, '');
      if (comment) justification += (justification ? ' ' : '') + comment;
      continue;
    }
    rest = rest.replace(/\s+/g, ' ');
    let named: string | undefined;
    if (pkg === undefined) {
      // Only a prefix that ends in a colon names a package; otherwise the line is `tag context`.
      const prefix = /^([a-z0-9][a-z0-9+.-]+)(?= ?(?:\[[^\]]*\] ?)?(?:binary ?)?:)/.exec(rest);
      if (prefix && prefix[1] !== 'binary') {
        named = prefix[1]!;
        rest = rest.slice(named.length).replace(/^\s+/, '');
      }
    }
    let requireColon = named !== undefined;
    let architectures: string[] = [];
    const take = (prefix: RegExp): RegExpExecArray | null => {
      const m = prefix.exec(rest);
      if (m) {
        rest = rest.slice(m[0].length).replace(/^\s+/, '');
        requireColon = true;
      }
      return m;
    };
    if (pkg !== undefined) take(new RegExp(`^${escapeRegExp(pkg)}(?=\\s|:)`));
    const archs = take(/^\[([^\]]*)\](?=\s|:)/);
    if (archs) architectures = archs[1]!.split(' ').filter(Boolean);
    take(/^binary(?=\s|:)/);
    if (requireColon) {
      const colon = /^\s*:\s*/.exec(rest);
      if (!colon) {
        errors.push({ message: 'Expected a colon', source, line: lineNo });
        continue;
      }
      rest = rest.slice(colon[0].length);
    }
    const space = rest.indexOf(' ');
    const tag = space < 0 ? rest : rest.slice(0, space);
    const pattern = space < 0 ? '' : rest.slice(space + 1);
    if (!tag) {
      errors.push({ message: `Cannot parse line: ${line}`, source, line: lineNo });
      continue;
    }
    // An override without comments of its own shares the justification of the one above for the same
    // tag; that one is already collapsed, and collapsing it again on every line would be quadratic.
    const shared = !justification && previous?.tag === tag ? previous.justification : justification.replace(/\s+/g, ' ');
    const current: Override = { ...(named ? { package: named } : {}), tag, architectures, pattern, justification: shared, source, line: lineNo };
    overrides.push(current);
    previous = current;
    justification = '';
  }
  return { overrides, errors };
}

/**
 * lintian's match_glob with Regexp::Wildcards' `jokers`: `*` any text, `?` one character, `\\`
 * escapes; the whole context must match, and `*` and `?` stop at line ends (lintian's expression
 * runs in JavaScript here, where `.` stops at `\r`, U+2028 and U+2029 too). An override file is the
 * package's, and as an expression `*a*a*a…b` would backtrack for hours in V8 on a context of a's,
 * so the glob is matched piece by piece instead (see globMatches).
 */
export function contextMatcher(pattern: string): (context: string) => boolean {
  const lines = splitTokenLines(globTokens(pattern));
  return (context) => globMatches(lines, context);
}

/** The one context a pattern without jokers matches (its escapes removed), or undefined. */
export function literalPattern(pattern: string): string | undefined {
  const tokens = globTokens(pattern);
  return tokens.every((t) => typeof t === 'string') ? tokens.join('') : undefined;
}

/** A pattern's characters and jokers, escapes removed and `**` read as `*`. */
function globTokens(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\' && i + 1 < chars.length) tokens.push(chars[++i]!);
    else if (c !== '*' || tokens.at(-1) !== STAR) tokens.push(c === '*' ? STAR : c === '?' ? ONE : c);
  }
  return tokens;
}

/** A character to match, or a joker. */
type GlobToken = string | typeof STAR | typeof ONE;
const STAR = Symbol('*');
const ONE = Symbol('?');

/** A part of a glob between stars: code points to match, -1 for `?`; for plain text, its KMP failure table. */
interface Part {
  chars: Int32Array;
  fail: Int32Array | undefined;
}

function part(codePoints: number[]): Part {
  const chars = Int32Array.from(codePoints);
  if (chars.includes(-1)) return { chars, fail: undefined };
  const fail = new Int32Array(chars.length);
  for (let i = 1, k = 0; i < chars.length; i++) {
    while (k > 0 && chars[i] !== chars[k]) k = fail[k - 1]!;
    if (chars[i] === chars[k]) k++;
    fail[i] = k;
  }
  return { chars, fail };
}

/** A glob split at the line ends it names: for each line, its parts between stars; and the line ends. */
interface GlobLines {
  lines: Part[][];
  ends: string[];
}

function splitTokenLines(tokens: readonly GlobToken[]): GlobLines {
  const lines: Part[][] = [];
  const ends: string[] = [];
  let parts: Part[] = [];
  let codePoints: number[] = [];
  for (const t of tokens) {
    if (t === STAR) {
      parts.push(part(codePoints));
      codePoints = [];
    } else if (t !== ONE && isLineEnd(t)) {
      parts.push(part(codePoints));
      lines.push(parts);
      ends.push(t);
      parts = [];
      codePoints = [];
    } else codePoints.push(t === ONE ? -1 : t.codePointAt(0)!);
  }
  parts.push(part(codePoints));
  lines.push(parts);
  return { lines, ends };
}

/**
 * Jokers match no line end, so the glob's line ends match the context's one for one, in order,
 * and each line of the glob matches the corresponding line of the context. On a line, `*` matches
 * any text: the part before the first `*` is matched at the start, the part after the last at the
 * end, and each part between at its leftmost place after the one before it (a later place never
 * leaves more room). Time: linear in the context for parts of plain text; a part with `?` in it
 * costs up to its length for each place tried.
 */
function globMatches(glob: GlobLines, context: string): boolean {
  const { lines, ends } = splitContext(context);
  return lines.length === glob.lines.length && ends.every((end, i) => glob.ends[i] === end) && glob.lines.every((parts, i) => lineMatches(parts, lines[i]!));
}

/** A context as code points by line, and its line ends. */
interface ContextLines {
  lines: number[][];
  ends: string[];
}

/** The last context split: one finding is matched against every pattern with jokers in turn. */
let lastSplit: { context: string; split: ContextLines } | undefined;

function splitContext(context: string): ContextLines {
  if (lastSplit?.context === context) return lastSplit.split;
  const split: ContextLines = { lines: [[]], ends: [] };
  for (const c of context) {
    if (isLineEnd(c)) {
      split.ends.push(c);
      split.lines.push([]);
    } else split.lines.at(-1)!.push(c.codePointAt(0)!);
  }
  lastSplit = { context, split };
  return split;
}

function lineMatches(parts: readonly Part[], line: readonly number[]): boolean {
  const first = parts[0]!.chars;
  if (parts.length === 1) return first.length === line.length && partAt(first, line, 0);
  const last = parts.at(-1)!.chars;
  const stop = line.length - last.length;
  if (first.length > stop || !partAt(first, line, 0) || !partAt(last, line, stop)) return false;
  let from = first.length;
  for (let p = 1; p < parts.length - 1; p++) {
    const at = findPart(parts[p]!, line, from, stop);
    if (at < 0) return false;
    from = at + parts[p]!.chars.length;
  }
  return true;
}

function partAt(chars: Int32Array, line: readonly number[], at: number): boolean {
  for (let i = 0; i < chars.length; i++) if (chars[i] !== -1 && chars[i] !== line[at + i]) return false;
  return true;
}

/** The leftmost place in [from, stop - part.length] where `part` matches, or -1. */
function findPart({ chars, fail }: Part, line: readonly number[], from: number, stop: number): number {
  if (!fail) {
    for (let at = from; at + chars.length <= stop; at++) if (partAt(chars, line, at)) return at;
    return -1;
  }
  // Plain text: Knuth–Morris–Pratt, so a context of a's and a part of a's then b stays linear.
  if (chars.length === 0) return from <= stop ? from : -1;
  for (let i = from, k = 0; i < stop; i++) {
    while (k > 0 && line[i] !== chars[k]) k = fail[k - 1]!;
    if (line[i] === chars[k]) k++;
    if (k === chars.length) return i - k + 1;
  }
  return -1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
