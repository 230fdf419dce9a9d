/**
 * The packages the lint benchmark checks, all built with dpkg-deb and kept under
 * bench/.payload/lint/<hash>/ (the hash covers how they are made, so a change rebuilds them):
 * the 120 MB service payload, one small service package, and a batch of small ones — each small
 * one in two kinds: Python only, and with a C extension like examples/hello-service (the
 * product's motivating case: a Python service with a native dependency).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRecipe, type BuildTools } from '../test/lint-agreement/build.js';
import { defaultChangelog, defaultCopyright, type Entry, type Recipe } from '../test/lint-agreement/recipe.js';
import { ensurePayload, standardPayload } from './payload.js';

const ARCH = process.arch === 'arm64' ? 'arm64' : 'amd64';
const PY = '/usr/lib/python3.11';
// Sources of the small service's Python modules: a few dozen real files.
const MODULES = ['json', 'email/mime', 'http', 'urllib', 'logging', 'wsgiref'];

const about = (synopsis: string) =>
  `${synopsis}\n A service package for the lint benchmark, built with dpkg-deb: Python modules,\n a launcher, a systemd unit, a conffile and maintainer scripts.`;
const EXTENSION_SOURCE = new URL('../examples/hello-service/native/_hello.c', import.meta.url);
const TRIPLET = ARCH === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';

/**
 * examples/hello-service's C extension, built as its build.sh builds it (Debian's hardening
 * flags, stripped) for python3.11 on this machine; compiled once for every package that ships it.
 */
function compileExtension(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'debship-bench-ext-'));
  try {
    const out = join(dir, '_hello.so');
    execFileSync('gcc', [
      '-O2', '-fstack-protector-strong', '-fstack-clash-protection', '-D_FORTIFY_SOURCE=2', '-shared', '-fPIC',
      '-I/usr/include/python3.11', '-Wl,-z,relro', '-Wl,-z,now', '-o', out, EXTENSION_SOURCE.pathname,
    ]);
    execFileSync('strip', ['--strip-unneeded', '--remove-section=.comment', '--remove-section=.note', out]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A typical service package: Python modules, a launcher, a unit, a conffile, maintainer scripts;
 * with `extension`, also a compiled CPython extension (and the libc6 dependency it brings).
 */
export function serviceRecipe(name: string, extension?: Buffer): Recipe {
  const app = `/usr/lib/${name}`;
  const modules: Entry[] = MODULES.flatMap((m) =>
    readdirSync(join(PY, m))
      .filter((f) => f.endsWith('.py'))
      .sort()
      .map((f) => ({ path: `${app}/${name.replace(/-/g, '_')}/${m.replace('/', '_')}/${f}`, content: readFileSync(join(PY, m, f)) })),
  );
  const unit = `[Unit]\nDescription=${name}\nDocumentation=man:${name}(1)\n\n[Service]\nExecStart=/usr/bin/${name}\nUser=${name}\nProtectSystem=full\n\n[Install]\nWantedBy=multi-user.target\n`;
  const script = (body: string) => ({ text: `#!/bin/sh\nset -e\n${body}\n` });
  return {
    name,
    about: 'a typical Python service',
    tags: [],
    fields: extension
      ? { Architecture: ARCH, Depends: 'python3, adduser, libc6 (>= 2.14)', Description: about(`HTTP service ${name} with a C extension`) }
      : { Depends: 'python3, adduser', Description: about(`HTTP service ${name}`) },
    files: [
      ...modules,
      ...(extension ? [{ path: `${app}/${name.replace(/-/g, '_')}/_hello.cpython-311-${TRIPLET}.so`, content: extension }] : []),
      { path: `/usr/bin/${name}`, content: `#!/usr/bin/python3\nimport sys\nsys.path.insert(0, '${app}')\n`, mode: 0o755 },
      { path: `/usr/share/man/man1/${name}.1.gz`, content: execFileSync('gzip', ['-9n'], { input: `.TH X 1\n.SH NAME\n${name} \\- service\n` }) },
      { path: `/usr/lib/systemd/system/${name}.service`, content: unit },
      { path: `/etc/${name}/${name}.conf`, content: 'port = 8080\n' },
    ],
    control: {
      postinst: script(`if [ "$1" = configure ]; then\n  adduser --system --group --home /nonexistent ${name}\nfi`),
      prerm: script(`if [ -d /run/systemd/system ]; then\n  deb-systemd-invoke stop ${name}.service >/dev/null || true\nfi`),
    },
  };
}

function cacheDir(benchDir: string, what: object): string {
  const key = createHash('sha256').update(JSON.stringify(what)).update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 12);
  return join(benchDir, '.payload', 'lint', key);
}

export interface SmallPackages {
  /** One small service package. */
  small: string;
  /** `batchSize` small service packages. */
  batch: string[];
}

/** The small packages of both kinds, Python only and with the C extension, built once. */
export async function ensureSmallPackages(benchDir: string, batchSize = 50): Promise<{ python: SmallPackages; native: SmallPackages }> {
  const dir = cacheDir(benchDir, { batchSize, MODULES, ARCH, extension: readFileSync(EXTENSION_SOURCE, 'utf8') });
  const names = Array.from({ length: batchSize }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`);
  const kinds = { python: join(dir, 'python'), native: join(dir, 'native') };
  const paths = (d: string): SmallPackages => ({ small: join(d, 'small', 'hello-svc.deb'), batch: names.map((n) => join(d, 'batch', `${n}.deb`)) });
  const result = { python: paths(kinds.python), native: paths(kinds.native) };
  if (existsSync(join(dir, '.complete'))) return result;
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write('building the small lint benchmark packages with dpkg-deb…\n');
  const tools: BuildTools = { dpkgDeb: 'dpkg-deb', gcc: 'gcc', gxx: 'g++', strip: 'strip' };
  const extension = compileExtension();
  for (const [kind, d] of Object.entries(kinds)) {
    const ext = kind === 'native' ? extension : undefined;
    mkdirSync(join(d, 'batch'), { recursive: true });
    mkdirSync(join(d, 'small'));
    await buildRecipe(serviceRecipe('hello-svc', ext), join(d, 'small'), join(dir, 'work'), tools);
    for (const n of names) await buildRecipe(serviceRecipe(n, ext), join(d, 'batch'), join(dir, 'work'), tools);
  }
  rmSync(join(dir, 'work'), { recursive: true, force: true });
  writeFileSync(join(dir, '.complete'), '');
  return result;
}

/** The 120 MB service payload as one .deb, built once (xz takes a while). */
export async function ensureLargePackage(benchDir: string): Promise<string> {
  const dir = cacheDir(benchDir, { standardPayload, ARCH });
  const out = join(dir, `benchapp_1.0.0-1_${ARCH}.deb`);
  if (existsSync(out)) return out;
  process.stderr.write('building the 120 MB lint benchmark package with dpkg-deb…\n');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await buildLarge(benchDir, out, join(dir, 'root'));
  return out;
}

/** The payload tree, hard-linked (not copied) under a control file, md5sums and the docs lintian wants. */
async function buildLarge(benchDir: string, out: string, root: string): Promise<void> {
  const payload = await ensurePayload(benchDir, standardPayload);
  mkdirSync(root, { recursive: true });
  execFileSync('cp', ['-al', join(payload, 'usr'), root]);
  const doc = join(root, 'usr/share/doc/benchapp');
  mkdirSync(doc, { recursive: true });
  writeFileSync(join(doc, 'copyright'), defaultCopyright('benchapp'));
  writeFileSync(join(doc, 'changelog.Debian.gz'), execFileSync('gzip', ['-9n'], { input: defaultChangelog('benchapp', '1.0.0-1') }));
  mkdirSync(join(root, 'DEBIAN'));
  const control = [
    'Package: benchapp', 'Version: 1.0.0-1', `Architecture: ${ARCH}`, 'Maintainer: Bench Maintainer <bench@example.org>',
    'Section: misc', 'Priority: optional', 'Depends: libc6 (>= 2.34), python3',
    `Description: ${about('benchmark service payload')}`, '',
  ].join('\n');
  writeFileSync(join(root, 'DEBIAN/control'), control);
  const md5 = execFileSync('sh', ['-c', 'find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum'], { cwd: root, maxBuffer: 64 << 20 });
  writeFileSync(join(root, 'DEBIAN/md5sums'), md5);
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '-b', root, `${out}.tmp`], { stdio: 'ignore' });
  renameSync(`${out}.tmp`, out);
  rmSync(root, { recursive: true, force: true });
}
