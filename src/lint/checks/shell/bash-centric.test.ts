import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONG } from '../../bounded-pattern.js';
import { fakePackage, runCheck, withByteFiles } from '../../test-helpers.js';
import { BASHISMS, bashCentricCheck, bashismsOnLine, findBashisms, printable, SINGLE_QUOTE_BASHISMS, STRING_BASHISMS, type FoundBashism } from './bash-centric.js';

const LINTIAN_LIB = '/usr/share/lintian/lib';

/** lintian's check_bash_centric run on each text (written as bytes), with a stand-in for the item and the hint. */
function lintians(texts: string[]): FoundBashism[][] {
  const script = String.raw`
    use strict; use warnings; use JSON::PP;
    use Lintian::Check::Shell::NonPosix::BashCentric;
    package Item { sub is_open_ok { 1 } sub unpacked_path { $_[0]{path} } sub pointer { $_[1] } }
    package Collector {
      our @ISA = ('Lintian::Check::Shell::NonPosix::BashCentric');
      sub pointed_hint { my ($self, $tag, $position, $printable) = @_; push @{$self->{found}}, { position => $position, printable => $printable } }
    }
    my @out;
    for my $path (@{decode_json(join('', <STDIN>))}) {
      my $check = bless { found => [] }, 'Collector';
      $check->check_bash_centric(bless({ path => $path }, 'Item'), 'tag');
      push @out, $check->{found};
    }
    print JSON::PP->new->utf8->canonical->encode(\@out);`;
  return withByteFiles(texts, (files) => {
    const out = execFileSync('perl', ['-I', LINTIAN_LIB, '-e', script], { input: JSON.stringify(files), maxBuffer: 64 << 20 });
    return JSON.parse(out.toString('utf8')) as FoundBashism[][];
  });
}

// Pieces of shell, of lintian's examples and near misses, and characters its expressions treat
// specially: quotes, backslashes, blanks Perl and JavaScript disagree on, Latin-1 letters, controls.
const PIECES = [
  'echo', 'echo -e', 'echo -n', "echo 'a\\n'", 'echo "a\\t"', 'source', 'source ./x', '. ./lib', '. "x"', '. x y', '. x |', 'read', 'read -r x', 'read -p',
  'function', 'function f', 'f()', 'f-g()', 'x()', '{', '}', '{a,b}', '${', '${x}', '${x:1}', '${x/a/b}', '${x[0]}', '${!x}', '${!x*}', '$[', '$[1+1]',
  '$[x]', '$RANDOM', '${RANDOM}', '$OSTYPE', '${MACHTYPE}', '$HOSTNAME', '$HOSTTYPE', '$DIRSTACK', '$UID', '$EUID', '$BASH_VERSION', '$BASH_', '$SHLVL', '$PIPESTATUS', '$SECONDS', '$SHELLOPTS', '<<<', '<', '>', '&>',
  '>&', '2>&1', '>&2', '|&', '|', '&', ';', '[', '[[', ']]', '[[:', ']', '==', '=', 'test', '-a', '-o', '-e', '((', '))', '$((', '(', ')', 'let', 'let x',
  'select x', 'exec', 'exec -a', 'x+=1', 'x[1]=2', 'local -r', 'local', 'declare', 'typeset', 'set -B', 'set -e', 'alias -p', 'unalias -a', 'export -n',
  'export -p', 'pushd', 'popd', 'ulimit', 'shopt', 'time', 'dirs', 'readonly -a', 'sh -r', 'sh --x', 'sh +O', '$SHELL -D', '${SHELL} --norc', 'suspend ',
  'caller ', 'complete ', 'compgen ', 'disown ', 'builtin ', '/dev/tcp', '/dev/udp/x', 'env A=1', 'env A="x y"', "env B='z'", 'if', 'then', 'do', 'while',
  '!', '`', '$(', '$(<', '<(', '>(', 'x', 'ab', '1', '0', '#', '# c', '\\', '\\\\', "'", '"', '"\'"', '\'"\'', "'\\\r'", '"\\\r"', ' ', '  ', '\t', '\r', '\x85', '\xa0',
  '\xe9', '\xc3\xa9', '\x01', '\x7f', '\n', '\\\n',
];

const texts = fc.array(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((a) => a.join(' ')), { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));
const sample = (n: number, seed: number) => fc.sample(texts, { numRuns: n, seed });

describe('bashisms in scripts run by /bin/sh', () => {
  it('finds lintian\'s examples and takes what it reports from the line as written', () => {
    const on = (line: string) => bashismsOnLine(line);
    expect(on('if [ "$x" == y ]; then source foo bar; fi')).toEqual(['then source foo', '[ "$x" ==']);
    expect(on('function start {')).toEqual(['function start']);
    expect(on('. /usr/share/debconf/confmodule arg')).toEqual(['. /usr/share/debconf/confmodule arg']);
    expect(on('. /usr/share/debconf/confmodule')).toEqual([]);
    expect(on('read')).toEqual(['read']);
    expect(on('cp /etc/{a,b} /tmp')).toEqual(['/{a,b}']);
    expect(on("grep -q '[[ x == y ]]' /etc/f")).toEqual([]);
    expect(on('echo "$RANDOM"')).toEqual(['$RANDOM']);
    expect(on('x=$(( 1 + 2 ))')).toEqual([]);
    expect(on('(( x++ ))')).toEqual(['(( x++ ))']);
  });

  it('prints a match with a control character as hex code points', () => {
    expect(printable('read')).toBe("'read'");
    expect(printable('read\tx')).toBe('{hex:72.65.61.64.9.78}');
    expect(printable('caf\xe9')).toBe("'caf\xe9'");
  });

  it('stops at a line starting with exec and reports the line that completes a continued one', () => {
    expect(findBashisms('#!/bin/sh\n[ a == b ] && \\\n  true\nexec tclsh "$0"\n[[ x ]]\n')).toEqual([{ position: 3, printable: "'[ a =='" }]);
  });

  it.runIf(existsSync(LINTIAN_LIB))('agrees with lintian\'s own check on arbitrary scripts', () => {
    const samples = sample(3000, 7);
    const theirs = lintians(samples);
    const found = theirs.reduce((n, f) => n + f.length, 0);
    samples.forEach((text, i) => expect({ text, found: findBashisms(text) }).toEqual({ text, found: theirs[i] }));
    // The sample must exercise the check, not agree on nothing.
    expect(found).toBeGreaterThan(3000);
  });

  it('agrees with lintian on every expression: each is found somewhere in the sample', () => {
    const lines = sample(3000, 11).flatMap((t) => t.split('\n'));
    const unmatched = [...SINGLE_QUOTE_BASHISMS, ...STRING_BASHISMS, ...BASHISMS].filter((b) => !lines.some((l) => b.pattern.test(l)));
    expect(unmatched.map((b) => b.pattern.source)).toEqual([]);
  });

  it('searches a line only when it holds the text every match of an expression contains', () => {
    const all = [...SINGLE_QUOTE_BASHISMS, ...STRING_BASHISMS, ...BASHISMS];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((a) => a.join('')), (line) => {
        for (const b of all) if (b.pattern.test(line)) expect(b.literals.some((l) => line.includes(l)), `${b.pattern.source} on ${line}`).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('finds the same on long lines, where the expressions run in linear time', () => {
    // Past LONG characters the patterns take V8's linear engine or their own long form.
    const long = fc.array(fc.constantFrom(...PIECES.filter((p) => !p.includes('\n'))), { minLength: 40, maxLength: 120 }).map((a) => a.join(' ')).filter((l) => l.length > LONG);
    fc.assert(
      fc.property(long, (line) => {
        for (const b of [...SINGLE_QUOTE_BASHISMS, ...STRING_BASHISMS, ...BASHISMS]) {
          const short = new RegExp(b.pattern.source).exec(line);
          expect(b.pattern.exec(line)?.[0], b.pattern.source).toBe(short?.[0]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads hostile lines of a megabyte in linear time', () => {
    const mb = 1 << 20;
    for (const line of ['a(('.repeat(mb / 3) + '))', '${a/'.repeat(mb / 4), '{a,'.repeat(mb / 3), 'env A="x" '.repeat(mb / 10) + 'read', '-a'.repeat(mb / 2), '\\'.repeat(mb) + "'"]) {
      expect(Array.isArray(bashismsOnLine(line))).toBe(true);
    }
    expect(bashismsOnLine(`x${'((a'.repeat(1000)}))`)).toEqual([`((a${'((a'.repeat(999)}))`]);
  });

  it('reports maintainer scripts and installed scripts that run under sh, and no others', async () => {
    const pkg = fakePackage({
      control: { postinst: '#!/bin/sh\nset -e\n[ "$1" == configure ] || exit 0\n', prerm: '#!/bin/bash\n[[ -x /x ]]\n', config: '#!/usr/bin/env sh\nfunction f {\n' },
      files: [
        { path: '/usr/bin/tool', content: '#!/bin/sh\necho -e "x"\n', mode: 0o755 },
        { path: '/usr/bin/tool2', content: '#!/bin/bash\necho -e "x"\n', mode: 0o755 },
      ],
    });
    expect(await runCheck(bashCentricCheck, pkg)).toEqual([
      "bash-term-in-posix-shell 'echo -e' [usr/bin/tool:2]",
      "possible-bashism-in-maintainer-script '[ \"$1\" ==' [postinst:3]",
      "possible-bashism-in-maintainer-script 'function f' [config:2]",
    ]);
  });
});
