/**
 * A 50 MB report of each format is read whole, with the totals the generator counted. How fast is
 * for the benchmarks; this only shows that size alone breaks nothing (no string limit, no stack).
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageTotals } from './model.js';
import { readCoverageReports } from './read.js';
import { tempRoot, type TempRoot } from './test-support.js';
import { sumTotals } from './totals.js';

const TARGET_BYTES = 50 * 1024 * 1024;
const LINES_PER_FILE = 2000;

let t: TempRoot;
beforeAll(async () => {
  t = await tempRoot();
});
afterAll(() => t.remove());

interface Generated {
  path: string;
  files: number;
  totals: CoverageTotals;
}

/**
 * Writes `head`, then one `file(i)` piece per source file until the report passes 50 MB, then
 * `tail`; pieces are written in batches so the test never holds the whole report either.
 */
async function generate(
  name: string,
  head: string,
  file: (i: number, totals: CoverageTotals) => string,
  separator: string,
  tail: string,
): Promise<Generated> {
  const path = join(t.root, name);
  const out = await open(path, 'w');
  const totals: CoverageTotals = { lines: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } };
  let size = 0;
  let files = 0;
  try {
    let batch = head;
    while (size + batch.length < TARGET_BYTES) {
      batch += (files > 0 ? separator : '') + file(files++, totals);
      if (batch.length > 1 << 20) {
        await out.write(batch);
        size += batch.length;
        batch = '';
      }
    }
    await out.write(batch + tail);
  } finally {
    await out.close();
  }
  return { path, files, totals };
}

/** Line n of every file is hit n % 3 times; every tenth line has two branch outcomes, one taken. */
function eachLine(totals: CoverageTotals, visit: (line: number, hits: number, branch: boolean) => void): void {
  for (let line = 1; line <= LINES_PER_FILE; line++) {
    const hits = line % 3;
    const branch = line % 10 === 0;
    totals.lines.total++;
    if (hits > 0) totals.lines.covered++;
    if (branch) {
      totals.branches.total += 2;
      totals.branches.covered += 1;
    }
    visit(line, hits, branch);
  }
}

async function expectRead(g: Generated, format: string): Promise<void> {
  const [report] = await readCoverageReports([g.path], { root: t.root });
  expect(report!.format).toBe(format);
  expect(report!.files).toHaveLength(g.files);
  expect(sumTotals(report!.files)).toEqual(g.totals);
}

describe('50 MB reports', () => {
  it('lcov', async () => {
    const g = await generate(
      'lcov.info',
      'TN:\n',
      (i, totals) => {
        const parts = [`SF:src/generated/module-${i}.ts\n`];
        eachLine(totals, (line, hits, branch) => {
          parts.push(`DA:${line},${hits}\n`);
          if (branch) parts.push(`BRDA:${line},0,0,${hits + 1}\nBRDA:${line},0,1,-\n`);
        });
        parts.push('end_of_record\n');
        return parts.join('');
      },
      '',
      '',
    );
    await expectRead(g, 'lcov');
  });

  it('Cobertura', async () => {
    const g = await generate(
      'coverage.xml',
      `<?xml version="1.0" ?>\n<coverage version="6.5.0">\n<sources><source>${t.root}</source></sources>\n<packages><package name="generated"><classes>\n`,
      (i, totals) => {
        const parts = [`<class name="module_${i}.py" filename="generated/module_${i}.py"><methods/><lines>\n`];
        eachLine(totals, (line, hits, branch) => {
          parts.push(
            branch
              ? `<line number="${line}" hits="${hits}" branch="true" condition-coverage="50% (1/2)" missing-branches="${line + 2}"/>\n`
              : `<line number="${line}" hits="${hits}"/>\n`,
          );
        });
        parts.push('</lines></class>\n');
        return parts.join('');
      },
      '',
      '</classes></package></packages>\n</coverage>\n',
    );
    await expectRead(g, 'cobertura');
  });

  it('istanbul coverage-final.json', async () => {
    const g = await generate(
      'coverage-final.json',
      '{',
      (i, totals) => {
        const path = `${t.root}/src/generated/module-${i}.ts`;
        const statements: string[] = [];
        const counts: string[] = [];
        const branchMap: string[] = [];
        const b: string[] = [];
        eachLine(totals, (line, hits, branch) => {
          const loc = `{"start":{"line":${line},"column":0},"end":{"line":${line},"column":20}}`;
          statements.push(`"${line}":${loc}`);
          counts.push(`"${line}":${hits}`);
          if (branch) {
            branchMap.push(`"${line}":{"type":"if","line":${line},"loc":${loc},"locations":[${loc},${loc}]}`);
            b.push(`"${line}":[${hits + 1},0]`);
          }
        });
        return `"${path}":{"path":"${path}","statementMap":{${statements.join(',')}},"s":{${counts.join(',')}},"branchMap":{${branchMap.join(',')}},"b":{${b.join(',')}},"fnMap":{},"f":{}}\n`;
      },
      ',',
      '}\n',
    );
    await expectRead(g, 'istanbul-final');
  });

  it('istanbul coverage-summary.json', async () => {
    const ratio = (covered: number, total: number) => `{"total":${total},"covered":${covered},"skipped":0,"pct":${total ? Math.floor((10000 * covered) / total) / 100 : 100}}`;
    const g = await generate(
      'coverage-summary.json',
      `{"total": {"lines":${ratio(0, 0)},"statements":${ratio(0, 0)},"functions":${ratio(0, 0)},"branches":${ratio(0, 0)}}\n`,
      (i, totals) => {
        const lines = { covered: i % 50, total: 50 };
        const branches = { covered: i % 7, total: 10 };
        totals.lines.covered += lines.covered;
        totals.lines.total += lines.total;
        totals.branches.covered += branches.covered;
        totals.branches.total += branches.total;
        const l = ratio(lines.covered, lines.total);
        return `,"${t.root}/src/generated/module-${i}.ts": {"lines":${l},"functions":${ratio(1, 2)},"statements":${l},"branches":${ratio(branches.covered, branches.total)}}\n`;
      },
      '',
      '}\n',
    );
    await expectRead(g, 'istanbul-summary');
  });
});
