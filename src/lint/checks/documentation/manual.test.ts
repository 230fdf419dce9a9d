import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { subcommandMatcher, subcommandPattern } from './manual.js';

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

  it('are found by looking names up at word boundaries, as the expressions find them', () => {
    const commands = ['tool', 'g++', 'c++filt', 'run.sh', 'ipsec', 'tool_x', 'x(', 'a-b', 'é'];
    const pages = ['tool-sub', 'toolbox', 'tool_sub', 'tool', 'tool.', 'g++-12', 'c++filt', 'runxsh-x', 'ipsec_pluto', 'x(_y', 'x(y', 'a-b-c', 'a-bc', 'é-x', 'éx'];
    for (const c of commands) {
      const pattern = subcommandPattern(c)!;
      expect(pages.map((p) => subcommandMatcher([c])(p)), c).toEqual(pages.map((p) => pattern.test(p)));
    }
    // thousands of commands against thousands of pages, at once
    const many = Array.from({ length: 20_000 }, (_, i) => `command${i}`);
    const matches = subcommandMatcher(many);
    expect(Array.from({ length: 20_000 }, (_, i) => matches(`page${i}-x`)).some(Boolean)).toBe(false);
    expect(matches('command77-sub')).toBe(true);
  });

  it('takes any other name literally, so a name cannot make the check backtrack for ever', () => {
    expect(subcommandPattern('x(')?.test('x(_y')).toBe(true);
    expect(subcommandPattern('x(')?.test('xy')).toBe(false);
    const hostile = subcommandPattern('(a|a)*\\1');
    expect(hostile?.test(`${'a'.repeat(40)}b`)).toBe(false);
    expect(hostile?.test('(a|a)*\\1_x')).toBe(true);
  });
});
