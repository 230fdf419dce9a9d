/**
 * lintian's table-driven expressions (maintainer-script commands, section by package name, bad
 * homepages) are mostly `X.*Y` with nothing anchoring them, and V8 runs those in time quadratic
 * in the length of a text that repeats X: every X starts a scan to the end of the line (a 240 KB
 * line of `invoke-rc.d`: 17 s; V8's fallback on excessive backtracking, linear-fallback.ts, does
 * not see such scans). V8's linear-time engine (the `l` flag) runs them in time proportional to
 * the text, but some 50 times slower per character than the backtracking one on usual lines.
 *
 * A bounded pattern runs the backtracking engine on texts up to LONG characters, where even a
 * cubic expression costs microseconds, and the linear one on longer texts (compiled on the first
 * such text). Both give the same matches: that is the linear engine's contract, and the tables'
 * tests check it on each row. Expressions with lookarounds, which that engine cannot run, take a
 * hand-written linear form for long texts instead.
 */
import { setV8Flag } from './v8-flags.js';

/** What the checks use of an expression. */
export interface TextPattern {
  readonly source: string;
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
}

/** Longest text given to the backtracking engine. */
export const LONG = 256;

/** `source` compiled for V8's linear-time engine; throws if that engine cannot run it. */
export function linearRegExp(source: string, flags = ''): RegExp {
  setV8Flag('enable-experimental-regexp-engine', true);
  try {
    return new RegExp(source, `${flags}l`);
  } finally {
    setV8Flag('enable-experimental-regexp-engine', false);
  }
}

/**
 * `longForm` replaces the linear engine for long texts: a function, or 'as-is' for an expression
 * the linear engine cannot run that backtracks in linear time already (anchored at the start, its
 * lookaheads reading stretches that do not overlap).
 */
export function boundedPattern(source: string, flags = '', longForm?: ((text: string) => RegExpExecArray | null) | 'as-is'): TextPattern {
  const short = new RegExp(source, flags);
  let linear: RegExp | undefined;
  const long =
    longForm === 'as-is' ? (text: string) => short.exec(text) : (longForm ?? ((text: string) => (linear ??= linearRegExp(source, flags)).exec(text)));
  const exec = (text: string) => (text.length <= LONG ? short.exec(text) : long(text));
  return { source, exec, test: (text) => exec(text) !== null };
}

/** A match found without a RegExp, shaped like one (`groups` as given, the rest undefined). */
export function matchAt(input: string, index: number, groups: string[]): RegExpExecArray {
  return Object.assign(groups, { index, input, groups: undefined }) as RegExpExecArray;
}
