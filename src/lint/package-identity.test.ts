import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutVersion } from './package-identity.js';

/** lintian's own statement (Lintian::Processable::Installable), run by perl over many fields at once. */
function lintianSourceNames(fields: string[]): string[] {
  const script = 'use v5.20; use JSON::PP; my $in = decode_json(do { local $/; <STDIN> }); ' +
    'print encode_json([map { my $s = $_; $s = $1 if $s =~ m/(\\S++)\\s*\\(([^\\)]+)\\)/; $s } @$in]);';
  return JSON.parse(execFileSync('perl', ['-e', script], { input: JSON.stringify(fields), encoding: 'utf8' })) as string[];
}

describe('source package name', () => {
  it('drops a version in parentheses as lintian does', () => {
    expect(withoutVersion('hello (1.0-1)')).toBe('hello');
    expect(withoutVersion('hello')).toBe('hello');
    expect(withoutVersion('hello(1.0)')).toBe('hello(1.0)');
    expect(withoutVersion('a b (1)')).toBe('b');
    expect(withoutVersion('foo () (1)')).toBe('()');
    expect(withoutVersion('foo (1')).toBe('foo (1');
  });

  it('agrees with perl running lintian\'s regex on arbitrary fields', () => {
    // Pieces that make words, blanks and parentheses of every kind meet often.
    const piece = fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\f', '\v', '\x85', '\xa0', '\u3000', '\ufeff', '(', ')', '1', ' (', '()', '(1)', ' (1)');
    const fields = fc.sample(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), { numRuns: 5000, seed: 7 });
    expect(fields.map(withoutVersion)).toEqual(lintianSourceNames(fields));
  });

  it('takes linear time on a long hostile field', () => {
    const hostile = `${'x'.repeat(200_000)} ${'('.repeat(200_000)}`;
    expect(withoutVersion(hostile)).toBe(hostile);
  });
});
