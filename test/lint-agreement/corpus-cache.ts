/**
 * The built corpus and lintian's verdict on it, cached by a hash of everything that shapes them:
 * the recipe sources, the builder, lintian's arguments and the versions of the tools. lintian
 * takes about a minute over the corpus; with a warm cache the suite pays nothing for it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testCacheDir } from '../support/root-cache.js';
import { withFileLock } from '../support/lock.js';
import { findTool, requireTool } from '../support/tools.js';
import { buildRecipe, debFileName, toolVersions, type BuildTools } from './build.js';
import { runLintian } from './lintian.js';
import type { Recipe } from './recipe.js';

const HERE = import.meta.dirname;
// The sources whose content decides the corpus; the comparison and report code is not among them.
const KEY_FILES = ['recipe.ts', 'elf.ts', 'build.ts', 'lintian.ts', 'corpus-cache.ts'];

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
  const h = createHash('sha256').update(extra);
  const files = [...KEY_FILES, ...readdirSync(join(HERE, 'corpus')).sort().map((f) => `corpus/${f}`)];
  for (const f of files) h.update(`\0${f}\0`).update(readFileSync(join(HERE, f)));
  return h.digest('hex').slice(0, 16);
}

export async function ensureCorpus(recipes: Recipe[]): Promise<CorpusRun> {
  const names = recipes.map((r) => r.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`corpus recipe name ${dup} is used twice`);
  // Tool versions are part of the key only when the tools are there; a warm cache needs none.
  const found = { 'dpkg-deb': await findTool('dpkg-deb'), gcc: await findTool('gcc'), 'g++': await findTool('g++'), lintian: await findTool('lintian') };
  const key = sourceHash(`${process.arch}\n${toolVersions(found)}`);
  const dir = join(testCacheDir(), 'lint-corpus', key);
  const debsOf = () => new Map(recipes.map((r) => [r.name, join(dir, 'debs', debFileName(r))]));
  const read = (fresh: boolean): CorpusRun => ({
    dir,
    debs: debsOf(),
    lintianOutput: readFileSync(join(dir, 'lintian.txt'), 'utf8'),
    ...(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Pick<CorpusRun, 'buildSeconds' | 'lintianSeconds' | 'lintianVersion'>),
    fresh,
  });
  if (existsSync(join(dir, 'lintian.txt'))) return read(false);
  const tools: BuildTools = {
    dpkgDeb: await requireTool('dpkg-deb', 'dpkg'),
    gcc: await requireTool('gcc', 'gcc'),
    gxx: await requireTool('g++', 'g++'),
    strip: await requireTool('strip', 'binutils'),
    ...(process.getuid?.() === 0 ? {} : { fakeroot: await requireTool('fakeroot', 'fakeroot') }),
  };
  const lintian = await requireTool('lintian', 'lintian');
  mkdirSync(join(dir, '..'), { recursive: true });
  return withFileLock(`${dir}.lock`, async () => {
    if (existsSync(join(dir, 'lintian.txt'))) return read(false);
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(join(tmp, 'debs'), { recursive: true });
    try {
      let t = Date.now();
      await pool(recipes, 2, (r) => buildRecipe(r, join(tmp, 'debs'), join(tmp, 'work'), tools));
      rmSync(join(tmp, 'work'), { recursive: true, force: true });
      const buildSeconds = (Date.now() - t) / 1000;
      t = Date.now();
      const out = await runLintian(lintian, recipes.map((r) => join(tmp, 'debs', debFileName(r))));
      const lintianSeconds = (Date.now() - t) / 1000;
      writeFileSync(join(tmp, 'lintian.txt'), out);
      const lintianVersion = execFileSync(lintian, ['--version'], { encoding: 'utf8' }).trim();
      writeFileSync(join(tmp, 'meta.json'), JSON.stringify({ buildSeconds, lintianSeconds, lintianVersion }));
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    return read(true);
  });
}

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}
