/**
 * lintian's script/syntax check: `/bin/dash -n` on every script whose interpreter is sh and
 * `/bin/bash -n` on every bash one, maintainer scripts and installed files alike (but those lintian
 * takes for documentation, patches and templates), through the run's ShellSyntax. A script that
 * re-executes itself under another interpreter (`exec wish "$0" "$@"` in its first lines) is not
 * a shell script at all and is left alone, by lintian's own heuristic. An sh script made only of
 * constructs sh-grammar.ts knows (most maintainer scripts) needs no dash: starting one costs a
 * small package's lint a tenth of its time.
 */
import { boundedPattern, type TextPattern } from '../../bounded-pattern.js';
import { pointed } from '../../hint-text.js';
import { PERL_BYTE_SPACE as S, PERL_BYTE_WORD as W } from '../../perl-regex.js';
import { tagMaker } from '../../tag.js';
import type { Check, LintFile } from '../../types.js';
import { bytesOf } from '../files/text.js';
import { interpreterName } from './hashbang.js';
import { physicalLines } from './lines.js';
import { certainlyValidSh } from './sh-grammar.js';

const tag = tagMaker('script/syntax');
const FIX = 'fix the script until `sh -n` (dash) or `bash -n` accepts it';

const DASH = '/bin/dash';
/** The shell that judges a script, by its interpreter's last path segment (a Map: `#!/x/constructor` is no key). */
const CHECKERS = new Map([
  ['sh', DASH],
  ['bash', '/bin/bash'],
]);

/** Lines of a script lintian reads for signs that it is not really a shell script. */
const MAXIMUM_LINES_ANALYZED = 54;

// lintian's expressions for a script that hands itself to another interpreter, for text read as
// bytes (perl-regex.ts). Perl's `\b` before a word is written as a character that is not one (or
// the start), which finds the same lines; the optional tail of the first is dropped, which does not
// change whether a line matches. Compiled per name that `$0` was copied into (`0` by default).
const START = `(?:^[${S}]*|(?:^|[^${W}])eval[${S}]*['"]|(?:;|&&|(?:^|[^${W}])(?:then|else))[${S}]*)`;
const reExec = (name: string) => `${START}exec[${S}]*[^\\n]+[${S}]*[^\\n]?\\$${name}`;
const backgrounded = (name: string) =>
  `[^${S}]+[${S}]+[^\\n]?\\$${name}[^\\n]?[${S}]*(?:--[${S}]*)?[^\\n]?(?:\\$[{]1:?\\+[^\\n]?)?(?:\\$[@*])?[^\\n]?[${S}]*&`;
const EXEC_TRUE = boundedPattern(`${START}exec[${S}]+true(?:[${S}]|$)`);
const COPIES_ZERO = new RegExp(`^[${S}]*([${W}]+)=\\$0;`);

const byName = new Map<string, { reExec: TextPattern; backgrounded: TextPattern }>();
function patternsFor(name: string) {
  let p = byName.get(name);
  if (!p) byName.set(name, (p = { reExec: boundedPattern(reExec(name)), backgrounded: boundedPattern(backgrounded(name)) }));
  return p;
}

/** lintian's script_looks_dangerous on a script read as bytes (Latin-1). */
export function looksDangerous(text: string): boolean {
  let name = '0';
  let background = false;
  const lines = physicalLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#') || line === '') continue;
    if (i + 1 >= MAXIMUM_LINES_ANALYZED) break;
    const p = patternsFor(name);
    if (p.reExec.test(line)) return true;
    const copy = COPIES_ZERO.exec(line);
    if (copy) name = copy[1]!;
    else if (p.backgrounded.test(line)) background = true;
    else if (background && EXEC_TRUE.test(line)) return true;
  }
  return false;
}

/** The shell that judges a `#!` script run by sh or bash, or undefined. */
function checkerOf(head: Buffer, size: number): string | undefined {
  const name = interpreterName(head, size);
  return name === undefined ? undefined : CHECKERS.get(name);
}

const EXAMPLE = /^usr\/share\/doc\/[^/]+\/examples\//;

/** Installed files lintian leaves unchecked: documentation and sources, patches and templates. */
function skipped(file: LintFile): boolean {
  if ((file.name.startsWith('usr/share/doc/') || file.name.startsWith('usr/src/')) && !EXAMPLE.test(file.name)) return true;
  return file.name.endsWith('.dpatch') || file.name.endsWith('.erb');
}

export const syntaxCheck: Check = {
  name: 'script/syntax',
  tags: [
    tag('maintainer-shell-script-fails-syntax-check', 'error', 'A maintainer script is not valid for its shell: dpkg would fail to run it.', FIX),
    tag('shell-script-fails-syntax-check', 'error', 'A shell script the package installs is not valid for its shell.', FIX),
    tag('example-shell-script-fails-syntax-check', 'pedantic', 'An example shell script is not valid for its shell.', FIX),
  ],
  wantsContent: ({ head, size }) => checkerOf(head, size) !== undefined,
  async run({ pkg, report, shells }) {
    const asked: Array<Promise<void>> = [];
    const ask = (checker: string, bytes: Buffer, found: () => void) => {
      const text = bytes.toString('latin1');
      // Scripts of the common constructs are read here; dash and bash judge the rest. Whether a
      // rejected script is a shell script at all is asked last, as it only matters then.
      if (checker === DASH && certainlyValidSh(text)) return;
      asked.push(shells.fails(checker, bytes).then((fails) => (fails && !looksDangerous(text) ? found() : undefined)));
    };
    for (const m of pkg.controlMembers.values()) {
      const checker = checkerOf(m.bytes, m.size);
      if (checker) ask(checker, m.bytes, () => report('maintainer-shell-script-fails-syntax-check', pointed(m.name)));
    }
    for (const file of pkg.files) {
      if (file.type !== 'file' || !file.head || skipped(file)) continue;
      const checker = checkerOf(file.head, file.size);
      const bytes = checker && bytesOf(file);
      if (!checker || !bytes) continue;
      const name = EXAMPLE.test(file.name) ? 'example-shell-script-fails-syntax-check' : 'shell-script-fails-syntax-check';
      ask(checker, bytes, () => report(name, pointed(file.name)));
    }
    await Promise.all(asked);
  },
};
