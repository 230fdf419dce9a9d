import { describe, expect, it } from 'vitest';
import { runCheck } from '../../test-helpers.js';
import { embeddedLibrariesCheck } from './embedded.js';
import { bin, elfPackage, haveToolchain } from './test-helpers.js';

const lint = (files: Array<[string, Buffer]>, fields: Record<string, string> = {}) =>
  runCheck(embeddedLibrariesCheck, elfPackage({ fields, files: files.map(([path, content]) => ({ path, content, mode: 0o755 })) }));

describe('libraries/embedded', { skip: !haveToolchain() }, () => {
  it('reports a bundled copy of a known library', async () => {
    expect(await lint([['usr/bin/demo', bin.zlibEmbedded()], ['usr/bin/plain', bin.stripped()]])).toEqual(['embedded-library zlib [usr/bin/demo]']);
  });

  it('lets the library’s own source package contain it, by name or by lintian’s source regex', async () => {
    expect(await lint([['usr/bin/demo', bin.zlibEmbedded()]], { Source: 'zlib (1:1.2.13-1)' })).toEqual([]);
    expect(await lint([['usr/bin/demo', bin.zlibEmbedded()]], { Package: 'klibc-utils', Source: 'klibc' })).toEqual([]);
    // The regex is unanchored, as lintian uses it.
    expect(await lint([['usr/bin/demo', bin.zlibEmbedded()]], { Package: 'python-zlib-ng' })).toEqual([]);
  });

  it('ignores detached debug symbols, for which lintian collects no strings', async () => {
    expect(await lint([['usr/lib/debug/usr/bin/demo', bin.zlibEmbedded()]])).toEqual([]);
  });
});
