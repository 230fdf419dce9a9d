import { describe, expect, it } from 'vitest';
import { runCheck } from '../../test-helpers.js';
import { HELLO_C, compile } from '../../elf/test-fixtures.js';
import { hardeningCheck } from './hardening.js';
import { bin, elfPackage, haveToolchain } from './test-helpers.js';

function lint(files: Array<[string, Buffer]>, fields: Record<string, string> = {}, file?: string) {
  const pkg = elfPackage({ fields, files: files.map(([path, content]) => ({ path, content, mode: 0o755 })) });
  return runCheck(hardeningCheck, file ? { ...pkg, file } : pkg);
}

describe('binaries/hardening', { skip: !haveToolchain() }, () => {
  const lazy = () => compile(HELLO_C, ['-Wl,-z,norelro', '-Wl,-z,lazy', '-no-pie']);

  it('reports what dpkg-buildflags would have added: RELRO, binding at load time, PIE', async () => {
    expect(await lint([['usr/bin/weak', lazy()]])).toEqual(['hardening-no-bindnow [usr/bin/weak]', 'hardening-no-pie [usr/bin/weak]', 'hardening-no-relro [usr/bin/weak]']);
    expect(await lint([['usr/bin/demo', compile(HELLO_C, ['-Wl,-z,relro,-z,now'])], ['usr/lib/demo/libdemo.so.1', compile(HELLO_C, ['-shared', '-fPIC', '-Wl,-z,relro,-z,now'])]])).toEqual([]);
  });

  it('judges only dynamically linked objects', async () => {
    expect(await lint([['usr/bin/static', bin.staticProgram()], ['usr/lib/demo/libpure.so.1', bin.pureLibrary()]])).toEqual([]);
  });

  it('follows the architecture\'s recommendations and spares Go packages and udebs', async () => {
    // dpkg-buildflags recommends none of the three on hppa, and only PIE on ia64.
    expect(await lint([['usr/bin/weak', lazy()]], { Architecture: 'hppa' })).toEqual([]);
    expect(await lint([['usr/bin/weak', lazy()]], { Architecture: 'ia64' })).toEqual(['hardening-no-pie [usr/bin/weak]']);
    expect(await lint([['usr/bin/weak', lazy()]], { Architecture: 'no-such-arch' })).toEqual([]);
    expect(await lint([['usr/bin/weak', lazy()]], { Architecture: 'linux-amd64' })).toEqual([]);
    expect(await lint([['usr/bin/weak', lazy()]], { Architecture: 'all' })).toEqual([]);
    expect(await lint([['usr/bin/weak', lazy()]], { Package: 'golang-demo' })).toEqual([]);
    expect(await lint([['usr/bin/weak', lazy()]], {}, 'demo_1.0_amd64.udeb')).toEqual([]);
  });
});
