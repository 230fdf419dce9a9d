import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { Item } from '../files/installed.js';
import { checkPageText, thSection } from './manual-page-text.js';

/** lintian's reading of a .TH line (Lintian::Check::Documentation::Manual), run by perl on each line, as bytes. */
function lintianThSections(lines: string[]): string[] {
  const script = String.raw`
    use v5.20; no warnings; use Text::Balanced qw(extract_delimited);
    binmode STDIN; binmode STDOUT; local $/ = "\0";
    while (my $line = <STDIN>) {
      chomp $line;
      my $consumed = $line;
      $consumed =~ s/ [.]TH \s+ //msx;
      my ($delimited, $after_names) = extract_delimited($consumed);
      unless (length $delimited) {
        $consumed =~ s/ ^ \s* \S+ , //gmsx;
        $consumed =~ s/ ^ \s* \S+ //msx;
        $after_names = $consumed;
      }
      my ($th_section) = extract_delimited($after_names);
      if (length $th_section) {
        $th_section =~ s/ ^. //msx;
        $th_section =~ s/ .$ //msx;
        $th_section =~ s/ [\\](.) /$1/gmsx;
      } elsif (length $after_names && $after_names =~ / ^ \s* (\S+) /msx) {
        $th_section = $1;
      }
      print $th_section // '', "\0";
    }`;
  const input = Buffer.from(lines.map((l) => `${l}\0`).join(''), 'latin1');
  const out = execFileSync('perl', ['-e', script], { input }).toString('latin1');
  return out.split('\0').slice(0, -1);
}

describe('the section of a .TH line', () => {
  it('is the second argument, quoted or not, as lintian reads it', () => {
    expect(thSection('.TH FOO 1')).toBe('1');
    expect(thSection('.TH "FOO" "3pm" "2024" "corpus"')).toBe('3pm');
    expect(thSection('.TH foo,bar 8 x')).toBe('8');
    expect(thSection('.TH "FOO BAR" \'5\'')).toBe('5');
    expect(thSection('.TH FOO "a\\"b"')).toBe('a"b');
    expect(thSection('.TH FOO')).toBe('');
  });

  it('agrees with perl running lintian\'s code on arbitrary lines', () => {
    // Quotes of every kind, escapes, commas and Perl's blanks (NEL and NBSP among them) meet often.
    const piece = fc.constantFrom('FOO', '1', '3pm', 'x', ' ', '  ', '\t', '\x85', '\xa0', '\r', '"', "'", '`', '\\', '\\"', ',', 'a,b', '""', '.TH');
    const lines = fc.sample(fc.array(piece, { maxLength: 10 }).map((p) => `.TH ${p.join('')}`), { numRuns: 5000, seed: 11 });
    expect(lines.map(thSection)).toEqual(lintianThSections(lines));
  });

  it('takes linear time on a long line of quotes and escapes', () => {
    const hostile = `.TH "${'\\a'.repeat(100_000)} ${"'".repeat(100_000)}`;
    expect(typeof thSection(hostile)).toBe('string');
  });
});

describe('the text of a manual page', () => {
  /** A page item holding `bytes` as its content, as the loader keeps it. */
  const pageItem = (bytes: Buffer): Item =>
    ({ name: 'usr/share/man/man1/x.1.gz', basename: 'x.1.gz', dirname: 'usr/share/man/man1/', type: 'file', size: bytes.length, link: '', data: { content: bytes, head: bytes.subarray(0, 4096), size: bytes.length } }) as unknown as Item;

  it('gives findings, never an exception, whatever the bytes, inflated or not', () => {
    const line = fc.constantFrom('.TH X 1', '.TH "X" "8"', '.so', '.so man1/y.1', '.\\" c', '.SH "POD ERRORS"', 'Traceback (most recent call last):', "don\\'t", '/usr/doc/x/', 'teh recieve', '', '\u0000', '\u00ff\u0085', '0');
    const text = fc.array(line, { maxLength: 12 }).map((l) => l.join('\n'));
    const pages = fc.sample(fc.oneof(text.map((t) => Buffer.from(t, 'latin1')), text.map((t) => gzipSync(t)), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b))), { numRuns: 3000, seed: 3 });
    const seen: string[] = [];
    checkPageText(pageItem(gzipSync('.TH X 8\nIt doesn\\\'t recieve it.\n'.padEnd(300, ' '))), '1', new Set(), (tag) => seen.push(tag));
    expect(seen.sort()).toEqual(['acute-accent-in-manual-page', 'typo-in-manual-page', 'wrong-manual-section']);
    for (const bytes of pages) {
      const tags: string[] = [];
      expect(() => checkPageText(pageItem(bytes), '1', new Set(), (tag) => tags.push(tag))).not.toThrow();
    }
  });
});
