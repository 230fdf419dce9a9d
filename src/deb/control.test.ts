import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatControl, getField, parseControl, withInstalledSize } from './control.js';
import type { ControlFields } from './types.js';

describe('formatControl', () => {
  it('writes continuation lines with one space and empty lines as " ."', () => {
    expect(formatControl([['Package', 'x'], ['Description', 'synopsis\nfirst\n\n  verbatim']])).toBe(
      'Package: x\nDescription: synopsis\n first\n .\n   verbatim\n',
    );
  });

  it('allows a multi-line value with an empty first line', () => {
    expect(formatControl([['Conffiles', '\n/etc/a 123']])).toBe('Conffiles:\n /etc/a 123\n');
  });

  it.each<[string, ControlFields, RegExp]>([
    ['a whitespace-only line, which would end the stanza', [['Description', 'a\n   \nb']], /only whitespace would end the stanza/],
    ['a lone "." line, which would read back as empty', [['Description', 'a\n.']], /cannot be represented/],
    ['an empty value', [['Depends', '  ']], /empty value/],
    ['a field name with a colon', [['A:B', 'x']], /invalid control field name/],
    ['a field name with a space', [['A B', 'x']], /invalid control field name/],
    ['a field name starting with "-"', [['-A', 'x']], /invalid control field name/],
    ['a duplicate field', [['Package', 'a'], ['package', 'b']], /appears twice/],
  ])('refuses %s', (_name, fields, message) => {
    expect(() => formatControl(fields)).toThrow(message);
  });
});

describe('parseControl', () => {
  it('reads fields, continuations and " ." in order', () => {
    expect(parseControl('Package: x\nDescription: s\n a\n .\n b\nHomepage:   https://x  \n')).toEqual([
      ['Package', 'x'],
      ['Description', 's\na\n\nb'],
      ['Homepage', 'https://x'],
    ]);
  });

  it('tolerates blank lines around the stanza and a missing final newline', () => {
    expect(parseControl('\n\nA: 1\nB: 2\n\n')).toEqual([['A', '1'], ['B', '2']]);
    expect(parseControl('A: 1')).toEqual([['A', '1']]);
  });

  it.each<[string, string, number, RegExp]>([
    ['a second stanza', 'A: 1\n\nB: 2\n', 3, /only one stanza/],
    ['a continuation first', ' x\nA: 1\n', 1, /continuation line before any field/],
    ['a line without a colon', 'A: 1\njunk\n', 2, /expected "Field: value"/],
    ['a duplicate field', 'A: 1\nB: 2\na: 3\n', 3, /duplicate field a \(first on line 1\)/],
    ['an empty document', '\n\n', 1, /no fields/],
  ])('reports %s with its line number', (_name, text, line, message) => {
    let err: unknown;
    try {
      parseControl(text, 'DEBIAN/control');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'control-parse', line, file: 'DEBIAN/control', location: `DEBIAN/control:${line}` });
    expect((err as Error).message).toMatch(message);
  });

  it('round-trips any representable stanza', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
    const line = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/).filter((l) => l !== '.');
    const value = fc.tuple(line, fc.array(fc.oneof(line, fc.constant('')), { maxLength: 4 })).map(([f, rest]) => [f, ...rest].join('\n'));
    const fields = fc.uniqueArray(fc.tuple(name, value), { selector: ([n]) => n.toLowerCase(), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fields, (f) => {
        expect(parseControl(formatControl(f))).toEqual(f);
      }),
    );
  });
});

describe('field helpers', () => {
  it('gets fields case-insensitively', () => {
    expect(getField([['Package', 'x']], 'PACKAGE')).toBe('x');
    expect(getField([['Package', 'x']], 'Version')).toBeUndefined();
  });

  it("places Installed-Size where dpkg-gencontrol does", () => {
    const names = (f: ControlFields): string[] => f.map(([n]) => n);
    expect(names(withInstalledSize([['Package', 'a'], ['Version', '1'], ['Architecture', 'all'], ['Maintainer', 'm'], ['Depends', 'b'], ['Description', 'd']], 5))).toEqual([
      'Package', 'Version', 'Architecture', 'Maintainer', 'Installed-Size', 'Depends', 'Description',
    ]);
    expect(names(withInstalledSize([['Package', 'a'], ['Installed-Size', '1'], ['X-Custom', 'y']], 5))).toEqual(['Package', 'X-Custom', 'Installed-Size']);
    expect(withInstalledSize([['Package', 'a']], 7)).toContainEqual(['Installed-Size', '7']);
  });
});
