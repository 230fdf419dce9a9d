import { describe, expect, it } from 'vitest';
import { fakePackage } from '../../test-helpers.js';
import { installed } from './installed.js';

describe('installed view', () => {
  it('adds faux parent directories and skips the root', () => {
    const view = installed(fakePackage({ files: [{ path: '/' }, { path: 'usr/bin/tool', mode: 0o755 }] }));
    expect(view.items.map((i) => `${i.name}${i.faux ? ' (faux)' : ''}`)).toEqual(['usr/bin/tool', 'usr/bin/ (faux)', 'usr/ (faux)']);
    expect(view.lookup('usr/bin/')!.children.map((c) => c.name)).toEqual(['usr/bin/tool']);
    expect(view.lookup('usr/')!.operm).toBe(0o755);
  });

  it('makes the alphabetically first name of a hard link group the file', () => {
    const view = installed(
      fakePackage({ files: [{ path: 'usr/bin/zz', content: 'x' }, { path: 'usr/bin/aa', type: 'hardlink', linkTarget: '/usr/bin/zz' }] }),
    );
    expect(view.lookup('usr/bin/aa')).toMatchObject({ type: 'file', link: '', size: 1 });
    expect(view.lookup('usr/bin/zz')).toMatchObject({ type: 'hardlink', link: 'usr/bin/aa', size: 0 });
    expect(view.lookup('usr/bin/zz')!.data?.md5).toBe(view.lookup('usr/bin/aa')!.data?.md5);
  });

  it('resolves paths through relative and absolute links, and gives up on loops', () => {
    const view = installed(
      fakePackage({
        files: [
          { path: 'usr/share/doc/a/copyright', content: 'c' },
          { path: 'usr/share/doc/b', linkTarget: 'a' },
          { path: 'usr/share/doc/c', linkTarget: '/usr/share/doc/b' },
          { path: 'usr/share/doc/loop1', linkTarget: 'loop2' },
          { path: 'usr/share/doc/loop2', linkTarget: 'loop1' },
        ],
      }),
    );
    expect(view.resolve('usr/share/doc/c/copyright')?.name).toBe('usr/share/doc/a/copyright');
    expect(view.resolve('usr/share/doc/b/../a/copyright')?.name).toBe('usr/share/doc/a/copyright');
    expect(view.resolve('usr/share/doc/loop1')).toBeUndefined();
    expect(view.resolve('usr/share/doc/missing')).toBeUndefined();
  });
});
