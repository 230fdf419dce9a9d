/**
 * The benchmark payload: a realistic service package tree. A Python application (the host's
 * Python standard library as a stand-in for a vendored application), real shared libraries, and
 * a large incompressible "model" file; about 120 MB, or scaled up for the memory run.
 * Made once into bench/.payload/<name> and reused.
 */
import { createHash } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

const PY = '/usr/lib/python3.11';
const LIBDIR = `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`;

export interface PayloadSpec {
  name: string;
  /** Copies of the Python tree (about 50 MB each). */
  pythonCopies: number;
  /** MiB of shared libraries copied from the host. */
  libMiB: number;
  /** MiB of incompressible model data. */
  modelMiB: number;
}

export const standardPayload: PayloadSpec = { name: 'service-120m', pythonCopies: 2, libMiB: 48, modelMiB: 24 };
export const largePayload: PayloadSpec = { name: 'service-1g', pythonCopies: 10, libMiB: 400, modelMiB: 400 };

/** Returns the directory whose `usr/` tree is the package content. */
export async function ensurePayload(benchDir: string, spec: PayloadSpec): Promise<string> {
  const dir = join(benchDir, '.payload', spec.name);
  const marker = join(dir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(spec)) return dir;
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const app = join(tmp, 'usr/lib/benchapp');
  mkdirSync(app, { recursive: true });
  for (let i = 0; i < spec.pythonCopies; i++) {
    cpSync(PY, join(app, `python${i}`), { recursive: true, verbatimSymlinks: true, filter: (src) => !src.includes('__pycache__') && !src.includes('site-packages') && !src.includes('dist-packages') });
  }
  copyLibraries(join(app, 'lib'), spec.libMiB * 1024 * 1024);
  await writeModel(join(app, 'models/model.bin'), spec.modelMiB);
  writeFileSync(join(tmp, '.complete'), JSON.stringify(spec));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

function copyLibraries(dest: string, budget: number): void {
  mkdirSync(dest, { recursive: true });
  let used = 0;
  for (const name of readdirSync(LIBDIR).sort()) {
    if (!/\.so(\.\d+)*$/.test(name)) continue;
    const src = join(LIBDIR, name);
    const st = statSync(src, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size > 64 * 1024 * 1024) continue;
    if (used + st.size > budget) continue;
    cpSync(src, join(dest, name));
    used += st.size;
  }
}

/** Deterministic, incompressible bytes: SHA-256 in counter mode. */
async function writeModel(path: string, mib: number): Promise<void> {
  mkdirSync(join(path, '..'), { recursive: true });
  const out = createWriteStream(path);
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) {
    for (let off = 0; off < block.length; off += 32) {
      createHash('sha256').update(`${i}:${off}`).digest().copy(block, off);
    }
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
