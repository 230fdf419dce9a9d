import { describe, expect, it } from 'vitest';
import { evaluateAudit, mergeFindings, normalisePackageName, worseRating } from './evaluate.js';
import { runAuditGate } from './gate.js';
import type { Finding } from './model.js';
import { defaultAuditPolicy, type AuditPolicy } from './policy.js';
import { finding, ignore, report } from './test-findings.js';

const TODAY = new Date('2027-03-31T12:00:00Z');

function policy(change: (p: AuditPolicy) => void = () => {}): AuditPolicy {
  const p = defaultAuditPolicy();
  change(p);
  return p;
}

const ids = (list: Finding[]) => list.map((f) => `${f.package}:${f.id}`);

describe('actionable or informational', () => {
  const findings = [
    finding({ package: 'a', id: 'GHSA-crit', severity: 'critical', score: 9.8 }),
    finding({ package: 'b', id: 'GHSA-high', severity: 'high', score: 7.5 }),
    finding({ package: 'c', id: 'GHSA-med', severity: 'medium', score: 5.3 }),
    finding({ package: 'd', id: 'GHSA-low', severity: 'low', score: 2.1 }),
    finding({ package: 'e', id: 'GHSA-none', severity: 'none', score: 0 }),
    finding({ package: 'f', id: 'PYSEC-unknown', severity: 'unknown' }),
  ];

  it('high and worse by default; the rest informational', () => {
    const r = evaluateAudit([report(findings)], policy(), TODAY);
    expect(ids(r.actionable)).toEqual(['a:GHSA-crit', 'b:GHSA-high']);
    expect(ids(r.informational)).toEqual(['c:GHSA-med', 'd:GHSA-low', 'e:GHSA-none', 'f:PYSEC-unknown']);
    expect(r.passed).toBe(false);
    expect(r.failures).toEqual(['2 actionable vulnerabilities (1 critical, 1 high)']);
  });

  it('each threshold includes the levels worse than it; `none` every rated finding, never unknown ones', () => {
    const at = (severity: AuditPolicy['actionable']['severity']) =>
      ids(evaluateAudit([report(findings)], policy((p) => (p.actionable.severity = severity)), TODAY).actionable).length;
    expect([at('critical'), at('high'), at('medium'), at('low'), at('none')]).toEqual([1, 2, 3, 4, 5]);
  });

  it('unknown severity is actionable only when the policy says so', () => {
    const r = evaluateAudit([report(findings)], policy((p) => (p.actionable.unknownSeverity = 'actionable')), TODAY);
    expect(ids(r.actionable)).toEqual(['a:GHSA-crit', 'b:GHSA-high', 'f:PYSEC-unknown']);
  });

  it('a category in the list is actionable whatever its severity; others follow the threshold', () => {
    const list = [
      finding({ package: 'x', id: 'GHSA-rce', severity: 'low', score: 3.1, category: 'code-execution' }),
      finding({ package: 'y', id: 'GHSA-sql', severity: 'unknown', category: 'sql-injection' }),
      finding({ package: 'z', id: 'GHSA-dos', severity: 'medium', category: 'denial-of-service' }),
    ];
    expect(ids(evaluateAudit([report(list)], policy(), TODAY).actionable)).toEqual(['x:GHSA-rce', 'y:GHSA-sql']);
    const none = evaluateAudit([report(list)], policy((p) => (p.actionable.categories = [])), TODAY);
    expect(none.actionable).toEqual([]);
    expect(none.passed).toBe(true);
    const dos = evaluateAudit([report(list)], policy((p) => (p.actionable.categories = ['denial-of-service'])), TODAY);
    expect(ids(dos.actionable)).toEqual(['z:GHSA-dos']);
  });

  it('sorts worst first: severity, then score, then package', () => {
    const list = [
      finding({ package: 'm', id: 'G-1', severity: 'high', score: 7.5 }),
      finding({ package: 'b', id: 'G-2', severity: 'high', score: 8.1 }),
      finding({ package: 'a', id: 'G-3', severity: 'high', score: 7.5 }),
      finding({ package: 'z', id: 'G-4', severity: 'critical' }),
      finding({ package: 'c', id: 'G-5', severity: 'high' }),
    ];
    expect(ids(evaluateAudit([report(list)], policy(), TODAY).actionable)).toEqual(['z:G-4', 'b:G-2', 'a:G-3', 'm:G-1', 'c:G-5']);
  });

  it('passes with nothing actionable; counts each report\'s own findings', () => {
    const r = evaluateAudit([report([findings[2]!], { source: 'pip.json', format: 'pip-audit' }), report([], { source: 'npm.json', format: 'npm-audit' })], policy(), TODAY);
    expect(r.passed).toBe(true);
    expect(r.failures).toEqual([]);
    expect(r.reports).toEqual([
      { source: 'pip.json', format: 'pip-audit', findings: 1 },
      { source: 'npm.json', format: 'npm-audit', findings: 0 },
    ]);
    expect(r.policy).toEqual({ severity: 'high', categories: ['code-execution', 'privilege-escalation', 'sql-injection'], unknownSeverity: 'informational' });
  });
});

describe('the same advisory from two scanners', () => {
  const pip = finding({
    package: 'Jinja2',
    version: '2.11.2',
    ecosystem: 'PyPI',
    id: 'PYSEC-2021-66',
    aliases: ['CVE-2020-28493'],
    fixedVersions: ['2.11.3'],
    severity: 'unknown',
    cwes: [],
    category: 'other',
    title: undefined,
    source: 'pip-audit.json',
    scanner: 'pip-audit',
  });
  const osv = finding({
    package: 'jinja2',
    version: '2.11.2',
    ecosystem: 'PyPI',
    id: 'GHSA-g3rq-g295-4j3m',
    aliases: ['CVE-2020-28493', 'PYSEC-2021-66'],
    fixedVersions: ['2.11.3', '2.10.9'],
    severity: 'medium',
    score: 5.3,
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L',
    cwes: ['CWE-400'],
    category: 'denial-of-service',
    title: 'ReDoS in Jinja2',
    source: 'osv.json',
    scanner: 'osv-scanner',
  });

  it('is one finding: ids and aliases, fixed versions, cwes united; the worst rating kept', () => {
    const r = evaluateAudit([report([pip]), report([osv])], policy((p) => (p.actionable.severity = 'medium')), TODAY);
    expect(r.actionable).toHaveLength(1);
    const f = r.actionable[0]!;
    expect(f).toMatchObject({
      package: 'Jinja2',
      id: 'PYSEC-2021-66',
      aliases: ['CVE-2020-28493', 'GHSA-g3rq-g295-4j3m'],
      fixedVersions: ['2.10.9', '2.11.3'],
      rating: { severity: 'medium', score: 5.3, from: 'cvss-v3' },
      cwes: ['CWE-400'],
      category: 'denial-of-service',
      title: 'ReDoS in Jinja2',
      sources: [
        { source: 'pip-audit.json', scanner: 'pip-audit' },
        { source: 'osv.json', scanner: 'osv-scanner' },
      ],
    });
    expect(r.reports.map((x) => x.findings)).toEqual([1, 1]);
  });

  it('matches PyPI names as PEP 503 does, and ids in any case', () => {
    const other = { ...osv, package: 'JINJA_2'.replace('_2', '2'), id: 'ghsa-g3rq-g295-4j3m', aliases: ['cve-2020-28493'] };
    expect(mergeFindings([pip, other])).toHaveLength(1);
    expect(mergeFindings([finding({ ecosystem: 'PyPI', package: 'zope.interface', id: 'X' }), finding({ ecosystem: 'pypi', package: 'Zope_Interface', id: 'x' })])).toHaveLength(1);
    expect(normalisePackageName('Foo.Bar__baz', 'PyPI')).toBe('foo-bar-baz');
    expect(normalisePackageName('Foo.Bar', 'npm')).toBe('foo.bar');
  });

  it('stays apart across packages, ecosystems, different installed versions and unrelated advisories', () => {
    expect(mergeFindings([finding({ package: 'a' }), finding({ package: 'b' })])).toHaveLength(2);
    expect(mergeFindings([finding({ ecosystem: 'npm' }), finding({ ecosystem: 'PyPI' })])).toHaveLength(2);
    expect(mergeFindings([finding({ version: '4.17.15' }), finding({ version: '4.17.20' })])).toHaveLength(2);
    expect(mergeFindings([finding({ id: 'GHSA-1', aliases: [] }), finding({ id: 'GHSA-2', aliases: [] })])).toHaveLength(2);
    // npm audit gives no installed version: it joins the one osv-scanner found.
    const merged = mergeFindings([finding({ version: undefined, affectedRange: '<4.17.19', scanner: 'npm-audit', source: 'npm.json' }), finding({ version: '4.17.15' })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ version: '4.17.15', affectedRange: '<4.17.19' });
  });

  it('npm audit\'s version-less finding does not join two installed versions into one, whatever the report order', () => {
    const npm = finding({ version: undefined, affectedRange: '<4.17.19', scanner: 'npm-audit', source: 'npm.json' });
    const old = finding({ version: '4.17.11' });
    const nested = finding({ version: '4.17.15' });
    for (const order of [[old, nested, npm], [npm, old, nested], [old, npm, nested]]) {
      const merged = mergeFindings(order);
      expect(merged.map((f) => f.version).sort()).toEqual(['4.17.11', '4.17.15']);
      expect(merged.filter((f) => f.sources.some((s) => s.source === 'npm.json'))).toHaveLength(1);
    }
  });

  it('joins findings linked through different aliases into one', () => {
    const a = finding({ id: 'GHSA-a', aliases: ['CVE-1'] });
    const b = finding({ id: 'PYSEC-b', aliases: ['OSV-2'] });
    const c = finding({ id: 'OSV-3', aliases: ['CVE-1', 'PYSEC-b'] });
    const merged = mergeFindings([a, b, c]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.id).toBe('GHSA-a');
    expect(merged[0]!.aliases).toEqual(['CVE-1', 'PYSEC-b', 'OSV-2', 'OSV-3']);
  });

  it('keeps the most serious category and says local when any report does', () => {
    const merged = mergeFindings([finding({ category: 'denial-of-service' }), finding({ category: 'code-execution', local: true })]);
    expect(merged[0]).toMatchObject({ category: 'code-execution', local: true });
  });
});

describe('skip', () => {
  it('skips local packages by default, and the packages listed; scanner skips are always listed', () => {
    const list = [finding({ package: 'mylib', local: true }), finding({ package: 'My_Fork', ecosystem: 'PyPI' }), finding({ package: 'lodash' })];
    const pipSkip = { package: 'internal', version: '0.1', reason: 'Dependency not found on PyPI and could not be audited', source: 'pip.json' };
    const r = evaluateAudit([report(list, { skipped: [pipSkip] })], policy((p) => (p.skip.packages = ['my-fork'])), TODAY);
    expect(ids(r.actionable)).toEqual(['lodash:GHSA-p6mc-m468-83gw']);
    expect(r.skipped).toEqual([
      pipSkip,
      { finding: expect.objectContaining({ package: 'My_Fork' }), reason: 'listed in skip.packages' },
      { finding: expect.objectContaining({ package: 'mylib' }), reason: 'not from the registry (editable, path, git or workspace package)' },
    ]);
  });

  it('reports local packages with `skip.local: false`', () => {
    const r = evaluateAudit([report([finding({ package: 'mylib', local: true })])], policy((p) => (p.skip.local = false)), TODAY);
    expect(ids(r.actionable)).toEqual(['mylib:GHSA-p6mc-m468-83gw']);
    expect(r.skipped).toEqual([]);
  });
});

describe('ignores', () => {
  const lodash = finding({ package: 'lodash', id: 'GHSA-p6mc-m468-83gw', aliases: ['CVE-2020-8203'] });
  const other = finding({ package: 'minimist', id: 'GHSA-xvch-5gv4-984h', aliases: ['CVE-2021-44906'], severity: 'critical' });

  it('a valid ignore hides its finding, by id or by alias, any case', () => {
    for (const id of ['GHSA-p6mc-m468-83gw', 'cve-2020-8203']) {
      const rule = ignore({ id });
      const r = evaluateAudit([report([lodash])], policy((p) => (p.ignore = [rule])), TODAY);
      expect(r.ignored).toEqual([{ finding: expect.objectContaining({ package: 'lodash' }), ignore: rule }]);
      expect(r.actionable).toEqual([]);
      expect(r.passed).toBe(true);
    }
  });

  it('with a package, only in that package', () => {
    const shared = [lodash, { ...lodash, package: 'lodash-es' }];
    const r = evaluateAudit([report(shared)], policy((p) => (p.ignore = [ignore({ package: 'LODASH' })])), TODAY);
    expect(r.ignored.map((i) => i.finding.package)).toEqual(['lodash']);
    expect(ids(r.actionable)).toEqual(['lodash-es:GHSA-p6mc-m468-83gw']);
  });

  it('applies on its expiry day (UTC) and not the day after', () => {
    const rule = ignore({ expires: '2027-03-31' });
    const on = evaluateAudit([report([lodash])], policy((p) => (p.ignore = [rule])), new Date('2027-03-31T23:59:59Z'));
    expect(on.passed).toBe(true);
    expect(on.expiredIgnores).toEqual([]);
    // 01:00 on 1 April in UTC is still 31 March in New York: UTC decides.
    const after = evaluateAudit([report([lodash])], policy((p) => (p.ignore = [rule])), new Date('2027-04-01T01:00:00Z'));
    expect(after.passed).toBe(false);
  });

  it('an expired ignore stops hiding its finding and is a failure itself', () => {
    const rule = ignore({ expires: '2026-10-01', reason: 'waiting for 4.17.19', where: 'policy.yaml:4:5' });
    const r = evaluateAudit([report([lodash])], policy((p) => (p.ignore = [rule])), TODAY);
    expect(ids(r.actionable)).toEqual(['lodash:GHSA-p6mc-m468-83gw']);
    expect(r.ignored).toEqual([]);
    expect(r.expiredIgnores).toEqual([{ ignore: rule, findings: [expect.objectContaining({ package: 'lodash' })] }]);
    expect(r.failures).toEqual([
      '1 actionable vulnerability (1 high)',
      'policy.yaml:4:5: ignore for GHSA-p6mc-m468-83gw expired on 2026-10-01 (reason: waiting for 4.17.19); fix it or renew the ignore',
    ]);
  });

  it('an expired ignore of an informational finding still fails the gate', () => {
    const low = { ...lodash, rating: { severity: 'low' as const, from: 'database' as const } };
    const r = evaluateAudit([report([low])], policy((p) => (p.ignore = [ignore({ expires: '2026-10-01' })])), TODAY);
    expect(r.actionable).toEqual([]);
    expect(ids(r.informational)).toEqual(['lodash:GHSA-p6mc-m468-83gw']);
    expect(r.passed).toBe(false);
    expect(r.failures).toHaveLength(1);
  });

  it('an expired ignore that matches nothing fails as a stale entry', () => {
    const rule = ignore({ id: 'GHSA-gone', package: 'left-pad', expires: '2026-01-01', reason: 'dev only' });
    const r = evaluateAudit([report([])], policy((p) => (p.ignore = [rule])), TODAY);
    expect(r.expiredIgnores).toEqual([{ ignore: rule, findings: [] }]);
    expect(r.unusedIgnores).toEqual([]);
    expect(r.passed).toBe(false);
    expect(r.failures).toEqual(['ignore for GHSA-gone in left-pad expired on 2026-01-01 (reason: dev only) and matches no finding; remove it from the policy']);
  });

  it('an unused ignore that has not expired is a note, not a failure', () => {
    const rule = ignore({ id: 'GHSA-gone' });
    const r = evaluateAudit([report([other])], policy((p) => (p.ignore = [rule])), TODAY);
    expect(r.unusedIgnores).toEqual([rule]);
    expect(r.notes).toEqual(['ignore for GHSA-gone matches no finding; remove it if the advisory no longer applies']);
    expect(r.failures).toEqual(['1 actionable vulnerability (1 critical)']);
  });

  it('a valid ignore hides the finding, but an expired duplicate of it still fails', () => {
    const old = ignore({ expires: '2026-01-01' });
    const renewed = ignore({ expires: '2028-01-01' });
    const r = evaluateAudit([report([lodash])], policy((p) => (p.ignore = [old, renewed])), TODAY);
    expect(r.ignored).toEqual([{ finding: expect.objectContaining({ package: 'lodash' }), ignore: renewed }]);
    expect(r.actionable).toEqual([]);
    expect(r.expiredIgnores.map((e) => e.ignore)).toEqual([old]);
    expect(r.passed).toBe(false);
  });

  it('one ignore covers the merged finding from both scanners', () => {
    const fromNpm = { ...lodash, id: 'npm:1523', aliases: ['CVE-2020-8203'], scanner: 'npm-audit' as const, source: 'npm.json', version: undefined };
    const r = evaluateAudit([report([lodash]), report([fromNpm])], policy((p) => (p.ignore = [ignore({ id: 'npm:1523' })])), TODAY);
    expect(r.ignored).toHaveLength(1);
    expect(r.passed).toBe(true);
  });

  it('an ignore matching only a skipped package is unused', () => {
    const r = evaluateAudit([report([{ ...lodash, local: true }])], policy((p) => (p.ignore = [ignore()])), TODAY);
    expect(r.unusedIgnores).toHaveLength(1);
    expect(r.ignored).toEqual([]);
  });
});

describe('scanner errors', () => {
  const err = { source: 'npm.json', message: 'npm audit failed, npm.json holds its error instead of a report: "request failed"' };
  const bare = { source: 'osv.json', message: 'could not parse poetry.lock' };

  it('fail the gate by default, are notes with `scanner_errors: warn`', () => {
    const failed = runAuditGate({ reports: [report([])], policy: policy(), today: TODAY, scannerErrors: [err] });
    expect(failed.passed).toBe(false);
    expect(failed.failures).toEqual([err.message]);
    expect(failed.scannerErrors).toEqual([err]);
    const warned = runAuditGate({ reports: [report([])], policy: policy((p) => (p.scannerErrors = 'warn')), today: TODAY, scannerErrors: [bare] });
    expect(warned.passed).toBe(true);
    expect(warned.failures).toEqual([]);
    expect(warned.notes).toEqual(['osv.json: could not parse poetry.lock']);
  });
});

describe('runAuditGate', () => {
  it('uses today when no day is given', () => {
    const r = runAuditGate({ reports: [report([finding()])], policy: policy((p) => (p.ignore = [ignore({ expires: '2000-01-01' })])) });
    expect(r.expiredIgnores).toHaveLength(1);
    const future = runAuditGate({ reports: [report([finding()])], policy: policy((p) => (p.ignore = [ignore({ expires: '9999-12-31' })])) });
    expect(future.passed).toBe(true);
  });
});

describe('helpers', () => {
  it('worseRating prefers the worse severity, then the higher score, then a vector', () => {
    expect(worseRating({ severity: 'unknown', from: 'none' }, { severity: 'low', from: 'database' }).severity).toBe('low');
    expect(worseRating({ severity: 'high', score: 7.5, from: 'cvss-v3' }, { severity: 'high', score: 8.8, from: 'cvss-v4' }).score).toBe(8.8);
    expect(worseRating({ severity: 'high', from: 'database' }, { severity: 'high', vector: 'CVSS:3.1/x', from: 'cvss-v3' }).from).toBe('cvss-v3');
    expect(worseRating({ severity: 'critical', from: 'database' }, { severity: 'high', score: 8.9, from: 'cvss-v3' }).severity).toBe('critical');
  });
});
