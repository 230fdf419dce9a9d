import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { subcommandPattern } from './manual.js';

/** Whether lintian's `/^$command(?:\b|_)/` matches each page name, as perl decides (undefined: perl cannot compile it). */
function perlMatches(pairs: Array<[string, string]>): Array<boolean | undefined> {
  const script = 'use v5.20; use JSON::PP; my $in = decode_json(do { local $/; <STDIN> }); ' +
    'print encode_json([map { my ($c, $p) = @$_; my $r = eval { $p =~ /^$c(?:\\b|_)/ ? JSON::PP::true : JSON::PP::false }; $r } @$in]);';
  return JSON.parse(execFileSync('perl', ['-e', script], { input: JSON.stringify(pairs), encoding: 'utf8' })) as Array<boolean | undefined>;
}

describe('pages of subcommands', () => {
  it('are matched by the command name read as a pattern, as lintian reads it', () => {
    const commands = ['tool', 'g++', 'x86_64-linux-gnu-g++-12', 'c++filt', 'run.sh', 'a+b', 'ipsec', 'tool_x'];
    const pages = ['tool-sub', 'toolbox', 'tool_sub', 'g++-12', 'gg', 'c++filt', 'runxsh-x', 'aab', 'ipsec_pluto', 'tool', 'x(y'];
    const pairs = commands.flatMap((c) => pages.map((p): [string, string] => [c, p]));
    const ours = pairs.map(([c, p]) => {
      const pattern = subcommandPattern(c);
      return pattern ? pattern.test(p) : undefined;
    });
    expect(ours).toEqual(perlMatches(pairs).map((r) => r ?? undefined));
  });

  it('takes any other name literally, so a name cannot make the check backtrack for ever', () => {
    expect(subcommandPattern('x(')?.test('x(_y')).toBe(true);
    expect(subcommandPattern('x(')?.test('xy')).toBe(false);
    const hostile = subcommandPattern('(a|a)*\\1');
    expect(hostile?.test(`${'a'.repeat(40)}b`)).toBe(false);
    expect(hostile?.test('(a|a)*\\1_x')).toBe(true);
  });
});
