import { describe, expect, it } from 'vitest';
import { runCheck } from '../../test-helpers.js';
import { staticCheck } from './static.js';
import { bin, elfPackage, handmadeElf, haveToolchain } from './test-helpers.js';

const lint = (files: Array<[string, Buffer]>, fields: Record<string, string> = {}) =>
  runCheck(staticCheck, elfPackage({ fields, files: files.map(([path, content]) => ({ path, content, mode: 0o755 })) }));

describe('binaries/static', { skip: !haveToolchain() }, () => {
  it('reports statically linked executables', async () => {
    expect(
      await lint([
        ['usr/bin/demo', bin.staticProgram()],
        ['usr/bin/dynamic', bin.stripped()],
        ['usr/bin/static-pie', bin.staticPie()],
        ['usr/lib/demo/plugin.o', bin.object()],
      ]),
    ).toEqual(['statically-linked-binary [usr/bin/demo]']);
  });

  it('keeps lintian’s exemptions', async () => {
    const s = bin.staticProgram();
    expect(await lint([['boot/demo', s], ['usr/bin/demo-static', s], ['usr/bin/demo.static', s], ['usr/lib/debug/usr/bin/demo', s], ['sbin/ldconfig', s]])).toEqual([]);
    expect(await lint([['usr/bin/demo', s]], { Package: 'demo-static' })).toEqual([]);
    expect(await lint([['usr/bin/demo', s]], { Package: 'golang-demo' })).toEqual([]);
    // A hand-made object with no program headers but PT_LOAD: static, for another machine.
    expect(await lint([['usr/bin/arm', handmadeElf({ machine: 183 })]])).toEqual(['statically-linked-binary [usr/bin/arm]']);
  });
});
