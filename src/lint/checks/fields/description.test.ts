import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { descriptionCheck } from './description.js';

const check = (description: string, fields: Record<string, string> = {}) =>
  runCheck(descriptionCheck, fakePackage({ fields: { Package: 'demo', Description: description, ...fields } }));

const LONG = ' A package for the tests, with an extended description\n of two lines.';

describe('fields/description', () => {
  it('accepts a synopsis with an extended description of two lines', async () => {
    expect(await check(`tool for things\n${LONG}`)).toEqual([]);
  });

  it.each([
    ['demo is a tool', ['description-starts-with-package-name', 'extended-description-is-empty']],
    ['A tool for things', ['description-synopsis-starts-with-article', 'extended-description-is-empty']],
    ['tool for things.', ['extended-description-is-empty', 'synopsis-is-a-sentence "tool for things."']],
    ['tool e.g. foo etc.', ['extended-description-is-empty']],
    ['single', ['description-too-short single', 'extended-description-is-empty']],
    ['Demo', ['description-is-pkg-name Demo', 'description-starts-with-package-name', 'description-too-short Demo', 'extended-description-is-empty']],
    [`${'x'.repeat(40)} ${'y'.repeat(40)}`, ['extended-description-is-empty', 'synopsis-too-long']],
    ['tool,for things', ['extended-description-is-empty', 'odd-mark-in-description comma not followed by whitespace (synopsis)']],
    ['missing', ['description-is-debmake-template', 'description-too-short missing', 'extended-description-is-empty']],
  ])('synopsis %j', async (synopsis, tags) => {
    expect(await check(synopsis)).toEqual(tags);
  });

  it('numbers the lines of the extended description', async () => {
    const text = ['tool for things', ' Tool for things', ' .', ` ${'x'.repeat(80)}`, ' I wrote it, we like it', ' Homepage: https://example.org', ' .text'].join('\n');
    expect(await check(text)).toEqual([
      'description-contains-homepage line 5',
      'description-contains-invalid-control-statement line 6',
      'description-synopsis-is-duplicated line 1',
      'extended-description-line-too-long line 3',
      'using-first-person-in-description line 4: I',
      'using-first-person-in-description line 4: we',
    ]);
  });

  it('finds empty paragraphs, short texts, lists, tabs and leading spaces', async () => {
    expect(await check('tool for things\n only one line')).toEqual(['extended-description-is-probably-too-short']);
    expect(await check('tool for things\n .\n text\n more')).toEqual(['extended-description-contains-empty-paragraph']);
    expect(await check('tool for things\n - a\n - b\n - c\n - d')).toEqual(['possible-unindented-list-in-extended-description line 3']);
    expect(await check('tool for things\n a\ttab\n more')).toEqual(['description-contains-tabs line 1']);
    expect(await check('tool for things\n  indented\n more')).toEqual(['description-starts-with-leading-spaces line 1']);
    expect(await check('tool for things\n text\n see the website https://example.org/x')).toEqual(['description-possibly-contains-homepage https://example.org/x']);
    expect(await check('tool for things\n text\n more', { Homepage: 'https://example.org' })).toEqual([]);
    expect(await check(' \n text\n more')).toEqual(['description-synopsis-is-empty']);
  });

  it('spares debug and transitional packages the length tags', async () => {
    expect(await check('debug symbols', { Package: 'demo-dbgsym' })).toEqual([]);
    expect(await check('transitional package\n It goes away.')).toEqual([]);
  });

  it('wants Perl module packages to name their module', async () => {
    const p = fakePackage({ fields: { Package: 'libfoo-bar-perl', Description: `module for things\n${LONG}` }, files: [{ path: '/usr/share/perl5/Foo/Bar.pm', content: '1;' }] });
    expect(await runCheck(descriptionCheck, p)).toEqual(['perl-module-name-not-mentioned-in-description Foo::Bar']);
  });
});
