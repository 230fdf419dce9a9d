import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { scriptsCheck } from './scripts.js';

const script = (path: string, first: string, mode = 0o755): FakeFile => ({ path, content: `${first}\necho\n`, mode });
const lint = (files: FakeFile[], fields: Record<string, string> = {}) => runCheck(scriptsCheck, fakePackage({ files, fields }));

describe('scripts (installed)', () => {
  it('wants the interpreter of a Python script in the package relationships', async () => {
    const files = [script('usr/bin/py', '#!/usr/bin/python3'), script('usr/bin/envpy', '#!/usr/bin/env python3')];
    expect(await lint(files)).toEqual([
      'python3-script-but-no-python3-dep /usr/bin/python3 (does not satisfy python3:any | python3-minimal:any) [usr/bin/py]',
      'python3-script-but-no-python3-dep python3 (does not satisfy python3:any | python3-minimal:any) [usr/bin/envpy]',
    ]);
    const variants: Array<Record<string, string>> = [{ Depends: 'python3 (>= 3.11), python3 (<< 3.12)' }, { Recommends: 'python3-minimal' }, { Package: 'python3' }, { Provides: 'python3' }];
    for (const fields of variants) {
      expect(await lint(files, fields)).toEqual([]);
    }
  });

  it('reports interpreters at the wrong path, in /usr/local, through /bin/env or unknown', async () => {
    expect(
      await lint([
        script('usr/bin/a', '#!/bin/perl'),
        script('usr/bin/b', '#!/usr/bin/env perl'),
        script('usr/bin/c', '#!/usr/local/bin/foo'),
        script('usr/bin/d', '#!/bin/env bash'),
        script('usr/bin/e', '#!/usr/bin/frob -x'),
        script('usr/bin/f', '#!/usr/local/bin/python3'),
        script('usr/bin/g', '#!/bin/sh'),
      ], { Depends: 'python3' }),
    ).toEqual([
      'incorrect-path-for-interpreter /usr/bin/env perl != /usr/bin/perl [usr/bin/b]',
      'interpreter-in-usr-local /usr/local/bin/foo [usr/bin/c]',
      'script-uses-bin-env /bin/env [usr/bin/d]',
      'unusual-interpreter /usr/bin/frob [usr/bin/e]',
      'wrong-path-for-interpreter /bin/perl != /usr/bin/perl [usr/bin/a]',
      'wrong-path-for-interpreter /usr/local/bin/python3 != /usr/bin/python3 [usr/bin/f]',
    ]);
  });

  it('accepts an unusual interpreter the package ships itself', async () => {
    const frob: FakeFile = { path: 'usr/bin/frob', content: Buffer.from('\x7fELF'), mode: 0o755 };
    expect(await lint([script('usr/lib/demo/run', '#!/usr/bin/frob'), frob])).toEqual([]);
    expect(await lint([script('usr/lib/demo/run', '#!/usr/bin/env frob'), frob])).toEqual([]);
    expect(await lint([script('usr/lib/demo/run', '#!/usr/bin/frob'), { ...frob, mode: 0o644 }])).toEqual(['unusual-interpreter /usr/bin/frob [usr/lib/demo/run]']);
  });

  it('reports scripts that are not executable, relative interpreters and empty #! lines', async () => {
    expect(await lint([script('usr/bin/a', '#!/bin/sh', 0o644), script('usr/bin/b', '#!sh'), script('usr/bin/c', '#!')])).toEqual([
      'interpreter-not-absolute sh [usr/bin/b]',
      'script-not-executable [usr/bin/a]',
      'script-without-interpreter [usr/bin/c]',
      'wrong-path-for-interpreter sh != /bin/sh [usr/bin/b]',
    ]);
    // Python modules may carry a #! line without being executable; non-executable files off the PATH are not scripts.
    expect(await lint([script('usr/lib/python3/dist-packages/demo/x.py', '#!/usr/bin/python3', 0o644), script('usr/lib/demo/data.txt', '#!sh', 0o644)])).toEqual([]);
  });

  it('reports versioned interpreters and the tags lintian gives some of them', async () => {
    expect(await lint([script('usr/bin/a', '#!/usr/bin/lua5.1'), script('usr/bin/b', '#!/usr/bin/tclsh'), script('usr/bin/c', '#!/usr/bin/ruby3.1')])).toEqual([
      'missing-dep-for-interpreter /usr/bin/lua5.1 (does not satisfy lua5.1:any) [usr/bin/a]',
      'ruby-script-but-no-ruby-dep /usr/bin/ruby3.1 (does not satisfy ruby3.1:any) [usr/bin/c]',
      'tclsh-script-but-no-tclsh-dep /usr/bin/tclsh (does not satisfy tclsh:any | tcl:any | tcl8.3:any | tcl8.4:any | tcl8.5:any | tcl8.6:any) [usr/bin/b]',
    ]);
    // lintian knows python3.4 to 3.8 only by their unversioned stem, which has no entry: unusual.
    expect(await lint([script('usr/bin/a', '#!/usr/bin/python3.11')], { Depends: 'python3.11' })).toEqual(['unusual-interpreter /usr/bin/python3.11 [usr/bin/a]']);
  });

  it('knows nodejs, PHP and the example variants', async () => {
    expect(await lint([script('usr/bin/a', '#!/usr/bin/env nodejs'), script('usr/bin/b', '#!/usr/bin/php7.4')])).toEqual([
      'missing-dep-for-interpreter nodejs (does not satisfy nodejs:any) [usr/bin/a]',
      'php-script-but-no-php-cli-dep /usr/bin/php7.4 (does not satisfy php-cli:any) [usr/bin/b]',
      'php-script-with-unusual-interpreter /usr/bin/php7.4 [usr/bin/b]',
      'script-uses-deprecated-nodejs-location nodejs [usr/bin/a]',
    ]);
    expect(await lint([script('usr/share/doc/demo/examples/x', '#!/usr/local/bin/foo', 0o644), script('usr/share/doc/demo/y', '#!/usr/local/bin/foo')])).toEqual([
      'example-interpreter-in-usr-local /usr/local/bin/foo [usr/share/doc/demo/examples/x]',
    ]);
  });
});
