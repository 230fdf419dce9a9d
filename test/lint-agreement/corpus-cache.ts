/**
 * The built corpus and lintian's verdict on it, cached under the test cache by a hash of the
 * recipe sources, the builder and lintian's arguments; the tool versions are recorded beside it
 * and a change of them rebuilds it. lintian takes about a minute over the corpus; with a warm
 * cache the suite pays nothing for it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testCacheDir } from '../support/root-cache.js';
import { withFileLock } from '../support/lock.js';
import { findTool, requireTool } from '../support/tools.js';
import { buildRecipe, debFileName, toolVersions, type BuildTools } from './build.js';
import { LINTIAN_ARGS, runLintian } from './lintian.js';
import type { Recipe } from './recipe.js';

const HERE = import.meta.dirname;
// The sources whose content decides the corpus (lintian's arguments are hashed too); the
// parsing, comparison and report code is not among them.
const KEY_FILES = ['recipe.ts', 'elf.ts', 'stage.ts', 'build.ts', 'corpus-cache.ts'];

type Meta = Pick<CorpusRun, 'buildSeconds' | 'lintianSeconds' | 'lintianVersion'>;

export interface CorpusRun {
  dir: string;
  /** name → .deb path, in corpus order. */
  debs: Map<string, string>;
  lintianOutput: string;
  buildSeconds: number;
  lintianSeconds: number;
  /** `Lintian v2.116.3+deb12u1`, as it said when the corpus was checked. */
  lintianVersion: string;
  /** True when this call built the corpus and ran lintian. */
  fresh: boolean;
}

function sourceHash(extra: string): string {
  const h = createHash('sha256').update(extra).update(JSON.stringify(LINTIAN_ARGS));
  const files = [...KEY_FILES, ...readdirSync(join(HERE, 'corpus')).sort().map((f) => `corpus/${f}`)];
  for (const f of files) h.update(`\0${f}\0`).update(readFileSync(join(HERE, f)));
  return h.digest('hex').slice(0, 16);
}

export async function ensureCorpus(recipes: Recipe[]): Promise<CorpusRun> {
  const names = recipes.map((r) => r.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`corpus recipe name ${dup} is used twice`);
  const dir = join(testCacheDir(), 'lint-corpus', sourceHash(process.arch));
  // A newer lintian, gcc or dpkg-deb makes the cache stale; where they are absent the cached
  // verdict stands (nothing could be rebuilt anyway).
  const found = { 'dpkg-deb': await findTool('dpkg-deb'), gcc: await findTool('gcc'), 'g++': await findTool('g++'), lintian: await findTool('lintian') };
  const tools = Object.values(found).every(Boolean) ? toolVersions(found) : undefined;
  const cached = (): (Meta & { tools?: string }) | undefined => {
    if (!existsSync(join(dir, 'lintian.txt'))) return undefined;
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta & { tools?: string };
    return tools === undefined || meta.tools === tools ? meta : undefined;
  };
  const read = (meta: Meta, fresh: boolean): CorpusRun => ({
    dir,
    debs: new Map(recipes.map((r) => [r.name, join(dir, 'debs', debFileName(r))])),
    lintianOutput: readFileSync(join(dir, 'lintian.txt'), 'utf8'),
    ...meta,
    fresh,
  });
  const hit = cached();
  if (hit) {
    utimesSync(dir, new Date(), new Date()); // in use: keep it from pruning
    return read(hit, false);
  }
  const build: BuildTools = {
    dpkgDeb: await requireTool('dpkg-deb', 'dpkg'),
    gcc: await requireTool('gcc', 'gcc'),
    gxx: await requireTool('g++', 'g++'),
    strip: await requireTool('strip', 'binutils'),
    ...(process.getuid?.() === 0 ? {} : { fakeroot: await requireTool('fakeroot', 'fakeroot') }),
  };
  const lintian = await requireTool('lintian', 'lintian');
  mkdirSync(join(dir, '..'), { recursive: true });
  return withFileLock(`${dir}.lock`, async () => {
    const waited = cached(); // another process built it while we waited
    if (waited) return read(waited, false);
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(join(tmp, 'debs'), { recursive: true });
    let meta: Meta;
    try {
      let t = Date.now();
      await pool(recipes, 2, (r) => buildRecipe(r, join(tmp, 'debs'), join(tmp, 'work'), build));
      rmSync(join(tmp, 'work'), { recursive: true, force: true });
      const buildSeconds = (Date.now() - t) / 1000;
      t = Date.now();
      const out = await runLintian(lintian, recipes.map((r) => join(tmp, 'debs', debFileName(r))));
      const lintianSeconds = (Date.now() - t) / 1000;
      writeFileSync(join(tmp, 'lintian.txt'), out);
      const lintianVersion = execFileSync(lintian, ['--version'], { encoding: 'utf8' }).trim();
      meta = { buildSeconds, lintianSeconds, lintianVersion };
      writeFileSync(join(tmp, 'meta.json'), JSON.stringify({ ...meta, tools }));
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    pruneOld(join(dir, '..'), dir);
    return read(meta, true);
  });
}

/** Drops corpora of other recipe versions not used for two weeks (other branches may still want recent ones). */
function pruneOld(parent: string, keep: string): void {
  const cutoff = Date.now() - 14 * 86_400_000;
  for (const name of readdirSync(parent)) {
    const path = join(parent, name);
    if (path === keep || name.endsWith('.lock') || statSync(path).mtimeMs > cutoff) continue;
    rmSync(path, { recursive: true, force: true });
  }
}

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}
