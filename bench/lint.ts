/**
 * The lint benchmark (`npm run bench` runs it after the build one): `debship lint` against
 * `lintian --no-cfg` on the same files in the same run, interleaved and repeated, for the
 * 120 MB service package, one small service package, and a batch of small packages given to
 * each tool in one call. Prints median wall times, the ratio lintian/debship against the
 * targets, and the peak memory of each tool's process tree; writes bench/results/lint.md.
 *
 *   BENCH_REPEAT=5 tsx bench/lint.ts       more repetitions (default 3)
 *   tsx bench/lint.ts --only small,batch   a subset of large, small, batch
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLargePackage, ensureSmallPackages } from './lint-packages.js';
import { measure, median, type Measurement } from './measure.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const cli = join(benchDir, '../dist/bin/debship.cjs');

interface Case { name: string; label: string; files: string[]; target: number }
interface Row { c: Case; debship: Measurement[]; lintian: Measurement[] }

// lintian exits 0 or 2 (a --fail-on level hit), debship too; 1 is a runtime error in both.
function check(tool: string, m: Measurement): Measurement {
  if (m.exitCode !== 0 && m.exitCode !== 2) throw new Error(`${tool} exited with ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return m;
}

async function runCase(c: Case, repeat: number): Promise<Row> {
  const row: Row = { c, debship: [], lintian: [] };
  for (let i = 0; i < repeat; i++) {
    // Interleaved so drift in machine load hits both tools alike.
    const d = check('debship', await measure('node', [cli, 'lint', ...c.files]));
    const l = check('lintian', await measure('lintian', ['--no-cfg', ...c.files]));
    row.debship.push(d);
    row.lintian.push(l);
    process.stderr.write(`  ${c.name} run ${i + 1}/${repeat}: debship ${d.wallSeconds.toFixed(2)} s, lintian ${l.wallSeconds.toFixed(2)} s\n`);
  }
  return row;
}

function report(rows: Row[]): string {
  const lines = [
    '| package(s) | debship wall (median) | lintian wall (median) | lintian / debship | target | debship peak tree RSS | lintian peak tree RSS |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const { c, debship, lintian } of rows) {
    const dw = median(debship.map((m) => m.wallSeconds));
    const lw = median(lintian.map((m) => m.wallSeconds));
    const dm = Math.max(...debship.map((m) => m.peakTreeMiB));
    const lm = Math.max(...lintian.map((m) => m.peakTreeMiB));
    const ratio = lw / dw;
    const ok = ratio >= c.target ? '✓' : '✗';
    lines.push(`| ${c.label} | ${dw.toFixed(2)} s | ${lw.toFixed(2)} s | ${ratio.toFixed(1)}× ${ok} | ≥ ${c.target}× | ${dm.toFixed(0)} MiB | ${lm.toFixed(0)} MiB |`);
  }
  return lines.join('\n');
}

const args = process.argv.slice(2);
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1]!.split(',')) : undefined;
const wanted = (name: string) => !only || only.has(name);
const small = await ensureSmallPackages(benchDir);
const cases: Case[] = [];
if (wanted('large')) cases.push({ name: 'large', label: 'service payload, 120 MB (1 package)', files: [await ensureLargePackage(benchDir)], target: 20 });
if (wanted('small')) cases.push({ name: 'small', label: 'small service package (1 package)', files: [small.small], target: 30 });
if (wanted('batch')) cases.push({ name: 'batch', label: `small service packages (${small.batch.length} in one call)`, files: small.batch, target: 100 });
const rows: Row[] = [];
for (const c of cases) rows.push(await runCase(c, repeat));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const table = report(rows);
process.stdout.write(`\ndebship lint vs lintian --no-cfg (${repeat} runs, medians; ${machine})\n\n${table}\n`);
mkdirSync(join(benchDir, 'results'), { recursive: true });
writeFileSync(join(benchDir, 'results/lint.md'), `${new Date().toISOString()} — ${repeat} runs — ${machine}\n\n${table}\n`);
