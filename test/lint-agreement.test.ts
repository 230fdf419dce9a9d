/**
 * The lint agreement suite: a corpus of packages built with dpkg-deb, each with a deliberate
 * defect or none, judged by real lintian and by `debship lint`. For every tag debship implements
 * the two must report the same (package, tag, context) triples on the whole corpus, and every
 * implemented tag must be exercised by some package. docs/lint-coverage.md lists what is and is
 * not implemented. The corpus and lintian's output are cached by content (see corpus-cache.ts).
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startEarlyDecode } from '../src/lint/early-decode.js';
import { lintPackages } from '../src/lint/engine.js';
import { tagIndex } from '../src/lint/registry.js';
import type { TagInfo } from '../src/lint/types.js';
import { expectGolden } from './support/golden.js';
import { corpus } from './lint-agreement/corpus/index.js';
import { ensureCorpus, type CorpusRun } from './lint-agreement/corpus-cache.js';
import { coverageReport, disagreements, packagesByTag, severityMismatches } from './lint-agreement/coverage.js';
import { runDebship, type DebshipRun } from './lint-agreement/debship.js';
import { KNOWN_DIFFERENCES } from './lint-agreement/known-differences.js';
import { parseLintian, type Hint } from './lint-agreement/lintian.js';

const REPORT = resolve(import.meta.dirname, '../docs/lint-coverage.md');

let run: CorpusRun;
let lintian: Hint[];
let debship: DebshipRun;
let implemented: TagInfo[];

beforeAll(async () => {
  run = await ensureCorpus(corpus);
  lintian = parseLintian(run.lintianOutput);
  debship = await runDebship([...run.debs.values()]);
  implemented = [...new Set(tagIndex().values())];
  const how = run.fresh ? `built in ${run.buildSeconds.toFixed(1)} s, lintian ${run.lintianSeconds.toFixed(1)} s` : 'cached';
  process.stderr.write(`lint agreement: ${corpus.length} packages (${how}), debship ${debship.seconds.toFixed(2)} s\n`);
}, 30 * 60_000);

describe('lint agreement with lintian', () => {
  it('debship reads every corpus package', () => {
    expect(debship.errors).toEqual([]);
  });

  it('each recipe raises exactly the tags it is about (classification tags aside)', () => {
    const wrong: string[] = [];
    for (const r of corpus) {
      const got = [...new Set(lintian.filter((h) => h.package === r.name && h.severity !== 'C').map((h) => h.tag))].sort();
      const want = [...new Set(r.tags)].sort();
      if (got.join() !== want.join()) wrong.push(`${r.name}: recipe says [${want.join(', ')}], lintian says [${got.join(', ')}]`);
    }
    const known = new Set(corpus.map((r) => r.name));
    wrong.push(...lintian.filter((h) => !known.has(h.package)).map((h) => `lintian reports an unknown package: ${h.package}`));
    expect(wrong).toEqual([]);
  });

  it('reports exactly what lintian reports for every implemented tag', () => {
    const d = disagreements(lintian, debship.hints, new Set(implemented.map((t) => t.name)));
    const known = {
      'lintian only': KNOWN_DIFFERENCES.flatMap((k) => (k.lintian ? [k.lintian] : [])).sort(),
      'debship only': KNOWN_DIFFERENCES.flatMap((k) => (k.debship ? [k.debship] : [])).sort(),
    };
    expect({ 'lintian only': d.missed, 'debship only': d.extra }, 'see test/lint-agreement/known-differences.ts').toEqual(known);
  });

  it('gives implemented tags lintian\'s severities', () => {
    expect(severityMismatches(lintian, tagIndex())).toEqual([]);
  });

  it('exercises every implemented tag with some corpus package', () => {
    const by = packagesByTag(lintian);
    expect(implemented.map((t) => t.name).filter((t) => !by.has(t)).sort()).toEqual([]);
  });

  it('finds the same when each package was decoded early, as `debship lint` on one package does', async () => {
    const differ: string[] = [];
    let decodedEarly = 0;
    for (const deb of run.debs.values()) {
      const plain = await lintPackages([deb], { failOn: 'none' });
      const early = await startEarlyDecode(deb);
      if (early?.members.includes('data.tar.xz')) decodedEarly++;
      if (JSON.stringify(await lintPackages([deb], { failOn: 'none', ...(early ? { early } : {}) })) !== JSON.stringify(plain)) differ.push(deb);
    }
    expect(differ).toEqual([]);
    // dpkg-deb compresses with xz unless a recipe is about another codec.
    expect(decodedEarly).toBeGreaterThan(run.debs.size * 0.9);
  }, 120_000);

  it('keeps docs/lint-coverage.md up to date', () => {
    expectGolden(REPORT, coverageReport({ lintian, implemented, corpusSize: corpus.length, lintianVersion: run.lintianVersion, known: KNOWN_DIFFERENCES }));
  });
});

describe('reading lintian output', () => {
  it('takes the package, tag and context from tag lines, with type and architecture annotations', () => {
    const out = [
      'E: pkg: tag-one [usr/bin/x]',
      'W: pkg (binary): tag-two some context  [with spaces]',
      'I: pkg (udeb) amd64: tag-three',
      'N: a note, not a tag',
      'N:',
      'O: pkg: overridden-tag',
      'C: pkg: trimmed-field Package pkg',
      '',
    ].join('\n');
    expect(parseLintian(out)).toEqual([
      { severity: 'E', package: 'pkg', tag: 'tag-one', context: '[usr/bin/x]' },
      { severity: 'W', package: 'pkg', tag: 'tag-two', context: 'some context  [with spaces]' },
      { severity: 'I', package: 'pkg', tag: 'tag-three', context: '' },
      { severity: 'C', package: 'pkg', tag: 'trimmed-field', context: 'Package pkg' },
    ]);
  });

  it('refuses a line it does not understand rather than dropping it', () => {
    expect(() => parseLintian('something else\n')).toThrow(/unexpected lintian output line/);
  });
});
