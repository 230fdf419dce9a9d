/**
 * The address parser against the one lintian uses (Perl's Email::Address::XS): the same phrase,
 * user, host, original text, validity and canonical form, on hand-picked and generated inputs.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddressList, type ParsedAddress } from './rfc5322.js';

const PERL = `
use strict; use warnings; use Email::Address::XS; use JSON::PP;
binmode STDIN, ':utf8'; binmode STDOUT, ':utf8';
my $json = JSON::PP->new->canonical;
local $SIG{__WARN__} = sub {};
while (my $line = <STDIN>) {
  my @out = map { { phrase => $_->phrase, user => $_->user, host => $_->host, comment => $_->comment, original => $_->original,
    valid => ($_->is_valid ? JSON::PP::true : JSON::PP::false), format => ($_->is_valid ? $_->format : undef) } }
    Email::Address::XS->parse($json->decode($line));
  print $json->encode(\\@out), "\\n";
}`;

const perlAvailable = spawnSync('perl', ['-MEmail::Address::XS', '-e', '1']).status === 0;
if (!perlAvailable && process.env.CI) throw new Error('tests need Perl\'s Email::Address::XS (apt-get install libemail-address-xs-perl, a lintian dependency)');

const HAND_PICKED = [
  'John Doe <john@example.org>', 'john@example.org', '<john@example.org>', 'John Doe', 'John <john>', '"Doe, John" <john@example.org>',
  'John Doe <john@example.org>, Jane <jane@example.org>', 'John Doe john@example.org', 'J. Doe <j@example.org>', 'Jöhn Dœ <j@example.org>',
  'John <john@@example.org>', 'John <john@exa mple.org>', '', 'John (comment) <john@example.org>', 'John Doe <john@example.org', 'x <a@b.c> y',
  'group: a@b.c, d@e.f;', '"quoted \\" name" <a@b.c>', 'a@b.c (comment)', '<@route:a@b.c>', 'Name <"quoted user"@b.c>', 'a@[1.2.3.4]',
  'Name <a@b.c>,', 'O\'Brien <o@b.c>', '=?utf-8?q?x?= <a@b.c>', 'a..b@c.d', 'a.@c.d', 'Name <a@b..c>', '<>', 'Name <>', 'a@', '@b.c',
];

/** A reproducible stream of inputs built from the characters that matter to the grammar. */
function generated(count: number): string[] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  const alphabet = 'aAb. ,@<>"()\n\r:;\\[]é\t-_\'=?';
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}

function perlParse(inputs: string[]): unknown[] {
  const r = spawnSync('perl', ['-e', PERL], { input: inputs.map((s) => JSON.stringify(s)).join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  return r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as Array<Record<string, unknown>>).map((a) => canonical(a)));
}

function canonical(a: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== null && v !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)));
}

function ours(input: string): unknown {
  return parseAddressList(input).map((a: ParsedAddress) => canonical({ ...a, format: a.valid ? formatAddress(a) : undefined }));
}

describe('parseAddressList', () => {
  it('splits a plain Maintainer field', () => {
    expect(parseAddressList('Jane Doe <jane@example.org>')).toEqual([{ phrase: 'Jane Doe', user: 'jane', host: 'example.org', original: 'Jane Doe <jane@example.org>', valid: true }]);
    expect(parseAddressList('jane@example.org')[0]).toMatchObject({ user: 'jane', valid: true });
    expect(parseAddressList('Jane Doe')[0]).toMatchObject({ original: 'Jane ', valid: false });
  });

  it.runIf(perlAvailable)('agrees with Email::Address::XS', () => {
    const inputs = [...HAND_PICKED, ...generated(5000)];
    const expected = perlParse(inputs);
    const mismatches = inputs.filter((input, i) => JSON.stringify(ours(input)) !== JSON.stringify(expected[i]));
    expect(mismatches).toEqual([]);
  });
});
