import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DebshipError } from '../../core/errors.js';
import type { Finding } from './model.js';
import { isScannerFailure, parseAuditReport } from './read.js';
import { rateSeverity } from './severity.js';
import { caught } from './test-errors.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const read = (name: string) => parseAuditReport(fixture(name), name);
const byId = (findings: Finding[], id: string) => findings.find((f) => f.id === id)!;

function report(vulnerabilities: Record<string, unknown>): string {
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: {} });
}

function advisory(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    source: 1106913,
    name: 'lodash',
    dependency: 'lodash',
    title: 'Command Injection in lodash',
    url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
    severity: 'high',
    cwe: ['CWE-77', 'CWE-94'],
    cvss: { score: 7.2, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' },
    range: '<4.17.21',
    ...over,
  };
}

function vulnerability(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'lodash', severity: 'high', isDirect: true, via: [advisory()], effects: [], range: '<4.17.21', nodes: ['node_modules/lodash'], fixAvailable: true, ...over };
}

describe('npm audit v2 report', () => {
  const r = read('npm-audit-v2.json');

  it('gives one finding per package and advisory, advisories only', () => {
    expect(r.format).toBe('npm-audit');
    expect(r.source).toBe('npm-audit-v2.json');
    expect(r.skipped).toEqual([]);
    expect(r.findings.map((f) => `${f.package} ${f.id}`)).toEqual([
      'lodash GHSA-35jh-r3h4-6jhm',
      'lodash GHSA-p6mc-m468-83gw',
      'lodash GHSA-29mw-wpgm-hmr9',
      'minimist GHSA-vh95-rmgr-6w4m',
      'minimist GHSA-xvch-5gv4-984h',
    ]);
    for (const f of r.findings) {
      expect(f.ecosystem).toBe('npm');
      expect(f.scanner).toBe('npm-audit');
      expect(f.source).toBe('npm-audit-v2.json');
      expect(f.version).toBeUndefined();
      expect(f.local).toBe(false);
    }
  });

  it('reads the GHSA id from the url, npm source ids as aliases, the CWEs, title and range', () => {
    const f = byId(r.findings, 'GHSA-35jh-r3h4-6jhm');
    expect(f).toMatchObject({
      package: 'lodash',
      aliases: ['npm:1106913'],
      cwes: ['CWE-77', 'CWE-94'],
      category: 'code-execution',
      title: 'Command Injection in lodash',
      url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
      affectedRange: '<4.17.21',
    });
    expect(byId(r.findings, 'GHSA-p6mc-m468-83gw').category).toBe('injection');
    expect(byId(r.findings, 'GHSA-29mw-wpgm-hmr9').category).toBe('denial-of-service');
  });

  it('rates from the CVSS vector', () => {
    const f = byId(r.findings, 'GHSA-35jh-r3h4-6jhm');
    expect(f.rating).toEqual({ severity: 'high', score: 7.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', from: 'cvss-v3' });
    expect(byId(r.findings, 'GHSA-29mw-wpgm-hmr9').rating.severity).toBe('medium');
    expect(byId(r.findings, 'GHSA-xvch-5gv4-984h').rating).toMatchObject({ severity: 'critical', score: 9.8 });
  });

  it('takes the fixed version from fixAvailable when it names the package', () => {
    for (const f of r.findings.filter((x) => x.package === 'lodash')) expect(f.fixedVersions).toEqual(['4.17.21']);
    for (const f of r.findings.filter((x) => x.package === 'minimist')) expect(f.fixedVersions).toEqual(['1.2.8']);
  });

  it('merges an advisory npm lists once per vulnerable range', () => {
    const f = byId(r.findings, 'GHSA-xvch-5gv4-984h');
    expect(f.affectedRange).toBe('<0.2.4 || >=1.0.0 <1.2.6');
    expect(f.aliases).toEqual(['npm:1097677', 'npm:1097678']);
    expect(r.findings.filter((x) => x.id === 'GHSA-xvch-5gv4-984h')).toHaveLength(1);
  });

  it('gives no finding for a package vulnerable only through another (via strings)', () => {
    expect(r.findings.some((f) => f.package === 'mkdirp')).toBe(false);
  });
});

describe('npm audit workspace report', () => {
  const r = read('npm-audit-workspace.json');

  it('calls a vendored file: dependency local and registry copies not', () => {
    expect(r.findings.filter((f) => f.local).map((f) => f.package)).toEqual(['marked', 'marked']);
    expect(r.findings.find((f) => f.package === 'semver')!.local).toBe(false);
    expect(r.findings.some((f) => f.package === '@acme/cli')).toBe(false);
  });

  it('derives fixed versions from a simple range, none from <=', () => {
    expect(r.findings.find((f) => f.package === 'semver')!.fixedVersions).toEqual(['7.5.2']);
    expect(r.findings.find((f) => f.package === 'marked')!.fixedVersions).toEqual(['4.0.10']);
    const request = r.findings.find((f) => f.package === 'request')!;
    expect(request.fixedVersions).toEqual([]);
    expect(request.category).toBe('ssrf');
    expect(request.rating.severity).toBe('medium');
  });
});

describe('npm audit mapping details', () => {
  it('uses npm:<source> when the url is not a GitHub advisory', () => {
    const r = parseAuditReport(report({ x: vulnerability({ name: 'x', via: [advisory({ source: 755, url: 'https://registry.example/advisories/755', cwe: 'CWE-471' })] }) }), 'r');
    expect(r.findings[0]).toMatchObject({ id: 'npm:755', aliases: [], cwes: ['CWE-471'], url: 'https://registry.example/advisories/755' });
  });

  it('passes what npm says to rateSeverity: the vector, the word, a score only when above zero', () => {
    const noVector = parseAuditReport(report({ lodash: vulnerability({ via: [advisory({ cvss: { score: 0, vectorString: null } })] }) }), 'r');
    expect(noVector.findings[0]!.rating).toEqual(rateSeverity({ databaseSeverity: 'high' }));
    expect(noVector.findings[0]!.rating).toEqual({ severity: 'high', from: 'database' });
    const scoreOnly = parseAuditReport(report({ lodash: vulnerability({ via: [advisory({ cvss: { score: 5.5 } })] }) }), 'r');
    expect(scoreOnly.findings[0]!.rating).toEqual(rateSeverity({ databaseSeverity: 'high', score: 5.5 }));
    const nothing = parseAuditReport(report({ lodash: vulnerability({ via: [advisory({ cvss: undefined, severity: undefined })] }) }), 'r');
    expect(nothing.findings[0]!.rating).toEqual({ severity: 'unknown', from: 'none' });
    const badVector = parseAuditReport(report({ lodash: vulnerability({ via: [advisory({ cvss: { score: 7.2, vectorString: 'CVSS:3.1/AV:Q' } })] }) }), 'r');
    expect(badVector.findings[0]!.rating).toEqual(rateSeverity({ databaseSeverity: 'high', score: 7.2 }));
  });

  it('ignores fixAvailable naming another package, and fixAvailable false', () => {
    const other = parseAuditReport(report({ lodash: vulnerability({ fixAvailable: { name: 'mkdirp', version: '3.0.0', isSemVerMajor: true } }) }), 'r');
    expect(other.findings[0]!.fixedVersions).toEqual(['4.17.21']);
    const none = parseAuditReport(report({ lodash: vulnerability({ fixAvailable: false }) }), 'r');
    expect(none.findings[0]!.fixedVersions).toEqual(['4.17.21']);
    const noRange = parseAuditReport(report({ lodash: vulnerability({ via: [advisory({ range: undefined })] }) }), 'r');
    expect(noRange.findings[0]!.fixedVersions).toEqual([]);
    expect(noRange.findings[0]!.affectedRange).toBeUndefined();
  });

  it('decides local from node paths', () => {
    const local = (nodes: string[], name = 'lib') => parseAuditReport(report({ [name]: vulnerability({ name, nodes }) }), 'r').findings[0]!.local;
    expect(local(['packages/lib'])).toBe(true);
    expect(local(['node_modules/lib', 'vendor/lib'])).toBe(true);
    expect(local(['node_modules/@acme/lib', 'libs/lib'], '@acme/lib')).toBe(true);
    expect(local(['node_modules/lib'])).toBe(false);
    expect(local(['node_modules/a/node_modules/lib', 'vendor/lib'])).toBe(false);
    expect(local([])).toBe(false);
  });

  it('uses the key when an entry has no name, and keeps a package called __proto__', () => {
    const text = `{"auditReportVersion":2,"vulnerabilities":{"__proto__":${JSON.stringify(vulnerability({ name: undefined }))}},"metadata":{}}`;
    const r = parseAuditReport(text, 'r');
    expect(r.findings.map((f) => f.package)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).severity).toBeUndefined();
  });

  it('reads an empty report', () => {
    expect(parseAuditReport(report({}), 'r').findings).toEqual([]);
  });
});

describe('npm errors instead of a report', () => {
  it('the HTTP 405 of the advisory endpoint is a scanner failure quoting npm', () => {
    const e = caught(() => read('npm-audit-405.json'));
    expect(e).toBeInstanceOf(DebshipError);
    expect(isScannerFailure(e)).toBe(true);
    expect(e.code).toBe('audit-scanner-failed');
    expect(e.exitCode).toBe(2);
    expect(e.file).toBe('npm-audit-405.json');
    expect(e.message).toContain('"405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk"');
    expect(e.hint).toBe('npm could not reach the advisory service; re-run `npm audit --json` when it is reachable');
  });

  it('ENOAUDIT too', () => {
    const e = caught(() => read('npm-audit-enoaudit.json'));
    expect(isScannerFailure(e)).toBe(true);
    expect(e.message).toContain('may not support audit requests');
    expect(e.message).toContain('(ENOAUDIT)');
  });

  it('a missing lockfile says how to make one', () => {
    const e = caught(() =>
      parseAuditReport(JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.', detail: 'Try creating one first with: npm i --package-lock-only' } }), 'r'),
    );
    expect(isScannerFailure(e)).toBe(true);
    expect(e.hint).toContain('--package-lock-only');
  });

  it('an empty error still fails, quoting what there is', () => {
    const e = caught(() => parseAuditReport(JSON.stringify({ message: '', statusCode: 503, method: 'POST' }), 'r'));
    expect(isScannerFailure(e)).toBe(true);
    expect(e.message).toContain('HTTP 503');
  });

  it('a broken report is not a scanner failure', () => {
    const e = caught(() => parseAuditReport('{"auditReportVersion":2,"vulnerabilities":[]}', 'r'));
    expect(isScannerFailure(e)).toBe(false);
    expect(e.code).toBe('audit-report-invalid');
  });
});

describe('npm reports of the wrong shape', () => {
  it.each([
    [{ auditReportVersion: 2, vulnerabilities: [] }, '`vulnerabilities` should be an object of packages'],
    [{ auditReportVersion: 2, metadata: {} }, '`vulnerabilities` is missing'],
    [{ auditReportVersion: 2, vulnerabilities: { lodash: 'high' } }, '`vulnerabilities.lodash` should be an object, not a string ("high")'],
    [{ auditReportVersion: 2, vulnerabilities: { lodash: vulnerability({ via: 'lodash' }) } }, '`vulnerabilities.lodash.via` should be a list, not a string'],
    [{ auditReportVersion: 2, vulnerabilities: { lodash: vulnerability({ via: [advisory({ cvss: { score: '7.2' } })] }) } }, '`vulnerabilities.lodash.via[0].cvss.score` should be a number, not a string ("7.2")'],
    [{ auditReportVersion: 2, vulnerabilities: { lodash: vulnerability({ via: [42] }) } }, '`vulnerabilities.lodash.via[0]` has the wrong type (a number (42))'],
    [{ auditReportVersion: 2, vulnerabilities: { '@a/b': vulnerability({ nodes: [1] }) } }, '`vulnerabilities["@a/b"].nodes[0]` should be a string, not a number (1)'],
    [{ auditReportVersion: 2, vulnerabilities: { lodash: vulnerability({ fixAvailable: { name: 'lodash' } }) } }, '`vulnerabilities.lodash.fixAvailable.version` is missing'],
    [{ auditReportVersion: 2, vulnerabilities: { lodash: vulnerability({ via: [advisory({ url: null, source: null })] }) } }, '`vulnerabilities.lodash.via[0]` is an advisory with neither'],
  ])('%j: %s', (doc, message) => {
    const e = caught(() => parseAuditReport(JSON.stringify(doc), 'bad.json'));
    expect(e.code).toBe('audit-report-invalid');
    expect(e.exitCode).toBe(2);
    expect(e.file).toBe('bad.json');
    expect(e.message).toContain('bad.json is not a valid npm audit report');
    expect(e.message).toContain(message);
  });

  it('npm 6 reports and other versions are unsupported', () => {
    const v1 = caught(() => parseAuditReport(JSON.stringify({ actions: [], advisories: {}, muted: [], metadata: {} }), 'r'));
    expect(v1.code).toBe('audit-report-unsupported');
    expect(v1.hint).toContain('npm 7');
    const v3 = caught(() => parseAuditReport(JSON.stringify({ auditReportVersion: 3, vulnerabilities: {} }), 'r'));
    expect(v3.code).toBe('audit-report-unsupported');
    expect(v3.message).toContain('version 3');
  });
});

