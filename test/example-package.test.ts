/**
 * The example as a package: its debship.yaml loads without warnings, `build()` turns it into a
 * .deb, and lintian (the oracle) finds nothing in it, maintainer scripts included.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuiltPackage } from '../src/build/build.js';
import { loadConfig } from '../src/config/load.js';
import { exec } from '../src/core/exec.js';
import { readDeb } from '../src/deb/reader.js';
import { requireTool } from './support/tools.js';

const CONFIG = resolve(import.meta.dirname, '../examples/hello-service/debship.yaml');
let out: string;
let pkg: BuiltPackage;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'debship-example-deb-'));
  const { config, warnings } = await loadConfig(CONFIG, { env: {} });
  expect(warnings).toEqual([]);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', SOURCE_DATE_EPOCH: '1700000000' };
  const built = await build({ config, outDir: out, env });
  expect(built).toHaveLength(1);
  pkg = built[0]!;
}, 180_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('examples/hello-service as a .deb', () => {
  it('has the service, its user, its conffile and the generated maintainer scripts', async () => {
    const deb = await readDeb(pkg.path);
    expect(deb.conffiles).toEqual([{ path: '/etc/hello-service/hello-service.conf' }]);
    const paths = deb.files.map((f) => f.path);
    expect(paths).toContain('/usr/lib/systemd/system/hello-service.service');
    expect(paths.some((p) => /^\/usr\/lib\/hello-service\/hello_service\/_hello\..*\.so$/.test(p))).toBe(true);
    expect(Object.keys(deb.scripts).sort()).toEqual(['postinst', 'postrm', 'prerm']);
    expect(deb.scripts.postinst).toContain("useradd --system --gid 'hello-service'");
    expect(deb.scripts.postinst).toContain("deb-systemd-helper enable 'hello-service.service'");
    const depends = deb.control.find(([k]) => k === 'Depends')?.[1];
    expect(depends).toBe('python3 (>= 3.11), python3 (<< 3.12), libc6 (>= 2.17), passwd');
  });

  it('is lintian-clean, pedantic tags included (one justified override)', async () => {
    const lintian = await requireTool('lintian', 'lintian');
    const r = await exec(lintian, ['--no-cfg', '-I', '--pedantic', '--fail-on', 'error,warning,info,pedantic', pkg.path], {
      allowFailure: true,
      timeoutMs: 240_000,
    });
    const tags = r.stdout.split('\n').filter((l) => /^[EWIPX]: /.test(l));
    expect(tags, r.stdout + r.stderr).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
  }, 240_000);
});
