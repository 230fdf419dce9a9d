/**
 * The bundled example on its own: build.sh compiles the C extension into a temporary staging
 * directory with Debian's python3 and gcc, the example's Python tests run against that tree, the
 * service runs from it and passes test_content/, and the binary is what the package declares.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exec } from '../src/core/exec.js';
import { hostDebianArch } from '../src/deb/arch.js';
import { compareVersions } from '../src/deb/version.js';
import { missingToolMessage, requireTool } from './support/tools.js';

const EXAMPLE = resolve(import.meta.dirname, '../examples/hello-service');
// Debian's interpreter, whatever python3 comes first on PATH (a pyenv one has other headers).
const PYTHON = '/usr/bin/python3';
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' };

let work: string;
let app: string;
let so: string;

async function buildInto(staging: string): Promise<void> {
  await exec('sh', [join(EXAMPLE, 'build.sh')], {
    env: { ...env, DEBSHIP_STAGING: staging, DEBSHIP_ARCH: hostDebianArch(), DEBSHIP_VERSION: '1.2.3', SOURCE_DATE_EPOCH: '1700000000' },
    timeoutMs: 120_000,
  });
}

beforeAll(async () => {
  await requireTool('gcc', 'gcc');
  await requireTool('python3', 'python3');
  await requireTool('readelf', 'binutils');
  const include = (await exec(PYTHON, ['-c', 'import sysconfig; print(sysconfig.get_paths()["include"])'])).stdout.trim();
  await access(join(include, 'Python.h')).catch(() => {
    throw new Error(missingToolMessage(`${include}/Python.h`, 'python3-dev'));
  });
  work = await mkdtemp(join(tmpdir(), 'debship-example-'));
  await buildInto(join(work, 'a'));
  app = join(work, 'a/usr/lib/hello-service');
  const ext = (await readdir(join(app, 'hello_service'))).find((f) => f.startsWith('_hello') && f.endsWith('.so'));
  so = join(app, 'hello_service', ext!);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('examples/hello-service', () => {
  it('passes its Python unit tests against the built tree', async () => {
    const r = await exec(PYTHON, ['-B', '-m', 'unittest'], { cwd: EXAMPLE, env: { ...env, HELLO_SERVICE_APP_DIR: app }, allowFailure: true, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Ran \d+ tests/);
  });

  it('runs from main.py, answers every test_content case, and stops cleanly on SIGTERM', async () => {
    const conf = join(work, 'test.conf');
    await writeFile(conf, '[server]\nlisten = 127.0.0.1\nport = 0\n');
    const child = spawn(PYTHON, ['-E', '-s', join(app, 'main.py'), '--config', conf], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = await new Promise<string>((done, fail) => {
        let log = '';
        child.stderr.on('data', (d: Buffer) => {
          log += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(log);
          if (m) done(m[1]!);
        });
        child.on('exit', (code) => fail(new Error(`hello-service exited with ${code}: ${log}`)));
      });
      const r = await exec(PYTHON, [join(EXAMPLE, 'test_content/run.py'), '--base-url', url, '--wait', '10'], { env, allowFailure: true, timeoutMs: 60_000 });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    } finally {
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('builds a stripped, hardened extension that needs only libc', async () => {
    const sections = (await exec('readelf', ['-SW', so])).stdout;
    expect(sections).not.toMatch(/\.symtab|\.debug_/);
    const dynamic = (await exec('readelf', ['-dW', so])).stdout;
    expect([...dynamic.matchAll(/\(NEEDED\).*\[(.+)\]/g)].map((m) => m[1])).toEqual(['libc.so.6']);
    expect(dynamic).toMatch(/BIND_NOW|FLAGS_1.*NOW/);
    expect((await exec('readelf', ['-lW', so])).stdout).toContain('GNU_RELRO');
  });

  it('declares a libc6 lower bound that covers every glibc symbol version the extension uses', async () => {
    const config = parse(await readFile(join(EXAMPLE, 'debship.yaml'), 'utf8')) as { depends: string[] };
    const declared = config.depends.map((d) => /^libc6 \(>= ([\d.]+)\)$/.exec(d)?.[1]).find(Boolean);
    expect(declared, 'debship.yaml depends on libc6 (>= X)').toBeDefined();
    const symbols = (await exec('readelf', ['--dyn-syms', '-W', so])).stdout;
    const used = [...new Set([...symbols.matchAll(/@GLIBC_([\d.]+)/g)].map((m) => m[1]!))];
    expect(used.length).toBeGreaterThan(0);
    for (const v of used) expect(compareVersions(v, declared!), `GLIBC_${v} > ${declared}`).toBeLessThanOrEqual(0);
  });

  it('builds reproducibly and leaves no __pycache__ in the packaged tree', async () => {
    await buildInto(join(work, 'b'));
    const files = async (root: string) => (await readdir(root, { recursive: true })).sort();
    const a = await files(join(work, 'a'));
    expect(await files(join(work, 'b'))).toEqual(a);
    expect(a.filter((f) => f.includes('__pycache__'))).toEqual([]);
    for (const f of a.filter((p) => p.endsWith('.so') || p.endsWith('.py'))) {
      expect(await readFile(join(work, 'b', f)), f).toEqual(await readFile(join(work, 'a', f)));
    }
  });
});
