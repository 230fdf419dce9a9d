import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { symlinksCheck } from './symlinks.js';

const lint = (links: Array<[string, string]>, extra: Array<{ path: string }> = []) =>
  runCheck(symlinksCheck, fakePackage({ files: [...extra, ...links.map(([path, linkTarget]) => ({ path, linkTarget }))] }));

describe('files/symbolic-links', () => {
  it('accepts relative links within a top-level directory and absolute ones across', async () => {
    expect(await lint([['usr/bin/app', '../lib/app/app'], ['usr/share/app/conf', '/etc/app/app.conf'], ['etc/alt', '/usr/bin/app'], ['usr/lib/app/null.service', '/dev/null']])).toEqual([]);
  });

  it('reports absolute links within and relative links across top-level directories', async () => {
    expect(await lint([['usr/bin/app', '/usr/lib/app/app'], ['usr/share/app/conf', '../../../etc/app.conf'], ['app', 'usr/bin/app']])).toEqual([
      'absolute-symlink-in-top-level-folder /usr/lib/app/app [usr/bin/app]',
      'relative-symlink ../../../etc/app.conf [usr/share/app/conf]',
      'relative-symlink usr/bin/app [app]',
    ]);
  });

  it('reports needless and impossible segments, slashes and self references', async () => {
    expect(
      await lint([
        ['usr/bin/a', './b'],
        ['usr/bin/c', 'x/../d'],
        ['usr/bin/e', '../bin/f'],
        ['usr/bin/g', '../../../../h'],
        ['usr/bin/i', 'j//k'],
        ['usr/bin/l', 'm/'],
        ['usr/bin/n', '..'],
        ['usr/bin/o', '/'],
      ]),
    ).toEqual([
      'lengthy-symlink ../bin/f [usr/bin/e]',
      'package-contains-unsafe-symlink [usr/bin/g]',
      'symlink-contains-spurious-segments ./b [usr/bin/a]',
      'symlink-contains-spurious-segments x/../d [usr/bin/c]',
      'symlink-ends-with-slash m/ [usr/bin/l]',
      'symlink-has-double-slash j//k [usr/bin/i]',
      'symlink-has-too-many-up-segments ../../../../h [usr/bin/g]',
      'symlink-is-self-recursive .. [usr/bin/n]',
      'symlink-is-self-recursive / [usr/bin/o]',
    ]);
  });

  it('reports links into build trees and /tmp, and compressed targets without the extension', async () => {
    expect(await lint([['usr/share/a', '/build/app/a'], ['usr/share/b', '/tmp/b'], ['usr/share/doc/app/changelog', 'changelog.Debian.gz'], ['usr/share/c.gz', 'c.gz']])).toEqual([
      'compressed-symlink-with-wrong-ext changelog.Debian.gz [usr/share/doc/app/changelog]',
      'symlink-target-in-build-tree /build/app/a [usr/share/a]',
      'symlink-target-in-tmp /tmp/b [usr/share/b]',
    ]);
  });

  it('reports unexpanded wildcards only when nothing matches the target', async () => {
    expect(await lint([['usr/lib/libx.so', 'libx*.so'], ['usr/lib/liby.so', 'liby*.so']], [{ path: 'usr/lib/liby*.so' }])).toEqual([
      'package-contains-broken-symlink-wildcard libx*.so [usr/lib/libx.so]',
    ]);
  });
});
