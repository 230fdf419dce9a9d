/**
 * lintian's shell/non-posix/bash-centric check: features of bash (or ksh) in scripts that run
 * under /bin/sh, where Debian's shell is dash and they fail or mean something else. Maintainer
 * scripts get `possible-bashism-in-maintainer-script`, installed scripts `bash-term-in-posix-shell`.
 *
 * lintian reads each script as bytes, one logical line at a time (comments removed, continued
 * lines joined, up to a line that starts with `exec`), and tries its three lists of expressions:
 * the first on the line as it is, the second once single-quoted strings are emptied, the third
 * once double-quoted ones are too. What an expression found is then taken from the line as it is.
 * The expressions are lintian 2.116's, from Perl (perl-regex.ts); each carries texts one of which
 * every match contains, so a line without them is not searched (and the expression is not
 * compiled for a script that never has them).
 */
import { pointedAt } from '../../hint-text.js';
import { boundedPattern, matchAt, type TextPattern } from '../../bounded-pattern.js';
import { fromPerl, PERL_BYTE_SPACE } from '../../perl-regex.js';
import { tagMaker } from '../../tag.js';
import type { Check } from '../../types.js';
import { bytesOf } from '../files/text.js';
import { interpreterName } from '../scripts/hashbang.js';
import { logicalLines } from '../scripts/lines.js';

const tag = tagMaker('shell/non-posix/bash-centric');
const FIX = 'write it for POSIX sh (`=` in tests, `.` for source, no arrays or `[[ ]]`…), or start the script with `#!/bin/bash`';

export const MAINTAINER_TAG = 'possible-bashism-in-maintainer-script';
export const INSTALLED_TAG = 'bash-term-in-posix-shell';

/** An expression of lintian's lists, and texts one of which every one of its matches contains. */
export interface Bashism {
  pattern: TextPattern;
  literals: readonly string[];
}

/** lintian's $LEADING_PATTERN: where a command starts in a shell line. */
const LEADING = String.raw`(?:(?:^|[${'`'}&;(|{])\s*|(?:if|then|do|while|!)\s+|env(?:\s+[[:alnum:]_]+=(?:\S+|\"[^"]*\"|\'[^\']*\'))*\s+)`;

type Literals = string | readonly string[];

/** Translated and compiled on first use: most scripts meet few of the 66 expressions. */
function bashism(literals: Literals, perl: string, longForm?: Parameters<typeof boundedPattern>[2]): Bashism {
  let pattern: TextPattern | undefined;
  return {
    literals: typeof literals === 'string' ? [literals] : literals,
    get pattern() {
      return (pattern ??= boundedPattern(fromPerl(perl), '', longForm));
    },
  };
}
/** One of lintian's `$LEADING_REGEX . qr/…/` expressions. */
const command = (literals: Literals, perl: string) => bashism(literals, `(?:${LEADING})(?:${perl})`);
/** Expressions whose lookarounds only ever read one character each side: linear as they are. */
const asIs = (literals: Literals, perl: string) => bashism(literals, perl, 'as-is');

/** Tried on the line as it is. */
export const SINGLE_QUOTE_BASHISMS: Bashism[] = [
  // unsafe echo with backslashes
  command('echo', String.raw`echo\s+(?:-[^e\s]+\s+)?\'[^\']*(\\[abcEfnrtv0])+.*?[\']`),
  // should be '.', not 'source'
  command('source', String.raw`source\s+[\"\']?(?:\.\/|[\/\$\w~.-])\S*`),
];

/** Tried once single-quoted strings are emptied. */
export const STRING_BASHISMS: Bashism[] = [
  bashism('$[', String.raw`\$\[\w+\]`), // arith not allowed
  bashism('${', String.raw`\$\{\w+\:\d+(?::\d+)?\}`), // ${foo:3[:1]}
  bashism('${', String.raw`\$\{\w+(\/.+?){1,2}\}`), // ${parm/?/pat[/str]}
  bashism('${', String.raw`\$\{\#?\w+\[[0-9\*\@]+\]\}`), // bash arrays, ${name[0|*|@]}
  bashism('${!', String.raw`\$\{!\w+[\@*]\}`), // ${!prefix[*|@]}
  bashism('${!', String.raw`\$\{!\w+\}`), // ${!name}
  bashism('<', String.raw`(\$\(|\`)\s*\<\s*\S+\s*([\)\`])`), // $(\< foo) should be $(cat foo)
  asIs('RANDOM', String.raw`\$\{?RANDOM\}?\b`),
  asIs('TYPE', String.raw`\$\{?(OS|MACH)TYPE\}?\b`),
  asIs('HOST', String.raw`\$\{?HOST(TYPE|NAME)\}?\b`),
  asIs('DIRSTACK', String.raw`\$\{?DIRSTACK\}?\b`),
  asIs('EUID', String.raw`\$\{?EUID\}?\b`), // should be "id -u"
  asIs('UID', String.raw`\$\{?UID\}?\b`), // should be "id -ru"
  asIs('SECONDS', String.raw`\$\{?SECONDS\}?\b`),
  asIs('BASH_', String.raw`\$\{?BASH_[A-Z]+\}?\b`),
  asIs('SHELLOPTS', String.raw`\$\{?SHELLOPTS\}?\b`),
  asIs('PIPESTATUS', String.raw`\$\{?PIPESTATUS\}?\b`),
  asIs('SHLVL', String.raw`\$\{?SHLVL\}?\b`),
  bashism('<<<', '<<<'), // here string
  // unsafe echo with backslashes
  command('echo', String.raw`echo\s+(?:-[^e\s]+\s+)?\"[^\"]*(\\[abcEfnrtv0])+.*?[\"]`),
];

/**
 * lintian's `(?<![\$\(])\(\(.*\)\)` on a long line, in linear time: V8 would scan to the end from
 * every `((`. The match runs from the first `((` not after `$` or `(` to the last `))` beyond it.
 */
function doubleParenthesesLong(text: string): RegExpExecArray | null {
  const close = text.lastIndexOf('))');
  for (let open = text.indexOf('(('); open >= 0 && open + 2 <= close; open = text.indexOf('((', open + 1)) {
    const before = text[open - 1];
    if (before !== '$' && before !== '(') return matchAt(text, open, [text.slice(open, close + 2)]);
  }
  return null;
}

/** Tried once double-quoted strings are emptied too. */
export const BASHISMS: Bashism[] = [
  bashism('function ', String.raw`(?:^|\s+)function \w+(\s|\(|\Z)`), // function is useless
  bashism('==', String.raw`(test|-o|-a)\s*[^\s]+\s+==\s`), // should be 'b = a'
  bashism('==', String.raw`\[\s+[^\]]+\s+==\s`), // should be 'b = a'
  bashism('|&', String.raw`\s(\|\&)`), // pipelining is not POSIX
  bashism(',', String.raw`[^\\\$]\{(?:[^\s\\\}]*?,)+[^\\\}\s]*\}`), // brace expansion
  bashism(']=', String.raw`(?:^|\s+)\w+\[\d+\]=`), // bash arrays, H[0]
  command('read', String.raw`read\s+(?:-[a-qs-zA-Z\d-]+)`), // read with option other than -r
  command('read', String.raw`read\s*(?:-\w+\s*)*(?:\".*?\"|[\'].*?[\'])?\s*(?:;|$)`), // read without variable
  bashism('&>', String.raw`\&>`), // cshism
  bashism(['<&', '>&'], String.raw`(<\&|>\&)\s*((-|\d+)[^\s;|)${'`'}&\\\\]|[^-\d\s]+)`), // should be >word 2>&1
  asIs('[[', String.raw`\[\[(?!:)`), // alternative test command
  command('select', String.raw`select\s+\w+`), // 'select' is not POSIX
  command('echo', String.raw`echo\s+(-n\s+)?-n?en?`), // echo -e
  command('exec', String.raw`exec\s+-[acl]`), // exec -c/-l/-a name
  bashism('let', String.raw`(?:^|\s+)let\s`), // let ...
  bashism('((', String.raw`(?<![\$\(])\(\(.*\)\)`, doubleParenthesesLong), // '((' should be '$(('
  bashism('$[', String.raw`\$\[[^][]+\]`), // '$[' should be '$(('
  bashism('-a', String.raw`(\[|test)\s+-a`), // test with unary -a (should be -e)
  bashism(['/dev/tcp', '/dev/udp'], String.raw`/dev/(tcp|udp)`), // /dev/(tcp|udp)
  command('+=', String.raw`\w+\+=`), // should be "VAR="${VAR}foo"
  command('suspend', String.raw`suspend\s`),
  command('caller', String.raw`caller\s`),
  command('complete', String.raw`complete\s`),
  command('compgen', String.raw`compgen\s`),
  command('declare', String.raw`declare\s`),
  command('typeset', String.raw`typeset\s`),
  command('disown', String.raw`disown\s`),
  command('builtin', String.raw`builtin\s`),
  command(['-B', '-H', '-T'], String.raw`set\s+-[BHT]+`), // set -[BHT]
  command('alias', String.raw`alias\s+-p`), // alias -p
  command('unalias', String.raw`unalias\s+-a`), // unalias -a
  command('local', String.raw`local\s+-[a-zA-Z]+`), // local -opt
  // function names should only contain [a-z0-9_]
  bashism('()', String.raw`(?:^|\s+)\s*\(?\w*[^\(\w\s]+\S*?\s*\(\)\s*([\{|\(]|\Z)`),
  command(['pushd', 'popd'], String.raw`(push|pop)d(\s|\Z)`), // (push|pod)d
  command('export', String.raw`export\s+-[^p]`), // export only takes -p as an option
  command('ulimit', String.raw`ulimit(\s|\Z)`),
  command('shopt', String.raw`shopt(\s|\Z)`),
  command('time', String.raw`time\s`),
  command('dirs', String.raw`dirs(\s|\Z)`),
  bashism(['<(', '>('], String.raw`(?:^|\s+)[<>]\(.*?\)`), // <() process substitution
  bashism('readonly', String.raw`(?:^|\s+)readonly\s+-[af]`), // readonly -[af]
  command(['sh -', 'SHELL -', 'SHELL} -'], String.raw`(sh|\$\{?SHELL\}?) -[rD]`), // sh -[rD]
  command(['sh --', 'SHELL --', 'SHELL} --'], String.raw`(sh|\$\{?SHELL\}?) --\w+`), // sh --long-option
  command([' -O', ' +O'], String.raw`(sh|\$\{?SHELL\}?) [-+]O`), // sh [-+]O
];

const literalSearches = new Map<Bashism[], RegExp>();
/** An expression finding any of the texts of a list's expressions. */
function anyLiteral(list: Bashism[]): RegExp {
  let re = literalSearches.get(list);
  if (!re) {
    const texts = [...new Set(list.flatMap((b) => b.literals))];
    literalSearches.set(list, (re = new RegExp(texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'))));
  }
  return re;
}

const SPACE = new RegExp(`[${PERL_BYTE_SPACE}]`);
const NOT_PRINTABLE = /[\x00-\x1f\x7f-\x9f]/;
// `. "file"` with nothing after it but a redirection or the end, which dash reads the same.
const DOT_QUOTED = new RegExp(fromPerl(String.raw`\A\s*\.\s+(?:\"[^\"]+\"|\'[^\']+\')\s*(?:[\&\|<;]|\d?>|\Z)`));
const DOT_COMMAND = new RegExp(fromPerl(String.raw`^\s*(\.\s+[^\s;\`:]+\s+([^\s;]+))`));
const EXEC = new RegExp(fromPerl(String.raw`^exec\s`));

/** Perl's `s/^\s+|\s+$//g`, in linear time (a long run of blanks inside the text stays). */
function trimPerlSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** What lintian's check_line finds on one logical line: the matched texts, trimmed, first of each. */
export function bashismsOnLine(line: string): string[] {
  const matches: string[] = [];
  // `. file args`: dash's `.` takes no arguments.
  if (line.includes('.') && !DOT_QUOTED.test(line)) {
    const dot = DOT_COMMAND.exec(line);
    if (dot && dot[1] !== '' && !/^&|\||<|[0-9]?>/.test(dot[2]!)) matches.push(dot[1]!);
  }
  const tryAll = (list: Bashism[], modified: string) => {
    // Most lines hold none of a list's texts: one search says so for all of them.
    if (!anyLiteral(list).test(modified)) return;
    for (const { literals, pattern } of list) {
      if (!literals.some((l) => modified.includes(l)) || !pattern.test(modified)) continue;
      // What is reported comes from the line as it is, where the expression may find nothing.
      const found = pattern.exec(line)?.[0];
      if (found) matches.push(found);
    }
  };
  tryAll(SINGLE_QUOTE_BASHISMS, line);
  // Quoted quotes go first, then single-quoted strings: an argument to grep is not shell.
  let modified = line;
  if (modified.includes("'")) {
    modified = modified
      .replace(/(^|[^\\'"])"'"/g, '$1')
      .replace(/(^|[^\\'"])'"'/g, '$1')
      .replace(/(^|[^\\"](?:\\\\)*)'(?:\\[^\n]|[^\\'])+'/g, "$1''");
  }
  tryAll(STRING_BASHISMS, modified);
  if (modified.includes('"')) modified = modified.replace(/(^|[^\\'](?:\\\\)*)"(?:\\[^\n]|[^\\"])+"/g, '$1""');
  tryAll(BASHISMS, modified);
  return [...new Set(matches.map(trimPerlSpace).filter((m) => m !== ''))];
}

/** How lintian prints a match: quoted, or as hex code points joined by dots when it holds a control character. */
export function printable(match: string): string {
  if (!NOT_PRINTABLE.test(match)) return `'${match}'`;
  return `{hex:${[...match].map((c) => c.codePointAt(0)!.toString(16).toUpperCase()).join('.')}}`;
}

/** A bashism found: the physical line completing its logical line, and the match as lintian prints it. */
export interface FoundBashism {
  position: number;
  printable: string;
}

/** Every bashism of a script read as bytes (Latin-1), as lintian's check_bash_centric finds them. */
export function findBashisms(text: string): FoundBashism[] {
  const found: FoundBashism[] = [];
  for (const { line, position } of logicalLines(text)) {
    // An `exec` hands the rest of the file to another interpreter (tclsh scripts start so).
    if (EXEC.test(line)) break;
    for (const match of bashismsOnLine(line)) found.push({ position, printable: printable(match) });
  }
  return found;
}

/** A `#!` script whose interpreter is sh, by that interpreter's last path segment. */
const runsUnderSh = (head: Buffer, size: number): boolean => interpreterName(head, size) === 'sh';

export const bashCentricCheck: Check = {
  name: 'shell/non-posix/bash-centric',
  tags: [
    tag(MAINTAINER_TAG, 'warning', 'A maintainer script that runs under /bin/sh uses a feature of bash that dash, Debian’s /bin/sh, does not have.', FIX),
    tag(INSTALLED_TAG, 'info', 'A script that runs under /bin/sh uses a feature of bash that dash, Debian’s /bin/sh, does not have.', FIX),
  ],
  wantsContent: ({ head, size }) => runsUnderSh(head, size),
  run({ pkg, report }) {
    for (const m of pkg.controlMembers.values()) {
      if (!runsUnderSh(m.bytes, m.size)) continue;
      for (const b of findBashisms(m.bytes.toString('latin1'))) report(MAINTAINER_TAG, pointedAt(m.name, b.position, b.printable));
    }
    for (const file of pkg.files) {
      if (file.type !== 'file' || !file.head || !runsUnderSh(file.head, file.size)) continue;
      const bytes = bytesOf(file);
      if (!bytes) continue;
      for (const b of findBashisms(bytes.toString('latin1'))) report(INSTALLED_TAG, pointedAt(file.name, b.position, b.printable));
    }
  },
};
