/**
 * Large, realistic reports for the gates benchmark: ~50 MB each of lcov, Cobertura XML (as
 * coverage.py writes it), istanbul coverage-final.json, coverage.py JSON, npm audit v2,
 * osv-scanner and pip-audit JSON. Deterministic (a seeded generator), cached under bench/.cache.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

export const TARGET_BYTES = 50 * 1024 * 1024;

/** A tiny deterministic generator (mulberry32), so every run measures the same bytes. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes chunks from `next` until the target size; `first` and `last` frame the document. */
async function writeReport(path: string, first: string, next: (i: number) => string, last: string): Promise<string> {
  if (existsSync(path) && statSync(path).size >= TARGET_BYTES) return path;
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  let size = 0;
  const write = async (s: string) => {
    size += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(first);
  for (let i = 0; size < TARGET_BYTES; i++) await write(next(i));
  await write(last);
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
  return path;
}

const LINES_PER_FILE = 400;

function lcovRecord(i: number, r: () => number): string {
  const out = [`TN:`, `SF:/project/src/module${i}/file${i}.ts`];
  let found = 0;
  let hit = 0;
  for (let l = 1; l <= LINES_PER_FILE; l++) {
    const h = r() < 0.8 ? Math.floor(r() * 50) + 1 : 0;
    out.push(`DA:${l},${h}`);
    found++;
    if (h) hit++;
    if (l % 10 === 0) out.push(`BRDA:${l},0,0,${h ? Math.floor(r() * 5) : '-'}`, `BRDA:${l},0,1,${r() < 0.5 ? 1 : 0}`);
  }
  out.push(`LF:${found}`, `LH:${hit}`, 'end_of_record', '');
  return out.join('\n');
}

function coberturaClass(i: number, r: () => number): string {
  const lines: string[] = [];
  for (let l = 1; l <= LINES_PER_FILE; l++) {
    const h = r() < 0.8 ? 1 : 0;
    lines.push(
      l % 10 === 0
        ? `\t\t\t\t\t\t<line number="${l}" hits="${h}" branch="true" condition-coverage="50% (1/2)" missing-branches="${l + 2}"/>`
        : `\t\t\t\t\t\t<line number="${l}" hits="${h}"/>`,
    );
  }
  return `\t\t\t\t<class name="file${i}.py" filename="pkg${i % 97}/file${i}.py" complexity="0" line-rate="0.8" branch-rate="0.5">\n\t\t\t\t\t<methods/>\n\t\t\t\t\t<lines>\n${lines.join('\n')}\n\t\t\t\t\t</lines>\n\t\t\t\t</class>\n`;
}

function istanbulFile(i: number, r: () => number): string {
  const path = `/project/src/module${i}/file${i}.js`;
  const statementMap: Record<string, unknown> = {};
  const s: Record<string, number> = {};
  const branchMap: Record<string, unknown> = {};
  const b: Record<string, number[]> = {};
  for (let l = 1; l <= LINES_PER_FILE; l++) {
    statementMap[l - 1] = { start: { line: l, column: 2 }, end: { line: l, column: 30 } };
    s[l - 1] = r() < 0.8 ? Math.floor(r() * 20) + 1 : 0;
    if (l % 10 === 0) {
      const id = l / 10 - 1;
      const loc = { start: { line: l, column: 2 }, end: { line: l, column: 30 } };
      branchMap[id] = { loc, type: 'if', locations: [loc, loc], line: l };
      b[id] = [r() < 0.7 ? 1 : 0, r() < 0.5 ? 1 : 0];
    }
  }
  const entry = { path, statementMap, fnMap: {}, branchMap, s, f: {}, b };
  return `${i ? ',' : ''}${JSON.stringify(path)}:${JSON.stringify(entry)}`;
}

function coveragePyFile(i: number, r: () => number): string {
  const executed: number[] = [];
  const missing: number[] = [];
  const executedArcs: [number, number][] = [];
  const missingArcs: [number, number][] = [];
  for (let l = 1; l <= LINES_PER_FILE; l++) {
    (r() < 0.8 ? executed : missing).push(l);
    if (l % 10 === 0) {
      executedArcs.push([l, l + 1]);
      (r() < 0.5 ? executedArcs : missingArcs).push([l, l + 3]);
    }
  }
  const entry = { executed_lines: executed, summary: {}, missing_lines: missing, excluded_lines: [], executed_branches: executedArcs, missing_branches: missingArcs };
  return `${i ? ',' : ''}${JSON.stringify(`pkg${i % 97}/module${i}.py`)}:${JSON.stringify(entry)}`;
}

const GHSA = (i: number) => `GHSA-${(i * 7919).toString(36).padStart(4, 'x').slice(-4)}-${(i * 104729).toString(36).padStart(4, 'y').slice(-4)}-${(i * 1299709).toString(36).padStart(4, 'z').slice(-4)}`;
const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H',
  'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N',
  'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
];
const SEVERITY = ['critical', 'high', 'moderate', 'low'];
const CWES = ['CWE-94', 'CWE-400', 'CWE-1321', 'CWE-79', 'CWE-22', 'CWE-89', 'CWE-200'];

function npmVulnerability(i: number, r: () => number): string {
  const name = `package-${i}`;
  const via = [0, 1, 2].map((k) => ({
    source: 1_000_000 + i * 3 + k,
    name,
    dependency: name,
    title: `Prototype pollution in ${name} (${k})`,
    url: `https://github.com/advisories/${GHSA(i * 3 + k)}`,
    severity: SEVERITY[Math.floor(r() * 4)],
    cwe: [CWES[Math.floor(r() * CWES.length)]],
    cvss: { score: 7.5, vectorString: VECTORS[Math.floor(r() * 3)] },
    range: `<${1 + (i % 5)}.${i % 10}.0`,
  }));
  const v = { name, severity: 'high', isDirect: i % 3 === 0, via, effects: [], range: `<${1 + (i % 5)}.${i % 10}.0`, nodes: [`node_modules/${name}`], fixAvailable: { name, version: `${1 + (i % 5)}.${i % 10}.0`, isSemVerMajor: false } };
  return `${i ? ',' : ''}${JSON.stringify(name)}:${JSON.stringify(v)}`;
}

function osvPackage(i: number, r: () => number): string {
  const name = `package-${i}`;
  const vulns = [0, 1].map((k) => ({
    id: GHSA(i * 2 + k),
    aliases: [`CVE-2024-${10000 + i * 2 + k}`],
    summary: `Denial of service in ${name}`,
    details: 'A crafted input makes the parser loop forever. '.repeat(8),
    severity: [{ type: 'CVSS_V3', score: VECTORS[Math.floor(r() * 3)] }],
    affected: [{ package: { name, ecosystem: 'npm' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `${1 + (i % 5)}.0.1` }] }], database_specific: { source: 'https://github.com/advisories' } }],
    database_specific: { severity: 'HIGH', cwe_ids: [CWES[Math.floor(r() * CWES.length)]], github_reviewed: true },
    references: [{ type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/CVE-2024-${10000 + i * 2 + k}` }],
  }));
  const p = { package: { name, version: `${i % 5}.${i % 10}.0`, ecosystem: 'npm' }, vulnerabilities: vulns, groups: [{ ids: vulns.map((v) => v.id), aliases: vulns.flatMap((v) => [v.id, ...v.aliases]), max_severity: '7.5' }] };
  return `${i ? ',' : ''}${JSON.stringify(p)}`;
}

function pipAuditDependency(i: number): string {
  const d = {
    name: `package-${i}`,
    version: `${i % 5}.${i % 10}.0`,
    vulns: [0, 1].map((k) => ({ id: `PYSEC-2024-${i * 2 + k}`, fix_versions: [`${1 + (i % 5)}.0.1`], aliases: [`CVE-2024-${10000 + i * 2 + k}`, GHSA(i * 2 + k)], description: 'Improper input validation allows remote attackers to cause a denial of service. '.repeat(4) })),
  };
  return `${i ? ',' : ''}${JSON.stringify(d)}`;
}

export interface GateReports {
  lcov: string;
  cobertura: string;
  istanbulFinal: string;
  coveragePy: string;
  npmAudit: string;
  osvScanner: string;
  pipAudit: string;
}

export async function ensureGateReports(benchDir: string): Promise<GateReports> {
  const dir = join(benchDir, '.cache/gate-reports');
  mkdirSync(dir, { recursive: true });
  const r = rng(42);
  return {
    lcov: await writeReport(join(dir, 'lcov.info'), '', (i) => lcovRecord(i, r), ''),
    cobertura: await writeReport(
      join(dir, 'coverage.xml'),
      '<?xml version="1.0" ?>\n<coverage version="6.5.0" timestamp="1700000000000" lines-valid="0" lines-covered="0" line-rate="0.8" branches-covered="0" branches-valid="0" branch-rate="0.5" complexity="0">\n\t<sources>\n\t\t<source>/project/src</source>\n\t</sources>\n\t<packages>\n\t\t<package name="pkg" line-rate="0.8" branch-rate="0.5" complexity="0">\n\t\t\t<classes>\n',
      (i) => coberturaClass(i, r),
      '\t\t\t</classes>\n\t\t</package>\n\t</packages>\n</coverage>\n',
    ),
    istanbulFinal: await writeReport(join(dir, 'coverage-final.json'), '{', (i) => istanbulFile(i, r), '}\n'),
    coveragePy: await writeReport(join(dir, 'coverage.json'), '{"meta":{"version":"6.5.0","timestamp":"2026-11-27T10:00:00","branch_coverage":true,"show_contexts":false},"files":{', (i) => coveragePyFile(i, r), '},"totals":{}}\n'),
    npmAudit: await writeReport(join(dir, 'npm-audit.json'), '{"auditReportVersion":2,"vulnerabilities":{', (i) => npmVulnerability(i, r), '},"metadata":{"vulnerabilities":{"info":0,"low":0,"moderate":0,"high":0,"critical":0,"total":0},"dependencies":{"prod":0,"dev":0,"optional":0,"peer":0,"peerOptional":0,"total":0}}}\n'),
    osvScanner: await writeReport(join(dir, 'osv-scanner.json'), '{"results":[{"source":{"path":"/project/package-lock.json","type":"lockfile"},"packages":[', (i) => osvPackage(i, r), ']}]}\n'),
    pipAudit: await writeReport(join(dir, 'pip-audit.json'), '{"dependencies":[', (i) => pipAuditDependency(i), '],"fixes":[]}\n'),
  };
}
