import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { pythonCheck } from './python.js';

const SITE = 'usr/lib/python3/dist-packages';
const lint = (files: FakeFile[], fields: Record<string, string> = { Depends: 'python3' }) => runCheck(pythonCheck, fakePackage({ files, fields }));

describe('languages/python (files)', () => {
  it('accepts modules, extensions and metadata in /usr/lib/python3/dist-packages', async () => {
    expect(await lint([{ path: `${SITE}/app/` }, { path: `${SITE}/app/__init__.py` }, { path: `${SITE}/app/_x.cpython-311-x86_64-linux-gnu.so` }, { path: `${SITE}/app-1.0.dist-info/METADATA` }, { path: `${SITE}/app.pth` }])).toEqual([]);
  });

  it('reports __pycache__ directories and stray byte code', async () => {
    expect(await lint([{ path: `${SITE}/app/__pycache__/` }, { path: `${SITE}/app/__pycache__/x.cpython-311.pyc` }, { path: `${SITE}/app/old.pyc` }])).toEqual([
      'package-installs-python-bytecode [usr/lib/python3/dist-packages/app/old.pyc]',
      'package-installs-python-pycache-dir [usr/lib/python3/dist-packages/app/__pycache__/]',
    ]);
  });

  it('reports generic module names, odd top-level files and versioned locations', async () => {
    expect(
      await lint([
        { path: `${SITE}/tests/__init__.py` },
        { path: `${SITE}/README.md` },
        { path: 'usr/lib/python3.11/site-packages/app/__init__.py' },
        { path: 'usr/lib/python3.9/app.py' },
        // lintian's pattern is python\d\.\d/, so two-digit minor versions slip through
        { path: 'usr/lib/python3.11/app.py' },
        { path: 'usr/share/app/app.egg' },
      ]),
    ).toEqual([
      'package-installs-python-egg [usr/share/app/app.egg]',
      'python-module-has-overly-generic-name (tests) [usr/lib/python3/dist-packages/tests/__init__.py]',
      'python-module-in-wrong-location usr/lib/python3.11/site-packages/app -> usr/lib/python3/dist-packages/app',
      'third-party-package-in-python-dir [usr/lib/python3.9/app.py]',
      'unknown-file-in-python-module-directory [usr/lib/python3/dist-packages/README.md]',
    ]);
    expect(await lint([{ path: 'usr/lib/python3.9/app.py' }], { Package: 'python3.9', Depends: 'python3' })).toEqual([]);
  });
});

describe('python-package-missing-depends-on-python', () => {
  const files = [{ path: `${SITE}/app/__init__.py` }];
  const tags = async (fields: Record<string, string>) => (await lint(files, fields)).filter((t) => t.startsWith('python-package-missing'));
  it('wants a dependency on the interpreter of the module directory', async () => {
    expect(await tags({})).toEqual(['python-package-missing-depends-on-python']);
    expect(await tags({ Depends: 'libc6' })).toEqual(['python-package-missing-depends-on-python']);
    expect(await tags({ Depends: 'python3 (>= 3.11), python3 (<< 3.12)' })).toEqual([]);
    expect(await tags({ Recommends: 'python3-minimal:any | python3' })).toEqual([]);
    expect(await tags({ Depends: 'python3 | pypy3' })).toEqual(['python-package-missing-depends-on-python']);
    expect(await tags({ Depends: 'python3 [amd64]' })).toEqual(['python-package-missing-depends-on-python']);
    expect(await tags({ Package: 'demo-dbg' })).toEqual([]);
    expect(await tags({ Package: 'python3' })).toEqual([]);
  });
});
