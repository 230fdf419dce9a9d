import { describe, expect, it } from 'vitest';
import { runCheck } from '../../test-helpers.js';
import { canonpath, rpathCheck } from './rpath.js';
import { bin, elfPackage, haveToolchain } from './test-helpers.js';

describe('canonpath', () => {
  it('tidies paths as File::Spec does, keeping ..', () => {
    expect(['/a//b/', '/a/./b', './a', '/../a', '/..', 'a/.', '/', 'a/../b'].map(canonpath)).toEqual(['/a/b', '/a/b', 'a', '/a', '/', 'a', '/', 'a/../b']);
  });
});

describe('binaries/rpath', { skip: !haveToolchain() }, () => {
  it('reports custom and relative search paths, not $ORIGIN nor the package’s private directory', async () => {
    const pkg = elfPackage({
      fields: { Package: 'demo' },
      files: [
        { path: 'usr/bin/demo', content: bin.rpathProgram(), mode: 0o755 },
        { path: 'usr/bin/other', content: bin.runpathProgram(), mode: 0o755 },
      ],
    });
    expect(await runCheck(rpathCheck, pkg)).toEqual([
      'custom-library-search-path RPATH /opt/demo/lib [usr/bin/demo]',
      'custom-library-search-path RUNPATH /srv/lib [usr/bin/other]',
      'relative-library-search-path RPATH lib/x [usr/bin/demo]',
    ]);
  });
});
