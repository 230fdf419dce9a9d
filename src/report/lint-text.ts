/**
 * lintian's text output: `E: pkg: tag context`, overridden findings as `O:` behind the comment
 * that justifies them (`N: `, wrapped like lintian at 80 columns), non-printable characters shown
 * as `?`.
 */
import type { LintRun } from '../lint/engine.js';
import { findingCode } from '../lint/severity.js';
import { selectRows, type DisplayOptions } from './lint-select.js';
import { pieceWriter } from './write-pieces.js';

export interface TextOptions extends DisplayOptions {
  /** Colour tag names as lintian does on a terminal. */
  color?: boolean;
}

/** lintian's colours (Term::ANSIColor names in EWI.pm) as SGR codes. */
const COLORS: Record<string, string> = { E: '97;101', W: '30;103', I: '97;104', P: '97;42', X: '97;43', C: '97;105', O: '97;100' };

export function writeLintText(run: LintRun, out: NodeJS.WritableStream, opts: TextOptions = {}): void {
  const w = pieceWriter(out);
  for (const { finding: f, overridden } of selectRows(run, opts)) {
    const code = overridden ? 'O' : findingCode(f);
    if (overridden?.justification) w.add(wrapComment(overridden.justification));
    const tag = opts.color ? `\x1b[${COLORS[code]}m${f.tag}\x1b[0m` : f.tag;
    w.add(`${code}: ${f.package}: ${tag}${f.context ? ` ${printable(f.context)}` : ''}\n`);
  }
  w.end();
}

/** lintian's _quote_print: what Perl does not consider printable becomes `?`. */
export function printable(s: string): string {
  return s.replace(/[\p{Cc}\p{Cs}\p{Cn}\u2028\u2029]/gu, '?');
}

/** Text::Wrap as lintian uses it: `N: ` lines of at most 76 characters, long words left whole. */
export function wrapComment(text: string, width = 76): string {
  const prefix = 'N: ';
  let out = '';
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      out += `${prefix}${line}\n`;
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? `${out}${prefix}${line}\n` : out;
}
