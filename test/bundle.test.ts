/**
 * The executable as installed: the esbuild bundles (the debship.cjs entry, and lint-core.cjs and
 * main-core.cjs, which it loads with a V8 code cache) built into a temporary directory and run
 * with node. The other CLI tests run the sources through tsx, which never takes these paths.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
let dir: string;
let cache: string;

function debship(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(dir, 'dist/bin/debship.cjs'), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, NO_COLOR: '1', CI: 'true', XDG_CACHE_HOME: cache, SOURCE_DATE_EPOCH: '1700000000', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'debship-bundle-'));
  cache = join(dir, 'cache');
  // The bundles find package.json two levels up, as in the published package.
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  mkdirSync(join(dir, 'dist'));
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), join(dir, 'dist/bin')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling failed: ${r.stderr}`);
}, 120_000);

describe('the bundled executable', () => {
  it('runs commands from the code-cached bundle, the second time from the cache', () => {
    for (let run = 0; run < 2; run++) {
      const r = debship(['version', '--config', join(ROOT, 'examples/hello-service/debship.yaml'), '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ upstream: expect.any(String), debian: expect.any(String) });
    }
    expect(readdirSync(join(cache, 'debship/code-cache')).filter((f) => f.startsWith('main-core.cjs-'))).toHaveLength(1);
  });

  it('runs without a cache where its directory cannot be made', () => {
    // Under /proc, Node 20's recursive mkdir never returns: the run hung writing its cache.
    const r = debship(['version', '--config', join(ROOT, 'examples/hello-service/debship.yaml')], { XDG_CACHE_HOME: '/proc/debship-none' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('keeps exit statuses, help and errors', () => {
    expect(debship(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(debship(['gate', '--help']).code).toBe(0);
    expect(debship(['no-such-command']).code).toBe(2);
    const missing = debship(['build', '--config', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^debship: error: .*nope\.yaml: no such file\n {2}hint: /);
  });

  it('finds lintian\'s misspellings in the word list beside the bundle', () => {
    // The list is read only when a word may be misspelt: this description has one.
    const data = join(dir, 'typo.json');
    writeFileSync(data, '{}\n');
    const config = join(dir, 'typo.yaml');
    writeFileSync(config, `name: typo\nversion: 1.0.0\narch: all\nmaintainer: M <m@example.org>\ndescription: tool to recieve greetings\nlint: { enabled: false }\ncontents:\n  - { src: ${data}, dst: /usr/share/typo/typo.json }\n`);
    const built = debship(['build', '--config', config, '--out', join(dir, 'typo-out'), '--json']);
    expect(built.code, built.stderr).toBe(0);
    const deb = (JSON.parse(built.stdout) as { packages: { path: string }[] }).packages[0]!.path;
    const lint = debship(['lint', deb, '-I', '--format', 'json', '--fail-on', 'none']);
    expect(lint.code, lint.stderr).toBe(0);
    expect(JSON.parse(lint.stdout)).toContainEqual(expect.objectContaining({ tag: 'spelling-error-in-description-synopsis', context: 'recieve receive' }));
  });

  it('builds, inspects and lints a package, and runs a gate', () => {
    const built = debship(['build', '--config', join(ROOT, 'examples/hello-service/debship.yaml'), '--out', join(dir, 'out'), '--json']);
    expect(built.code, built.stderr).toBe(0);
    const deb = (JSON.parse(built.stdout) as { packages: { path: string }[] }).packages[0]!.path;
    expect(debship(['inspect', deb, '--json']).code).toBe(0);
    const lint = debship(['lint', deb]);
    expect(lint.code, lint.stderr).toBe(0);
    // The cache the first lint wrote is used by later ones: one V8 rejected (made under other
    // flags, say) would be compiled anew and written again by every run.
    const lintCache = () => {
      const names = readdirSync(join(cache, 'debship/code-cache')).filter((f) => f.startsWith('lint-core.cjs-'));
      expect(names).toHaveLength(1);
      return statSync(join(cache, 'debship/code-cache', names[0]!)).ino;
    };
    const written = lintCache();
    for (let run = 0; run < 2; run++) expect(debship(['lint', deb]).code).toBe(0);
    expect(lintCache()).toBe(written);
    // One written by a run of several packages is replaced by the next run of one small package.
    rmSync(join(cache, 'debship/code-cache'), { recursive: true });
    expect(debship(['lint', deb, deb]).code).toBe(0);
    const fromBatch = lintCache();
    expect(debship(['lint', deb, deb]).code).toBe(0);
    expect(lintCache()).toBe(fromBatch);
    expect(debship(['lint', deb]).code).toBe(0);
    const fromOne = lintCache();
    expect(fromOne).not.toBe(fromBatch);
    expect(debship(['lint', deb, deb]).code).toBe(0);
    expect(lintCache()).toBe(fromOne);
    // Large enough that files are hashed on worker threads too, whose code comes from the bundle.
    const payload = join(dir, 'payload');
    mkdirSync(payload);
    writeFileSync(join(payload, 'model.bin'), randomBytes(20 * 1024 * 1024));
    writeFileSync(join(payload, 'small.txt'), 'small\n');
    const config = join(dir, 'large.yaml');
    writeFileSync(config, `name: large\nversion: 1.0.0\narch: all\nmaintainer: M <m@example.org>\ndescription: large\nlint: { enabled: false }\ndeb: { compression: zstd }\ncontents:\n  - { src: ${payload}, dst: /usr/share/large, type: tree }\n`);
    const large = debship(['build', '--config', config, '--out', join(dir, 'out'), '--json']);
    expect(large.code, large.stderr).toBe(0);
    const largeDeb = (JSON.parse(large.stdout) as { packages: { path: string }[] }).packages[0]!.path;
    const files = (JSON.parse(debship(['inspect', largeDeb, '--json']).stdout) as { files: { path: string; size: number }[] }).files;
    expect(files.find((f) => f.path === '/usr/share/large/model.bin')?.size).toBe(20 * 1024 * 1024);
    // lint checks every file against md5sums: the sums the workers computed must be right.
    const checked = JSON.parse(debship(['lint', largeDeb, '--format', 'json', '--fail-on', 'none']).stdout) as { tag: string }[];
    expect(checked.map((t) => t.tag)).not.toContain('md5sum-mismatch');
    const gate = debship(['gate', 'audit', join(ROOT, 'src/gates/audit/__fixtures__/npm-audit-v2.json'), '--format', 'json']);
    expect(gate.code).toBe(1);
    expect(JSON.parse(gate.stdout).passed).toBe(false);
  });

  describe('the debship command (debship.cjs, which npm links, started from /bin/sh)', () => {
    // A stand-in for node on PATH that prints what it was started with.
    function viaCommand(args: string[], env: Record<string, string>) {
      const fake = join(dir, 'fake-node');
      mkdirSync(fake, { recursive: true });
      writeFileSync(join(fake, 'node'), '#!/bin/sh\nprintf \'%s\\n\' "ca=${NODE_EXTRA_CA_CERTS-unset}" "$@"\n');
      chmodSync(join(fake, 'node'), 0o755);
      const link = join(dir, 'linked-debship');
      symlinkSync(join(dir, 'dist/bin/debship.cjs'), link);
      try {
        const r = spawnSync(link, args, { env: { ...env, PATH: `${fake}:${process.env.PATH}` }, encoding: 'utf8' });
        return r.stdout.trimEnd().split('\n');
      } finally {
        rmSync(link, { force: true });
      }
    }

    it('starts node on itself, passing every argument as it is', () => {
      // Node resolves the link to the real file itself.
      expect(viaCommand(['inspect', '', 'a b.deb', '--json'], {})).toEqual(['ca=unset', join(dir, 'linked-debship'), 'inspect', '', 'a b.deb', '--json']);
    });

    it('is the command package.json declares', () => {
      const { bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
      expect(bin).toEqual({ debship: 'dist/bin/debship.cjs' });
      expect(statSync(join(dir, bin.debship!)).mode & 0o111).toBe(0o111);
    });

    it('drops NODE_EXTRA_CA_CERTS for lint only, which opens no connections', () => {
      const env = { NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem' };
      expect(viaCommand(['lint', 'x.deb'], env)[0]).toBe('ca=unset');
      expect(viaCommand(['build', '--config', 'lint'], env)[0]).toBe('ca=/etc/ssl/extra.pem');
      expect(viaCommand(['--version'], env)[0]).toBe('ca=/etc/ssl/extra.pem');
    });

    it('lints a package with the real node, through a link as npm makes', () => {
      const deb = join(dir, 'out', readdirSync(join(dir, 'out')).find((f) => f.endsWith('.deb') && f.startsWith('hello-service'))!);
      const bin = join(dir, 'node_modules/.bin');
      mkdirSync(bin, { recursive: true });
      symlinkSync('../../dist/bin/debship.cjs', join(bin, 'debship'));
      const r = spawnSync(join(bin, 'debship'), ['lint', '--format', 'json', deb], {
        env: { PATH: process.env.PATH, XDG_CACHE_HOME: cache, NODE_EXTRA_CA_CERTS: '/nonexistent.pem' },
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([]);
      const version = spawnSync(join(bin, 'debship'), ['--version'], { env: { PATH: process.env.PATH, XDG_CACHE_HOME: cache }, encoding: 'utf8' });
      expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    });
  });
});
