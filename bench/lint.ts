/**
 * The lint benchmark (`npm run bench` runs it after the build one): `debship lint` against
 * `lintian --no-cfg` on the same files in the same run, interleaved and repeated, for the
 * 120 MB service package, one small service package, and a batch of small packages given to
 * each tool in one call; the small ones twice: Python only, and with a C extension like
 * examples/hello-service (the product's motivating case). Prints median wall times, the ratio
 * lintian/debship against the targets, and the peak memory of each tool's process tree (from one
 * more run of each: sampling memory costs CPU that would slow a sub-second run); writes
 * bench/results/lint.md.
 *
 * Each case also gets a floor, measured in the same run: starting Node with no work
 * (`node -e 0`, in the environment `debship lint` gives it), then `xz -dc | md5sum` decoding and
 * hashing the same packages' members, shared out evenly over as many processes as debship uses.
 * Any Node.js tool that checks these packages' md5sums (which needs the whole payload decoded and
 * hashed) takes at least that long, so lintian / floor is the best ratio possible on the machine.
 *
 *   BENCH_REPEAT=5 tsx bench/lint.ts       more repetitions (default 3)
 *   tsx bench/lint.ts --only small,batch   a subset of large, small, small-native, batch, batch-native
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLargePackage, ensureSmallPackages } from './lint-packages.js';
import { measure, median, type Measurement } from './measure.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
// The command as npm installs it (started from /bin/sh, which starts Node on it).
const command = join(benchDir, '../dist/bin/debship.cjs');

interface Case { name: string; label: string; files: string[]; target: number }
interface Row { c: Case; debship: Measurement[]; lintian: Measurement[]; floor: number[]; debshipPeak: number; lintianPeak: number }

// lintian exits 0 or 2 (a --fail-on level hit), debship too; 1 is a runtime error in both.
function check(tool: string, m: Measurement): Measurement {
  if (m.exitCode !== 0 && m.exitCode !== 2) throw new Error(`${tool} exited with ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return m;
}

/** The .xz members of the packages, extracted once beside them (`ar p`), for the floor. */
function xzMembers(files: string[]): string[] {
  return files.flatMap((deb) =>
    ['control.tar.xz', 'data.tar.xz'].map((member) => {
      const out = join(dirname(deb), '.members', `${basename(deb)}.${member}`);
      if (!existsSync(out)) {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, execFileSync('ar', ['p', deb, member], { maxBuffer: 1 << 30 }));
      }
      return out;
    }),
  );
}

/**
 * Node starting with no work, then xz decoding every member into md5sum: one multi-threaded
 * process for a lone large member, else as many processes as debship's xz pool has (two on two
 * cores), all at once, each given an equal share of the work: largest member first, each to the
 * process with the fewest bytes so far. (Dealing members out in turn would give one process every
 * control.tar and the other every data.tar, timing one process doing nearly all the work.) The
 * hashing counts: with both cores decoding, there is no idle core left to hide it on.
 */
async function floorSeconds(members: string[]): Promise<number> {
  // Node as `debship lint` starts it: without NODE_EXTRA_CA_CERTS (see scripts/bundle.mjs).
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  const node = check('node', await measure('node', ['-e', '0'], { env, memory: false })).wallSeconds;
  const lanes = members.length <= 2 ? 1 : Math.min(2, availableParallelism());
  const threads = members.length <= 2 ? '-T0' : '-T1';
  const script = balancedShares(members, lanes).map((s) => `xz -dc ${threads} ${s.map((m) => `'${m}'`).join(' ')} | md5sum >/dev/null &`).join(' ') + ' wait';
  return node + check('xz', await measure('sh', ['-c', script], { memory: false })).wallSeconds;
}

/** Files split into `count` shares of nearly equal total size (largest first, to the lightest share). */
function balancedShares(files: string[], count: number): string[][] {
  const shares = Array.from({ length: count }, () => ({ files: [] as string[], bytes: 0 }));
  const sized = files.map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size);
  for (const { f, size } of sized) {
    const lightest = shares.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.files.push(f);
    lightest.bytes += size;
  }
  return shares.map((s) => s.files).filter((s) => s.length > 0);
}

async function runCase(c: Case, repeat: number): Promise<Row> {
  const row: Row = { c, debship: [], lintian: [], floor: [], debshipPeak: 0, lintianPeak: 0 };
  const members = xzMembers(c.files);
  const debship = (memory: boolean) => measure(command, ['lint', ...c.files], { memory }).then((m) => check('debship', m));
  const lintian = (memory: boolean) => measure('lintian', ['--no-cfg', ...c.files], { memory }).then((m) => check('lintian', m));
  for (let i = 0; i < repeat; i++) {
    // Interleaved so drift in machine load hits both tools alike; timed without memory sampling.
    const d = await debship(false);
    const l = await lintian(false);
    const f = await floorSeconds(members);
    row.debship.push(d);
    row.lintian.push(l);
    row.floor.push(f);
    process.stderr.write(`  ${c.name} run ${i + 1}/${repeat}: debship ${d.wallSeconds.toFixed(3)} s, lintian ${l.wallSeconds.toFixed(2)} s, floor ${f.toFixed(3)} s\n`);
  }
  // Peak memory from one more run of each, sampled.
  row.debshipPeak = (await debship(true)).peakTreeMiB;
  row.lintianPeak = (await lintian(true)).peakTreeMiB;
  return row;
}

function report(rows: Row[]): string {
  const lines = [
    '| package(s) | debship wall (median) | lintian wall (median) | lintian / debship | each run\'s ratio | target | floor: node -e 0 + xz -dc \\| md5sum | lintian / floor | debship peak tree RSS | lintian peak tree RSS |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { c, debship, lintian, floor, debshipPeak: dm, lintianPeak: lm } of rows) {
    const dw = median(debship.map((m) => m.wallSeconds));
    const lw = median(lintian.map((m) => m.wallSeconds));
    const ratio = lw / dw;
    const ok = ratio >= c.target ? '✓' : '✗';
    const fw = median(floor);
    // Runs are interleaved, so run i of each tool saw the same machine: the spread shows its noise.
    const each = debship.map((d, i) => lintian[i]!.wallSeconds / d.wallSeconds);
    const spread = `${Math.min(...each).toFixed(1)}–${Math.max(...each).toFixed(1)}×`;
    lines.push(`| ${c.label} | ${dw.toFixed(dw < 1 ? 3 : 2)} s | ${lw.toFixed(2)} s | ${ratio.toFixed(1)}× ${ok} | ${spread} | ≥ ${c.target}× | ${fw.toFixed(3)} s | ${(lw / fw).toFixed(1)}× | ${dm.toFixed(0)} MiB | ${lm.toFixed(0)} MiB |`);
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
const kinds = [['', small.python, 'Python only'], ['-native', small.native, 'with a C extension']] as const;
for (const [kind, set, what] of kinds) {
  if (wanted(`small${kind}`)) cases.push({ name: `small${kind}`, label: `small service package, ${what} (1 package)`, files: [set.small], target: 30 });
}
for (const [kind, set, what] of kinds) {
  if (wanted(`batch${kind}`)) cases.push({ name: `batch${kind}`, label: `small service packages, ${what} (${set.batch.length} in one call)`, files: set.batch, target: 100 });
}
const rows: Row[] = [];
for (const c of cases) rows.push(await runCase(c, repeat));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const table = report(rows);
process.stdout.write(`\ndebship lint vs lintian --no-cfg (${repeat} runs, medians; ${machine})\n\n${table}\n`);
mkdirSync(join(benchDir, 'results'), { recursive: true });
writeFileSync(join(benchDir, 'results/lint.md'), `${new Date().toISOString()} — ${repeat} runs — ${machine}\n\n${table}\n`);
