import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpelling, checkSpellingPicky, lookupSorted } from './spelling.js';

const LINTIAN_LIB = '/usr/share/lintian/lib';

interface Sample {
  text: string;
  exceptions: string[];
  duplicates: boolean;
}

/** lintian's own Lintian::Spelling on each sample: [check_spelling's calls, check_spelling_picky's]. */
function lintianSpelling(samples: Sample[]): Array<[string[][], string[][]]> {
  const script = String.raw`
    use v5.20; use JSON::PP; use Lintian::Data; use Lintian::Spelling qw(check_spelling check_spelling_picky);
    my $data = Lintian::Data->new; $data->data_paths(['/usr/share/lintian/data']); $data->vendor('debian');
    my $in = JSON::PP->new->utf8->decode(do { local $/; <STDIN> });
    my @out;
    for my $s (@$in) {
      my (@plain, @picky);
      check_spelling($data, $s->{text}, $s->{exceptions}, sub { push @plain, [@_] }, $s->{duplicates} ? 1 : 0);
      check_spelling_picky($data, $s->{text}, sub { push @picky, [@_] });
      push @out, [\@plain, \@picky];
    }
    print JSON::PP->new->utf8->encode(\@out);`;
  const out = execFileSync('perl', ['-I', LINTIAN_LIB, '-e', script], { input: JSON.stringify(samples), maxBuffer: 64 << 20 });
  return JSON.parse(out.toString('utf8')) as Array<[string[][], string[][]]>;
}

function ours(s: Sample): [string[][], string[][]] {
  const plain: string[][] = [];
  const picky: string[][] = [];
  checkSpelling(s.text, new Set(s.exceptions), (a, b) => plain.push([a, b]), s.duplicates);
  checkSpellingPicky(s.text, (a, b) => picky.push([a, b]));
  return [plain, picky];
}

describe('spelling', () => {
  it('finds words in the sorted table by bisection, first, last and missing ones too', () => {
    const table = 'b||B\nd||D\nf||F';
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', ''].map((k) => lookupSorted(table, k))).toEqual([undefined, 'B', undefined, 'D', undefined, 'F', undefined, undefined]);
    expect(lookupSorted('only||one', 'only')).toBe('one');
    expect(['b', 'd', 'f', 'g'].map((k) => lookupSorted(`${table}\n`, k))).toEqual(['B', 'D', 'F', undefined]);
  });

  it('reports misspellings, doubled words, multi-word mistakes and capitalisation', () => {
    const [plain, picky] = ours({ text: 'This is teh the the packge for debian; it allows to run.', exceptions: [], duplicates: true });
    expect(plain).toEqual([['teh', 'the'], ['the the (duplicate word)', 'the'], ['packge', 'package'], ['"allows to"', '"allows one to"']]);
    expect(picky).toEqual([['debian', 'Debian']]);
  });

  it.runIf(existsSync(LINTIAN_LIB))('agrees with lintian\'s own module on arbitrary texts', () => {
    // Misspellings of each kind, names, marks, quotes, brackets and parentheses meet often.
    const word = fc.constantFrom(
      'teh', 'Teh', 'TEH', 'packge', 'the', 'The', 'a', 'recieve', 'Recieve', 'alot', 'debian', 'Debian', 'Gnome', 'gnome', 'dbus', 'meta', 'package',
      'allows', 'to', 'an', 'other', 'these', 'packages', 'ABC', 'ABCDEF', 'corpus', 'seperate', 'x-', 'foo', '(s)', '(', ')', '[', ']', '"', '"teh', 'teh"',
      'the.', 'the,', 'teh!', '.', ';', '(teh)', 'teh)', '(debian', 'debian).', 'upto', '\u00e9t\u00e9', '0',
    );
    const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\n ', '\t', '\r\n', '\u00a0', '\u0085', '-\n');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 14 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    const sample = fc.record({ text, exceptions: fc.subarray(['teh', 'Teh', 'packge', 'corpus', 'alot']), duplicates: fc.boolean() });
    const samples = fc.sample(sample, { numRuns: 3000, seed: 5 });
    expect(samples.map(ours)).toEqual(lintianSpelling(samples));
  });

  it('takes linear time on many distinct doubled words beside parentheses', () => {
    const words = Array.from({ length: 60_000 }, (_, i) => i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26))));
    const text = `${words.map((w) => `x${w} x${w}`).join(' ')} (xb) xb`;
    const doubled: string[] = [];
    checkSpelling(text, new Set(), (written) => written.endsWith('(duplicate word)') && doubled.push(written), true);
    expect(doubled.length).toBe(words.length - 1); // all but xb, said again beside a parenthesis
  });

  it('takes linear time on long runs of marks, brackets and parentheses', () => {
    const hostile = `${'['.repeat(200_000)} ${'.'.repeat(200_000)}x ${')'.repeat(200_000)}x ${'the '.repeat(50_000)}`;
    const [plain, picky] = ours({ text: hostile, exceptions: [], duplicates: true });
    expect(plain).toEqual([['the the (duplicate word)', 'the']]);
    expect(picky).toEqual([]);
  });
});
