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
    // An override without comments of its own shares the justification of the one above for the same tag.
    if (!justification && previous && tag === previous.tag) justification = previous.justification;
    const current: Override = { ...(named ? { package: named } : {}), tag, architectures, pattern, justification: justification.replace(/\s+/g, ' '), source, line: lineNo };
    overrides.push(current);
    previous = current;
    justification = '';
  }
  return { overrides, errors };
}

/**
 * lintian's match_glob with Regexp::Wildcards' `jokers`: `*` any text, `?` one character, `\\`
 * escapes; the whole context must match, and `*` and `?` stop at line ends, as Perl's `.` does.
 * lintian builds a regular expression; an override file is the package's, and `*a*a*a…b` would
 * backtrack for hours in V8 on a context of a's, so the pattern runs as an automaton here: one pass
 * over the context's characters, keeping the set of pattern positions reached.
 */
export function contextMatcher(pattern: string): (context: string) => boolean {
  const tokens: GlobToken[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\' && i + 1 < chars.length) tokens.push(chars[++i]!);
    else tokens.push(c === '*' ? STAR : c === '?' ? ONE : c);
  }
  return (context) => globMatches(tokens, context);
}

/** A character to match, or a joker. */
type GlobToken = string | typeof STAR | typeof ONE;
const STAR = Symbol('*');
const ONE = Symbol('?');


function globMatches(tokens: readonly GlobToken[], context: string): boolean {
  const m = tokens.length;
  let reached = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  // A star matches the empty text too: reaching it reaches what follows it.
  const close = (set: Uint8Array) => {
    for (let i = 0; i < m; i++) if (set[i] && tokens[i] === STAR) set[i + 1] = 1;
  };
  reached[0] = 1;
  close(reached);
  for (const c of context) {
    next.fill(0);
    let any = false;
    const joker = !isLineEnd(c);
    for (let i = 0; i < m; i++) {
      if (!reached[i]) continue;
      const t = tokens[i];
      const to = t === STAR ? (joker ? i : -1) : (t === ONE ? joker : t === c) ? i + 1 : -1;
      if (to >= 0) {
        next[to] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    [reached, next] = [next, reached];
  }
  return reached[m] === 1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
