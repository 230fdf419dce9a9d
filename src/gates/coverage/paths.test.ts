import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathResolver, projectPath } from './paths.js';
import { readOne, tempRoot, type TempRoot } from './test-support.js';

describe('projectPath', () => {
  it('is relative with / under the root, absolute outside it', () => {
    expect(projectPath('/p/src/a.ts', '/p')).toBe('src/a.ts');
    expect(projectPath('/p/src/a.ts', '/p/')).toBe('src/a.ts');
    expect(projectPath('/elsewhere/a.ts', '/p')).toBe('/elsewhere/a.ts');
    expect(projectPath('/p2/a.ts', '/p')).toBe('/p2/a.ts');
    expect(projectPath('/p/..x/a.ts', '/p')).toBe('..x/a.ts');
  });
});

describe('pathResolver', () => {
  const existing = new Set(['/p/reports/gen/a.ts', '/p/src/b.ts', '/p/reports/src/b.ts', '/p/lib/pkg/c.py']);
  const paths = pathResolver('/p', '/p/reports', (abs) => existing.has(abs));

  it('normalises absolute paths, and takes relative istanbul keys against the root', () => {
    expect(paths.fromAbsolute('/p/src/../lib/x.ts')).toBe('lib/x.ts');
    expect(paths.fromAbsolute('/usr/lib/node/x.js')).toBe('/usr/lib/node/x.js');
    expect(paths.fromAbsolute('src/x.ts')).toBe('src/x.ts');
  });

  it('resolves lcov SF against the root or the report directory, whichever holds the file, else the root', () => {
    expect(paths.lcov('gen/a.ts')).toBe('reports/gen/a.ts');
    expect(paths.lcov('src/b.ts')).toBe('src/b.ts'); // under both: the root, as most tools mean
    expect(paths.lcov('./src/../src/new.ts')).toBe('src/new.ts');
    expect(paths.lcov('/p/src/b.ts')).toBe('src/b.ts');
    expect(paths.lcov('/opt/x.ts')).toBe('/opt/x.ts');
    expect(paths.lcov('../../outside.ts')).toBe('/outside.ts');
  });

  it('resolves lcov SF in a monorepo package: against the current directory, or a directory above the report', () => {
    const pkg = new Set(['/p/web/src/a.ts', '/p/web/src/b.ts', '/p/src/b.ts']);
    // vitest ran in /p/web and wrote /p/web/coverage/lcov.info with SF:src/a.ts.
    const fromPackage = pathResolver('/p', '/p/web/coverage', (abs) => pkg.has(abs), '/p/web');
    expect(fromPackage.lcov('src/a.ts')).toBe('web/src/a.ts');
    expect(fromPackage.lcov('src/b.ts')).toBe('web/src/b.ts');
    expect(fromPackage.lcov('src/new.ts')).toBe('web/src/new.ts');
    // The gate run from the top level on web/coverage/lcov.info.
    const fromTop = pathResolver('/p', '/p/web/coverage', (abs) => pkg.has(abs), '/p');
    expect(fromTop.lcov('src/a.ts')).toBe('web/src/a.ts');
    expect(fromTop.lcov('src/b.ts')).toBe('src/b.ts');
    // A current directory outside the project is not where the report's tools ran.
    expect(pathResolver('/p', '/p/web/coverage', (abs) => pkg.has(abs) || abs === '/tmp/src/b.ts', '/tmp').lcov('src/b.ts')).toBe('src/b.ts');
  });

  it('resolves Cobertura filenames against the source holding them, else the first non-empty source', () => {
    expect(paths.cobertura('pkg/c.py', ['', '/build/src', '/p/lib'])).toBe('lib/pkg/c.py');
    expect(paths.cobertura('pkg/d.py', ['', '/p/lib', '/p/src'])).toBe('lib/pkg/d.py');
    expect(paths.cobertura('pkg/d.py', ['  ', 'lib'])).toBe('lib/pkg/d.py');
    expect(paths.cobertura('pkg/d.py', [])).toBe('pkg/d.py');
    expect(paths.cobertura('/p/src/b.ts', ['/elsewhere'])).toBe('src/b.ts');
  });

  it('resolves Cobertura filenames against the root when no source holds them (a report written in a container or another checkout)', () => {
    expect(paths.cobertura('src/b.ts', ['/app'])).toBe('src/b.ts');
    expect(paths.cobertura('src/gone.ts', ['/app'])).toBe('/app/src/gone.ts');
  });
});

describe('paths in reports read from disk', () => {
  let t: TempRoot;
  beforeAll(async () => {
    t = await tempRoot();
    await t.write('src/main.ts', '');
    await t.write('reports/generated.ts', '');
  });
  afterAll(() => t.remove());

  it('make the same file the same path in every format', async () => {
    const lcov = await readOne(t, `SF:src/main.ts\nDA:1,1\nend_of_record\nSF:generated.ts\nDA:1,1\nend_of_record\nSF:${t.root}/src/main.ts\nDA:2,1\nend_of_record\n`);
    expect(lcov.files.map((f) => [f.path, [...f.lines.keys()]])).toEqual([
      ['reports/generated.ts', [1]],
      ['src/main.ts', [1, 2]],
    ]);
    const json = await readOne(t, JSON.stringify({ [`${t.root}/src/main.ts`]: { statementMap: {}, s: {}, branchMap: {}, b: {} } }));
    const xml = await readOne(t, `<coverage><sources><source>${t.root}</source></sources><packages><package><classes><class filename="src/main.ts"/></classes></package></packages></coverage>`);
    expect(json.files[0]!.path).toBe('src/main.ts');
    expect(xml.files[0]!.path).toBe('src/main.ts');
  });
});
