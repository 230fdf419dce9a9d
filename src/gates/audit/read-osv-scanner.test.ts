import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from './model.js';
import { expectInvalidShape } from './test-errors.js';
import { parseAuditReport } from './read.js';
import { rateSeverity } from './severity.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const read = (name: string) => parseAuditReport(fixture(name), name);
const byId = (findings: Finding[], id: string) => findings.find((f) => f.id === id)!;

function report(pkg: Record<string, unknown>, source: Record<string, unknown> = { path: '/p/package-lock.json', type: 'lockfile' }): string {
  return JSON.stringify({ results: [{ source, packages: [pkg] }] });
}

function record(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'GHSA-aaaa-bbbb-cccc',
    aliases: ['CVE-2099-1'],
    summary: 'Something',
    details: 'Details',
    affected: [{ package: { ecosystem: 'npm', name: 'pkg' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.3' }] }] }],
    ...over,
  };
}

const pkg = (vulnerabilities: unknown[], groups?: unknown[], over: Record<string, unknown> = {}) => ({
  package: { name: 'pkg', version: '1.0.0', ecosystem: 'npm', ...over },
  vulnerabilities,
  ...(groups ? { groups } : {}),
});

describe('osv-scanner report', () => {
  const r = read('osv-scanner.json');

  it('gives one finding per package and advisory', () => {
    expect(r.format).toBe('osv-scanner');
    expect(r.skipped).toEqual([]);
    expect(r.findings.map((f) => `${f.ecosystem} ${f.package} ${f.version} ${f.id}`)).toEqual([
      'npm lodash 4.17.15 GHSA-29mw-wpgm-hmr9',
      'npm lodash 4.17.15 GHSA-35jh-r3h4-6jhm',
      'npm lodash 4.17.15 GHSA-p6mc-m468-83gw',
      'PyPI jinja2 2.11.2 GHSA-g3rq-g295-4j3m',
      'PyPI setuptools 65.5.0 GHSA-5rjg-fvgr-3xxf',
    ]);
    for (const f of r.findings) expect(f).toMatchObject({ scanner: 'osv-scanner', source: 'osv-scanner.json', local: false });
  });

  it('reads a GHSA record: CVSS_V3 vector, database severity and CWEs, summary and details', () => {
    const f = byId(r.findings, 'GHSA-35jh-r3h4-6jhm');
    expect(f).toMatchObject({
      aliases: ['CVE-2021-23337'],
      fixedVersions: ['4.17.21'],
      cwes: ['CWE-77', 'CWE-94'],
      category: 'code-execution',
      title: 'Command Injection in lodash',
      description: '`lodash` versions prior to 4.17.21 are vulnerable to Command Injection via the template function.',
      url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
    });
    expect(f.rating).toEqual({ severity: 'high', score: 7.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', from: 'cvss-v3' });
    expect(f.rating).toEqual(rateSeverity({ vectors: ['CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H'], databaseSeverity: 'HIGH', score: 7.2 }));
  });

  it('takes fixed versions from this package’s affected entries only', () => {
    // GHSA-p6mc-m468-83gw is fixed in 4.17.19; other lodash advisories in 4.17.21.
    expect(byId(r.findings, 'GHSA-p6mc-m468-83gw').fixedVersions).toEqual(['4.17.19']);
    expect(byId(r.findings, 'GHSA-p6mc-m468-83gw').category).toBe('injection');
    expect(byId(r.findings, 'GHSA-29mw-wpgm-hmr9').rating.severity).toBe('medium');
  });

  it('makes one finding of records osv-scanner grouped (GHSA and PYSEC of one bug), skipping GIT commits', () => {
    const f = byId(r.findings, 'GHSA-g3rq-g295-4j3m');
    expect(f.aliases).toEqual(['CVE-2020-28493', 'PYSEC-2021-66']);
    expect(f.fixedVersions).toEqual(['2.11.3']);
    expect(f.cwes).toEqual(['CWE-400']);
    expect(f.category).toBe('denial-of-service');
    expect(f.rating).toMatchObject({ severity: 'medium', score: 5.3, from: 'cvss-v3' });
    expect(r.findings.some((x) => x.id === 'PYSEC-2021-66')).toBe(false);
  });

  it('rates a CVSS_V4 vector', () => {
    const f = byId(r.findings, 'GHSA-5rjg-fvgr-3xxf');
    expect(f.rating).toMatchObject({ severity: 'high', from: 'cvss-v4', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:N/SC:N/SI:N/SA:N' });
    expect(f.rating).toEqual(rateSeverity({ vectors: ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:N/SC:N/SI:N/SA:N'], databaseSeverity: 'HIGH', score: 8.7 }));
    expect(f.fixedVersions).toEqual(['78.1.1']);
    expect(f.category).toBe('path-traversal');
  });
});

describe('osv-scanner local sources', () => {
  const r = read('osv-scanner-local.json');

  it('calls a commit-only package from a git source local', () => {
    const f = r.findings[0]!;
    expect(f).toMatchObject({ id: 'OSV-2099-1', local: true, ecosystem: '', fixedVersions: [], cwes: ['CWE-787'], category: 'code-execution' });
    expect(f.version).toBeUndefined();
    expect(f.rating).toEqual({ severity: 'unknown', from: 'none' });
  });

  it('does not call a source of type unknown local, and matches PyPI names as PEP 503 does', () => {
    const f = r.findings[1]!;
    expect(f).toMatchObject({ package: 'Jinja2', version: '2.11.2', local: false, fixedVersions: ['2.11.3'], id: 'PYSEC-2021-66' });
    // PYSEC records carry no severity; the group's max_severity does.
    expect(f.rating).toEqual(rateSeverity({ score: 5.3 }));
    expect(f.category).toBe('denial-of-service');
  });
});

describe('osv-scanner mapping details', () => {
  it('calls git and directory sources and empty versions local, other types not', () => {
    const local = (type: string | undefined, version = '1.0.0') =>
      parseAuditReport(report(pkg([record()], undefined, { version }), type === undefined ? { path: 'x' } : { path: 'x', type }), 'r').findings[0]!.local;
    expect(local('git')).toBe(true);
    expect(local('directory')).toBe(true);
    expect(local('lockfile', '')).toBe(true);
    for (const type of ['lockfile', 'sbom', 'artifact', 'os', 'unknown', 'docker', undefined]) expect(local(type)).toBe(false);
  });

  it('merges records that name each other as aliases even without groups', () => {
    const r = parseAuditReport(report(pkg([record({ id: 'PYSEC-1', aliases: ['GHSA-aaaa-bbbb-cccc'] }), record({ aliases: ['CVE-2099-1', 'PYSEC-1'] })])), 'r');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.id).toBe('GHSA-aaaa-bbbb-cccc');
    expect(r.findings[0]!.aliases).toEqual(['CVE-2099-1', 'PYSEC-1']);
  });

  it('picks the record with a vector as the id, and prefers the newest vector of any record', () => {
    const r = parseAuditReport(
      report(
        pkg(
          [
            record({ id: 'GHSA-aaaa-bbbb-cccc', database_specific: { severity: 'LOW' } }),
            record({ id: 'PYSEC-1', aliases: [], severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }),
          ],
          [{ ids: ['GHSA-aaaa-bbbb-cccc', 'PYSEC-1'], max_severity: '9.8' }],
        ),
      ),
      'r',
    );
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.id).toBe('PYSEC-1');
    expect(r.findings[0]!.rating).toMatchObject({ severity: 'critical', from: 'cvss-v3' });
  });

  it('reads severity entries without a type, Ubuntu words, and odd max_severity values safely', () => {
    const rating = (severity: unknown, groups?: unknown[], database_specific?: unknown) =>
      parseAuditReport(report(pkg([record({ severity, ...(database_specific === undefined ? {} : { database_specific }) })], groups)), 'r').findings[0]!.rating;
    expect(rating([{ score: '1' }])).toEqual({ severity: 'unknown', from: 'none' });
    expect(rating([{ type: 'Ubuntu', score: 'high' }])).toEqual(rateSeverity({ databaseSeverity: 'high' }));
    expect(rating(null, [{ ids: ['GHSA-aaaa-bbbb-cccc'], max_severity: '' }])).toEqual({ severity: 'unknown', from: 'none' });
    expect(rating(null, [{ ids: ['GHSA-aaaa-bbbb-cccc'], max_severity: 'high' }])).toEqual({ severity: 'unknown', from: 'none' });
    expect(rating(null, [{ ids: ['GHSA-aaaa-bbbb-cccc'], max_severity: 7.5 }])).toEqual(rateSeverity({ score: 7.5 }));
    expect(rating([{ type: 'CVSS_V3', score: 'CVSS:3.1/garbage' }], undefined, { severity: 'CRITICAL' })).toEqual(rateSeverity({ databaseSeverity: 'CRITICAL' }));
    expect(rating(null, undefined, { severity: 5, cwe_ids: 'CWE-79' })).toEqual({ severity: 'unknown', from: 'none' });
  });

  it('reads CWEs and severity from the package’s affected entry too', () => {
    const r = parseAuditReport(
      report(
        pkg([
          record({
            affected: [
              { package: { ecosystem: 'npm', name: 'other' }, ranges: [{ type: 'SEMVER', events: [{ fixed: '9.9.9' }] }], database_specific: { cwe_ids: ['CWE-89'] } },
              {
                package: { ecosystem: 'npm', name: 'pkg' },
                ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }, { type: 'ECOSYSTEM', events: [{ introduced: '3.0.0' }, { fixed: '3.1.0' }, { fixed: '2.0.0' }] }],
                severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' }],
                database_specific: { cwe_ids: ['CWE-22'] },
              },
            ],
          }),
        ]),
      ),
      'r',
    );
    expect(r.findings[0]).toMatchObject({ fixedVersions: ['2.0.0', '3.1.0'], cwes: ['CWE-22'], category: 'path-traversal' });
    expect(r.findings[0]!.rating).toMatchObject({ severity: 'medium', from: 'cvss-v3' });
  });

  it('skips packages without vulnerabilities and reads empty results', () => {
    expect(parseAuditReport('{"results": []}', 'r').findings).toEqual([]);
    expect(parseAuditReport(JSON.stringify({ results: [{ source: { path: 'x', type: 'lockfile' }, packages: [{ package: { name: 'a', version: '1', ecosystem: 'npm' }, licenses: ['MIT'] }] }] }), 'r').findings).toEqual([]);
    expect(parseAuditReport(JSON.stringify({ results: [{ source: { path: 'x', type: 'lockfile' }, packages: null }] }), 'r').findings).toEqual([]);
  });

  it('leaves out withdrawn records: the database says they are not vulnerabilities', () => {
    const withdrawn = record({ withdrawn: '2024-05-01T12:00:00Z', database_specific: { severity: 'CRITICAL' } });
    expect(parseAuditReport(report(pkg([withdrawn])), 'r').findings).toEqual([]);
    // A withdrawn duplicate does not take the live record with it.
    const live = record({ id: 'PYSEC-2099-1', aliases: ['GHSA-aaaa-bbbb-cccc'], withdrawn: null });
    const [f, ...rest] = parseAuditReport(report(pkg([withdrawn, live], [{ ids: ['GHSA-aaaa-bbbb-cccc', 'PYSEC-2099-1'] }])), 'r').findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'PYSEC-2099-1', rating: { severity: 'unknown' } });
  });
});

describe('osv-scanner reports of the wrong shape', () => {
  it.each([
    [{ results: {} }, '`results` should be a list, not an object'],
    [{ results: [{ packages: [{ package: { name: 'a', version: 1 } }] }] }, '`results[0].packages[0].package.version` should be a string, not a number (1)'],
    [{ results: [{ packages: [{ package: { version: '1' } }] }] }, '`results[0].packages[0].package.name` is missing (expected a string)'],
    [{ results: [{ packages: [pkg('nope' as unknown as unknown[])] }] }, '`results[0].packages[0].vulnerabilities` should be a list'],
    [{ results: [{ packages: [pkg([record({ id: 7 })])] }] }, '`results[0].packages[0].vulnerabilities[0].id` should be a string, not a number (7)'],
    [{ results: [{ packages: [pkg([record({ id: '' })])] }] }, '`results[0].packages[0].vulnerabilities[0].id` should not be empty'],
    [{ results: [{ packages: [pkg([record({ affected: [{ ranges: [{ events: [{ fixed: 2 }] }] }] })])] }] }, '`results[0].packages[0].vulnerabilities[0].affected[0].ranges[0].events[0].fixed` should be a string'],
    [{ results: [{ packages: [pkg([record()], [{ ids: 'GHSA' }])] }] }, '`results[0].packages[0].groups[0].ids` should be a list'],
  ])('%j: %s', (doc, message) => {
    expectInvalidShape(doc, 'osv-scanner', message);
  });
});
