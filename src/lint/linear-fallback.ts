/**
 * The checks run lintian's regular expressions, written for Perl, on text a package controls. V8
 * has no guard against backtracking, and some of them backtrack exponentially in it: lintian's
 * $LEADING_PATTERN on `env A="x" A="x" …` (two ways to read each quoted value), the `set -e` test
 * on `set -a -a -a …`. Forty repetitions run for hours.
 *
 * V8 carries a second, linear-time engine (an automaton, not a backtracker) and, behind a flag,
 * falls back to it for any expression that backtracks more than 50,000 times, restarting the
 * match there: the same result, time linear in the text (some 2.7 s for a pathological 60 KB
 * line, as the automaton is slow). It does not see the quadratic scans of `X.*Y` from every X,
 * which backtrack little per scan: bounded-pattern.ts deals with those. Expressions that engine
 * cannot run (lookarounds, back-references, the `i` and `u` flags) keep backtracking; those found
 * to backtrack badly on package text have linear forms of their own (linear-text.ts,
 * relation.ts, checks/scripts/long-line-forms.ts and the checks' own).
 *
 * The flag is on only while a lint runs: V8 puts its flags into the fingerprint of every code
 * cache, so with it on, Node's caches of its own modules and debship's would be refused. Setting
 * it at run time (not on the command line) keeps the start of the process unchanged.
 */
import { setV8Flag } from './v8-flags.js';

const FLAG = 'enable-experimental-regexp-engine-on-excessive-backtracks';

let active = 0;

/** Runs `work` with the fallback on; nested and concurrent calls share it. */
export async function withLinearFallback<T>(work: () => Promise<T>): Promise<T> {
  if (active++ === 0) setV8Flag(FLAG, true);
  try {
    return await work();
  } finally {
    if (--active === 0) setV8Flag(FLAG, false);
  }
}
