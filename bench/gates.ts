/**
 * The gates benchmark (`npm run bench` runs it last): `debship gate coverage` and `debship gate
 * audit` on ~50 MB reports of every format they read, against the target of 10 s each, with the
 * peer that reads the same file in the same run: `lcov --summary` for lcov tracefiles, and the
 * `jq` filter teams write by hand for scanner reports. Medians of BENCH_REPEAT runs (default 3),
 * peak memory of each process tree; writes bench/results/gates.md.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureGateReports } from './gate-reports.js';
import { measure, median, type Measurement } from './measure.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const cli = join(benchDir, '../dist/bin/debship.cjs');
const TARGET_SECONDS = 10;

interface Case {
  label: string;
  file: string;
  debship: string[];
  peer?: { name: string; cmd: string; args: string[] };
}

const JQ_ACTIONABLE: Record<string, string> = {
  npm: '[.vulnerabilities[] | .via[] | objects | select(.severity == "critical" or .severity == "high")] | length',
  osv: '[.results[].packages[].vulnerabilities[] | select(.database_specific.severity == "CRITICAL" or .database_specific.severity == "HIGH")] | length',
  pip: '[.dependencies[] | .vulns[]?] | length',
};

const reports = await ensureGateReports(benchDir);
const cases: Case[] = [
  { label: 'lcov tracefile', file: reports.lcov, debship: ['gate', 'coverage', '--root', '/project', reports.lcov], peer: { name: 'lcov --summary', cmd: 'lcov', args: ['--summary', reports.lcov, '--rc', 'lcov_branch_coverage=1'] } },
  { label: 'Cobertura XML (coverage.py)', file: reports.cobertura, debship: ['gate', 'coverage', '--root', '/project', reports.cobertura] },
  { label: 'istanbul coverage-final.json', file: reports.istanbulFinal, debship: ['gate', 'coverage', '--root', '/project', reports.istanbulFinal] },
  { label: 'coverage.py JSON', file: reports.coveragePy, debship: ['gate', 'coverage', '--root', '/project', reports.coveragePy] },
  { label: 'npm audit --json (v2)', file: reports.npmAudit, debship: ['gate', 'audit', reports.npmAudit], peer: { name: 'jq filter', cmd: 'jq', args: [JQ_ACTIONABLE.npm!, reports.npmAudit] } },
  { label: 'osv-scanner JSON', file: reports.osvScanner, debship: ['gate', 'audit', reports.osvScanner], peer: { name: 'jq filter', cmd: 'jq', args: [JQ_ACTIONABLE.osv!, reports.osvScanner] } },
  { label: 'pip-audit JSON', file: reports.pipAudit, debship: ['gate', 'audit', reports.pipAudit], peer: { name: 'jq filter', cmd: 'jq', args: [JQ_ACTIONABLE.pip!, reports.pipAudit] } },
];

// A gate exits 0 (holds) or 1 (fails); 2 means the report could not be read, which is a bench failure.
function check(tool: string, m: Measurement): Measurement {
  if (m.exitCode !== 0 && m.exitCode !== 1) throw new Error(`${tool} exited with ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return m;
}

const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const lines = [
  '| report (size) | debship wall (median) | target | debship peak tree RSS | peer | peer wall (median) | peer peak RSS | debship / peer |',
  '|---|---|---|---|---|---|---|---|',
];
for (const c of cases) {
  const ours: Measurement[] = [];
  const theirs: Measurement[] = [];
  for (let i = 0; i < repeat; i++) {
    ours.push(check('debship', await measure('node', [cli, ...c.debship])));
    if (c.peer) theirs.push(check(c.peer.name, await measure(c.peer.cmd, c.peer.args)));
    process.stderr.write(`  ${c.label} run ${i + 1}/${repeat}: debship ${ours.at(-1)!.wallSeconds.toFixed(2)} s${c.peer ? `, ${c.peer.name} ${theirs.at(-1)!.wallSeconds.toFixed(2)} s` : ''}\n`);
  }
  const dw = median(ours.map((m) => m.wallSeconds));
  const dm = Math.max(...ours.map((m) => m.peakTreeMiB));
  const size = `${(statSync(c.file).size / 2 ** 20).toFixed(0)} MiB`;
  const ok = dw < TARGET_SECONDS ? '✓' : '✗';
  const peer = c.peer
    ? (() => {
        const pw = median(theirs.map((m) => m.wallSeconds));
        const pm = Math.max(...theirs.map((m) => m.peakTreeMiB));
        return `${c.peer.name} | ${pw.toFixed(2)} s | ${pm.toFixed(0)} MiB | ${(dw / pw).toFixed(2)}×`;
      })()
    : '— | — | — | —';
  lines.push(`| ${c.label} (${size}) | ${dw.toFixed(2)} s ${ok} | < ${TARGET_SECONDS} s | ${dm.toFixed(0)} MiB | ${peer} |`);
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const table = lines.join('\n');
process.stdout.write(`\ndebship gate on 50 MB reports (${repeat} runs, medians; ${machine})\n\n${table}\n`);
mkdirSync(join(benchDir, 'results'), { recursive: true });
writeFileSync(join(benchDir, 'results/gates.md'), `${new Date().toISOString()} — ${repeat} runs — ${machine}\n\n${table}\n`);
