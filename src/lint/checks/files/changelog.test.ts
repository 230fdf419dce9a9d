import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { changelogCheck } from './changelog.js';

const DOC = 'usr/share/doc/demo';
const gz9 = (s: string) => gzipSync(s, { level: 9 });
const lint = (files: FakeFile[], version = '1.0-1') => runCheck(changelogCheck, fakePackage({ files: [{ path: `${DOC}/` }, ...files], fields: { Version: version } }));

describe('debian/changelog', () => {
  it('is quiet with changelog.Debian.gz (non-native) or changelog.gz (native) at gzip -9', async () => {
    expect(await lint([{ path: `${DOC}/changelog.Debian.gz`, content: gz9('x') }])).toEqual([]);
    expect(await lint([{ path: `${DOC}/changelog.gz`, content: gz9('x') }], '1.0')).toEqual([]);
  });

  it('reports a missing changelog with the name lintian expects', async () => {
    expect(await lint([])).toEqual(['no-changelog usr/share/doc/demo/changelog.Debian.gz (non-native package)']);
    expect(await lint([], '1.0')).toEqual(['no-changelog usr/share/doc/demo/changelog.gz (native package)']);
    expect(await lint([], '1.0-0.1')).toEqual([]);
    expect(await runCheck(changelogCheck, { ...fakePackage({ files: [] }), file: 'demo.udeb' })).toEqual([]);
  });

  it('reports compression problems and symlinks', async () => {
    expect(
      await lint([
        { path: `${DOC}/changelog.Debian.gz`, content: gzipSync('x', { level: 6 }) },
        { path: `${DOC}/changelog`, content: 'x' },
        { path: `${DOC}/changelog.html.gz`, linkTarget: 'changelog.Debian.gz' },
      ]),
    ).toEqual([
      'changelog-file-not-compressed [usr/share/doc/demo/changelog]',
      'changelog-not-compressed-with-max-compression [usr/share/doc/demo/changelog.Debian.gz]',
      'changelog-not-compressed-with-max-compression [usr/share/doc/demo/changelog.html.gz]',
      'debian-changelog-file-is-a-symlink [usr/share/doc/demo/changelog.html.gz]',
    ]);
  });

  it('reports wrongly named changelogs and NEWS files', async () => {
    expect(await lint([{ path: `${DOC}/changelog.debian.gz`, content: gz9('x') }], '1.0')).toEqual([
      'wrong-name-for-changelog-of-native-package [usr/share/doc/demo/changelog.debian.gz]',
    ]);
    expect(await lint([{ path: `${DOC}/changelog.debian.gz`, content: gz9('x') }, { path: `${DOC}/CHANGES.md`, content: 'x' }])).toEqual([
      'wrong-name-for-debian-changelog-file [usr/share/doc/demo/changelog.debian.gz]',
      'wrong-name-for-upstream-changelog [usr/share/doc/demo/CHANGES.md]',
    ]);
    expect(await lint([{ path: `${DOC}/changelog.gz`, content: gz9('x') }])).toEqual(['debian-changelog-file-missing-or-wrong-name']);
    expect(
      await lint([
        { path: `${DOC}/changelog.Debian.gz`, content: gz9('x') },
        { path: `${DOC}/NEWS.Debian`, content: 'x' },
        { path: `${DOC}/news.debian.gz`, content: gz9('x') },
      ]),
    ).toEqual(['debian-news-file-not-compressed [usr/share/doc/demo/NEWS.Debian]', 'wrong-name-for-debian-news-file [usr/share/doc/demo/news.debian.gz]']);
  });

  it('wants a text changelog beside an HTML one, and skips packages whose doc dir is a link', async () => {
    expect(await lint([{ path: `${DOC}/changelog.Debian.gz`, content: gz9('x') }, { path: `${DOC}/changelog.html.gz`, content: gz9('x') }])).toEqual([
      'html-changelog-without-text-version [usr/share/doc/demo/changelog.html.gz]',
    ]);
    expect(await runCheck(changelogCheck, fakePackage({ files: [{ path: DOC, linkTarget: 'other' }] }))).toEqual([]);
  });
});
