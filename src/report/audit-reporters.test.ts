import { describe, expect, it } from 'vitest';
import { evaluateAudit, type AuditResult } from '../gates/audit/evaluate.js';
import { defaultAuditPolicy } from '../gates/audit/policy.js';
import { finding, ignore, report } from '../gates/audit/test-findings.js';
import { renderAudit } from './audit.js';
import { auditJson } from './audit-json.js';
import { cell } from './audit-markdown.js';
import { auditSarif } from './audit-sarif.js';
import { auditText } from './audit-text.js';
import { advisoryUrl, fixText, titleText } from './audit-words.js';

const TODAY = new Date('2027-03-31T08:00:00Z');

function sample(): AuditResult {
  const policy = defaultAuditPolicy();
  policy.ignore = [
    ignore({ id: 'CVE-2021-23337', package: 'lodash', expires: '2027-06-30', reason: 'not reachable: we never call template()', where: 'audit-policy.yaml:4:5' }),
    ignore({ id: 'GHSA-old', expires: '2026-10-01', reason: 'dev only' }),
    ignore({ id: 'GHSA-unused' }),
  ];
  const npm = report(
    [
      finding({ package: 'minimist', version: '1.2.5', id: 'GHSA-xvch-5gv4-984h', aliases: ['CVE-2021-44906'], severity: 'critical', score: 9.8, fixedVersions: ['0.2.4', '1.2.6'], title: 'Prototype Pollution in minimist', category: 'code-execution', source: 'reports/npm-audit.json', scanner: 'npm-audit' }),
      finding({ package: 'lodash', version: '4.17.15', id: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'], severity: 'high', score: 7.2, fixedVersions: ['4.17.21'], title: 'Command Injection in lodash', source: 'reports/npm-audit.json', scanner: 'npm-audit' }),
      finding({ package: 'left|pad', version: '1.0.0', id: 'GHSA-zzzz-zzzz-zzzz', aliases: [], severity: 'high', score: 7.5, fixedVersions: [], title: 'Evil <b>x</b> | pipe *bold* [link](x)\nsecond line', source: 'reports/npm-audit.json', scanner: 'npm-audit' }),
      finding({ package: 'semver', version: '5.7.1', id: 'GHSA-c2qf-rxjj-qqgw', aliases: ['CVE-2022-25883'], severity: 'medium', score: 5.3, fixedVersions: ['5.7.2'], title: 'semver ReDoS', category: 'denial-of-service', source: 'reports/npm-audit.json', scanner: 'npm-audit' }),
      finding({ package: 'debug', version: '2.6.8', id: 'GHSA-gxpj-cx7g-858c', aliases: [], severity: 'low', score: 3.7, fixedVersions: ['2.6.9'], title: 'Regular Expression Denial of Service in debug', source: 'reports/npm-audit.json', scanner: 'npm-audit' }),
      finding({ package: 'mylib', local: true, source: 'reports/npm-audit.json', scanner: 'npm-audit' }),
    ],
    { source: 'reports/npm-audit.json', format: 'npm-audit' },
  );
  const pip = report(
    [finding({ package: 'Jinja2', version: '2.11.2', ecosystem: 'PyPI', id: 'PYSEC-2021-66', aliases: ['CVE-2020-28493', 'GHSA-old'], severity: 'unknown', fixedVersions: ['2.11.3'], title: undefined, scanner: 'pip-audit', source: 'pip-audit.json' })],
    { source: 'pip-audit.json', format: 'pip-audit', skipped: [{ package: 'internal', version: '0.1', reason: 'Dependency not found on PyPI and could not be audited', source: 'pip-audit.json' }] },
  );
  return evaluateAudit([npm, pip], policy, TODAY);
}

function passing(): AuditResult {
  return evaluateAudit([report([finding({ severity: 'medium', score: 5.3 })], { source: 'osv.json' })], defaultAuditPolicy(), TODAY);
}

describe('text', () => {
  it('lists actionable findings first, one line each with the fix', () => {
    const text = auditText(sample());
    const lines = text.split('\n');
    const at = lines.indexOf('Actionable (2):');
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  CRITICAL 9.8 minimist 1.2.5 GHSA-xvch-5gv4-984h (CVE-2021-44906) Prototype Pollution in minimist [code-execution] — fixed in 1.2.6',
      '  HIGH 7.5 left|pad 1.0.0 GHSA-zzzz-zzzz-zzzz Evil <b>x</b> | pipe *bold* [link](x) second line — no fixed version yet',
      '',
    ]);
    expect(text.indexOf('Actionable')).toBeLessThan(text.indexOf('Informational'));
  });

  it('counts informational findings by severity and lists a few', () => {
    const text = auditText(sample(), { informationalLimit: 1 });
    expect(text).toContain(
      [
        'Informational (3): 1 medium, 1 low, 1 unknown',
        '  MEDIUM 5.3 semver 5.7.1 GHSA-c2qf-rxjj-qqgw (CVE-2022-25883) semver ReDoS — fixed in 5.7.2',
        '  … 2 more (--format json lists them all)',
      ].join('\n'),
    );
  });

  it('shows ignores with their reason and expiry, skips with theirs, notes, and failures last with the exit code', () => {
    const text = auditText(sample());
    expect(text).toContain('Ignored (1):\n  lodash 4.17.15 GHSA-35jh-r3h4-6jhm (high) until 2027-06-30: not reachable: we never call template()\n');
    expect(text).toContain('Skipped (2):\n  internal 0.1: Dependency not found on PyPI and could not be audited\n  mylib 4.17.15 GHSA-p6mc-m468-83gw: not from the registry');
    expect(text).toContain('Notes:\n  ignore for GHSA-unused matches no finding; remove it if the advisory no longer applies\n');
    expect(text.endsWith(
      [
        'Failed (exit 1):',
        '  2 actionable vulnerabilities (1 critical, 1 high)',
        '  ignore for GHSA-old expired on 2026-10-01 (reason: dev only); fix it or renew the ignore',
        '    expired ignore of GHSA-old no longer hides: Jinja2 2.11.2',
        '',
      ].join('\n'),
    )).toBe(true);
  });

  it('says it passed, and what was found', () => {
    expect(auditText(passing())).toBe(
      [
        'Reports: osv.json (osv-scanner, 1 finding)',
        '',
        'Informational (1): 1 medium',
        '  MEDIUM 5.3 lodash 4.17.15 GHSA-p6mc-m468-83gw (CVE-2020-8203) Prototype Pollution in lodash — fixed in 4.17.19',
        '',
        'Passed: no actionable vulnerabilities (1 finding: 1 informational, 0 ignored, 0 skipped)',
        '',
      ].join('\n'),
    );
    const empty = evaluateAudit([report([], { source: 'pip.json', format: 'pip-audit' })], defaultAuditPolicy(), TODAY);
    expect(auditText(empty)).toBe('Reports: pip.json (pip-audit, 0 findings)\n\nPassed: no vulnerabilities found\n');
  });

  it('colours severities and the verdict only when asked', () => {
    expect(auditText(sample())).not.toContain('\x1b[');
    const colored = renderAudit(sample(), 'text', { color: true });
    expect(colored).toContain('\x1b[1;31mCRITICAL 9.8\x1b[0m minimist');
    expect(colored).toContain('\x1b[1;31mFailed\x1b[0m (exit 1):');
    expect(renderAudit(passing(), 'text', { color: true })).toContain('\x1b[1;32mPassed\x1b[0m');
  });

  it('keeps control characters from reports off the terminal', () => {
    const r = evaluateAudit([report([finding({ title: 'bad\x1b[2Jtitle\u202e' })])], defaultAuditPolicy(), TODAY);
    expect(auditText(r)).not.toMatch(/[\x1b\u202e]/);
  });

  it('shows the affected range when npm audit gives no installed version', () => {
    const r = evaluateAudit([report([finding({ version: undefined, affectedRange: '<4.17.19' })])], defaultAuditPolicy(), TODAY);
    expect(auditText(r)).toContain('HIGH lodash (<4.17.19) GHSA-p6mc-m468-83gw');
  });
});

describe('json', () => {
  it('has the stable top-level keys and summary counts', () => {
    const json = auditJson(sample());
    expect(Object.keys(json)).toEqual([
      'version', 'passed', 'summary', 'policy', 'reports', 'actionable', 'informational', 'ignored', 'expiredIgnores', 'unusedIgnores', 'skipped', 'scannerErrors', 'failures', 'notes',
    ]);
    expect(json.passed).toBe(false);
    expect(json.summary).toEqual({
      reports: 2,
      findings: 7,
      actionable: 2,
      informational: 3,
      ignored: 1,
      skipped: 2,
      expiredIgnores: 1,
      unusedIgnores: 1,
      bySeverity: { critical: 1, high: 1, medium: 1, low: 1, none: 0, unknown: 1 },
    });
    expect(json.failures).toEqual(['2 actionable vulnerabilities (1 critical, 1 high)', 'ignore for GHSA-old expired on 2026-10-01 (reason: dev only); fix it or renew the ignore']);
  });

  it('writes every field of a finding, null when unknown', () => {
    const json = auditJson(sample());
    expect(json.actionable[0]).toEqual({
      package: 'minimist',
      version: '1.2.5',
      affectedRange: null,
      ecosystem: 'npm',
      id: 'GHSA-xvch-5gv4-984h',
      aliases: ['CVE-2021-44906'],
      severity: 'critical',
      score: 9.8,
      vector: null,
      ratedBy: 'database',
      category: 'code-execution',
      cwes: ['CWE-1321'],
      fixedVersions: ['0.2.4', '1.2.6'],
      upgradeTo: '1.2.6',
      title: 'Prototype Pollution in minimist',
      description: null,
      url: null,
      local: false,
      sources: [{ source: 'reports/npm-audit.json', scanner: 'npm-audit' }],
    });
    expect(json.ignored[0]!.ignore).toEqual({ id: 'CVE-2021-23337', package: 'lodash', reason: 'not reachable: we never call template()', expires: '2027-06-30', where: 'audit-policy.yaml:4:5' });
    expect(json.expiredIgnores[0]!.findings.map((f) => f.package)).toEqual(['Jinja2']);
    expect(json.unusedIgnores.map((i) => i.id)).toEqual(['GHSA-unused']);
    expect(json.skipped.map((s) => [s.package, s.finding === null])).toEqual([['internal', true], ['mylib', false]]);
  });

  it('renders as parseable JSON text', () => {
    const text = renderAudit(sample(), 'json');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(auditJson(sample()))));
  });
});

describe('markdown', () => {
  it('heads with the verdict and why it failed, then the actionable table with fixes', () => {
    const md = renderAudit(sample(), 'markdown');
    expect(md.startsWith('## ❌ Dependency audit failed\n\n2 actionable · 3 informational · 1 ignored · 2 skipped — 7 findings in 2 reports.\n')).toBe(true);
    expect(md).toContain('- 2 actionable vulnerabilities (1 critical, 1 high)\n');
    expect(md).toContain(
      [
        '### Actionable (2)',
        '',
        '| Severity | Package | Version | Advisory | Title | Fixed in |',
        '| --- | --- | --- | --- | --- | --- |',
        '| CRITICAL 9.8 | `minimist` | 1.2.5 | [GHSA-xvch-5gv4-984h](https://github.com/advisories/GHSA-xvch-5gv4-984h) (CVE-2021-44906) | Prototype Pollution in minimist | 1.2.6 |',
        '| HIGH 7.5 | `left\\|pad` | 1.0.0 | [GHSA-zzzz-zzzz-zzzz](https://github.com/advisories/GHSA-zzzz-zzzz-zzzz) | Evil \\<b\\>x\\</b\\> \\| pipe \\*bold\\* \\[link\\](x) second line | — |',
        '',
      ].join('\n'),
    );
  });

  it('every table row has as many cells as its header, whatever the text', () => {
    const md = renderAudit(sample(), 'markdown');
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    let width = 0;
    for (const l of rows) {
      if (/^\| (Severity|Advisory|Package) \|/.test(l)) width = cells(l);
      else expect(cells(l)).toBe(width);
    }
  });

  it('folds informational findings and skips in <details>; lists ignores, expired ignores and notes', () => {
    const md = renderAudit(sample(), 'markdown');
    expect(md).toContain('<details><summary>Informational: 3 (1 medium, 1 low, 1 unknown)</summary>\n\n| Severity |');
    expect(md).toContain('| MEDIUM 5.3 | `semver` | 5.7.1 | [GHSA-c2qf-rxjj-qqgw](https://github.com/advisories/GHSA-c2qf-rxjj-qqgw) (CVE-2022-25883) | semver ReDoS | 5.7.2 |');
    expect(md).toContain('### Ignored (1)\n\n| Advisory | Package | Severity | Until | Reason |\n| --- | --- | --- | --- | --- |\n| [GHSA-35jh-r3h4-6jhm](https://github.com/advisories/GHSA-35jh-r3h4-6jhm) (CVE-2021-23337) | `lodash` | HIGH 7.2 | 2027-06-30 | not reachable: we never call template() |');
    expect(md).toContain('### Expired ignores (1)\n\n| Advisory | Expired on | Reason | Matches |\n| --- | --- | --- | --- |\n| GHSA-old | 2026-10-01 | dev only | Jinja2 2.11.2 |');
    expect(md).toContain('<details><summary>Skipped: 2</summary>');
    expect(md).toContain('**Notes:**\n\n- ignore for GHSA-unused matches no finding; remove it if the advisory no longer applies\n');
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it('says passed with a green heading', () => {
    const md = renderAudit(passing(), 'markdown');
    expect(md.startsWith('## ✅ Dependency audit passed\n\n0 actionable · 1 informational · 0 ignored · 0 skipped — 1 finding in 1 report.\n')).toBe(true);
    expect(md).not.toContain('Why it failed');
    expect(md).not.toContain('### Actionable');
    const empty = evaluateAudit([], defaultAuditPolicy(), TODAY);
    expect(renderAudit(empty, 'markdown')).toBe('## ✅ Dependency audit passed\n\nNo vulnerabilities found in 0 reports.\n');
  });

  it('escapes cells: pipes, HTML, emphasis, links, new lines, entities', () => {
    expect(cell('a|b')).toBe('a\\|b');
    expect(cell('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(cell('*x* _y_ `z` [l](u) ~s~ \\')).toBe('\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\\\');
    expect(cell('one\ntwo\r\nthree')).toBe('one two three');
    expect(cell('&lt;')).toBe('&amp;lt;');
  });

  it('links an advisory only to a plain http(s) URL, with characters that would end the link encoded', () => {
    const r = evaluateAudit([report([finding({ url: 'https://example.test/a(b)|c' })])], defaultAuditPolicy(), TODAY);
    expect(renderAudit(r, 'markdown')).toContain('[GHSA-p6mc-m468-83gw](https://example.test/a%28b%29%7Cc)');
    const js = evaluateAudit([report([finding({ id: 'npm:1523', aliases: [], url: 'javascript:alert(1)' })])], defaultAuditPolicy(), TODAY);
    expect(renderAudit(js, 'markdown')).toContain('| npm:1523 |');
  });
});

/** The fields SARIF 2.1.0 requires (and GitHub code scanning reads), checked by hand. */
function checkSarif(doc: unknown): string[] {
  const problems: string[] = [];
  const d = doc as Record<string, unknown>;
  if (d.version !== '2.1.0') problems.push('version must be "2.1.0"');
  if (typeof d.$schema !== 'string' || !/sarif-2\.1\.0/.test(d.$schema)) problems.push('$schema must name SARIF 2.1.0');
  if (!Array.isArray(d.runs)) return [...problems, 'runs must be an array'];
  for (const [i, run] of (d.runs as Array<Record<string, any>>).entries()) {
    const driver = run.tool?.driver;
    if (typeof driver?.name !== 'string' || !driver.name) problems.push(`runs[${i}].tool.driver.name is required`);
    const rules: Array<Record<string, any>> = driver?.rules ?? [];
    const ids = rules.map((r) => r.id);
    if (new Set(ids).size !== ids.length) problems.push(`runs[${i}]: rule ids must be unique`);
    for (const r of rules) {
      if (typeof r.id !== 'string') problems.push(`runs[${i}]: a rule has no id`);
      if (r.helpUri !== undefined && !/^https?:\/\//.test(r.helpUri)) problems.push(`rule ${r.id}: helpUri must be an absolute URI`);
      const sev = r.properties?.['security-severity'];
      if (sev !== undefined && (typeof sev !== 'string' || !/^\d+(\.\d+)?$/.test(sev) || Number(sev) > 10)) problems.push(`rule ${r.id}: security-severity must be a score as a string`);
    }
    if (!Array.isArray(run.results)) problems.push(`runs[${i}].results must be an array`);
    for (const [j, res] of ((run.results ?? []) as Array<Record<string, any>>).entries()) {
      const at = `runs[${i}].results[${j}]`;
      if (typeof res.ruleId !== 'string') problems.push(`${at}.ruleId is required`);
      if (typeof res.message?.text !== 'string' || !res.message.text) problems.push(`${at}.message.text is required`);
      if (!['none', 'note', 'warning', 'error'].includes(res.level)) problems.push(`${at}.level must be none, note, warning or error`);
      if (res.ruleIndex !== undefined && rules[res.ruleIndex]?.id !== res.ruleId) problems.push(`${at}.ruleIndex does not point at its rule`);
      for (const loc of res.locations ?? []) {
        if (typeof loc.physicalLocation?.artifactLocation?.uri !== 'string') problems.push(`${at}: a location has no artifact uri`);
      }
      for (const s of res.suppressions ?? []) if (!['inSource', 'external'].includes(s.kind)) problems.push(`${at}: bad suppression kind`);
    }
  }
  return problems;
}

describe('markdown package names', () => {
  it('are code spans, so a scoped name is not a mention', () => {
    const result = evaluateAudit([report([finding({ package: '@babel/core', severity: 'critical', score: 9.1 })])], defaultAuditPolicy(), new Date('2026-11-27'));
    expect(renderAudit(result, 'markdown')).toContain('| `@babel/core` |');
  });
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with the fields GitHub reads', () => {
    const doc = JSON.parse(renderAudit(sample(), 'sarif', { version: '0.1.0' }));
    expect(checkSarif(doc)).toEqual([]);
    expect(doc.runs[0].tool.driver).toMatchObject({ name: 'debship', version: '0.1.0' });
    expect(checkSarif(auditSarif(passing()))).toEqual([]);
    expect(checkSarif(auditSarif(evaluateAudit([], defaultAuditPolicy(), TODAY)))).toEqual([]);
    // The checker itself catches what it is for.
    expect(checkSarif({ version: '2.0.0', runs: [{ tool: { driver: {} }, results: [{ ruleId: 'x', level: 'fatal', message: {} }] }] })).toEqual([
      'version must be "2.1.0"',
      '$schema must name SARIF 2.1.0',
      'runs[0].tool.driver.name is required',
      'runs[0].results[0].message.text is required',
      'runs[0].results[0].level must be none, note, warning or error',
    ]);
  });

  it('one rule per advisory with its page and security-severity set to the score', () => {
    const doc = auditSarif(sample());
    const rules = doc.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-c2qf-rxjj-qqgw', 'GHSA-gxpj-cx7g-858c', 'GHSA-xvch-5gv4-984h', 'GHSA-zzzz-zzzz-zzzz', 'PYSEC-2021-66']);
    const minimist = rules.find((r) => r.id === 'GHSA-xvch-5gv4-984h')!;
    expect(minimist).toMatchObject({
      helpUri: 'https://github.com/advisories/GHSA-xvch-5gv4-984h',
      shortDescription: { text: 'Prototype Pollution in minimist (GHSA-xvch-5gv4-984h)' },
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '9.8', tags: ['security', 'vulnerability', 'dependency', 'code-execution', 'CWE-1321'], aliases: ['CVE-2021-44906'] },
    });
    const pysec = rules.find((r) => r.id === 'PYSEC-2021-66')!;
    expect(pysec.helpUri).toBe('https://osv.dev/vulnerability/PYSEC-2021-66');
    expect(pysec.properties['security-severity']).toBeUndefined();
  });

  it('a rating without a score ranks in the middle of its band', () => {
    const r = evaluateAudit([report([finding({ severity: 'critical' }), finding({ package: 'b', id: 'GHSA-b', aliases: [], severity: 'high' })])], defaultAuditPolicy(), TODAY);
    const rules = auditSarif(r).runs[0]!.tool.driver.rules;
    expect(rules.map((x) => [x.id, x.properties['security-severity']])).toEqual([['GHSA-b', '8.0'], ['GHSA-p6mc-m468-83gw', '9.5']]);
  });

  it('results: actionable errors, informational warnings or notes, ignored suppressed with the reason', () => {
    const results = auditSarif(sample()).runs[0]!.results;
    const by = Object.fromEntries(results.map((r) => [`${r.properties.package}:${r.ruleId}`, r]));
    expect(by['minimist:GHSA-xvch-5gv4-984h']).toMatchObject({
      level: 'error',
      message: { text: 'minimist 1.2.5 is affected by GHSA-xvch-5gv4-984h (CVE-2021-44906): Prototype Pollution in minimist (critical 9.8); fixed in 1.2.6.' },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'reports/npm-audit.json' } },
          logicalLocations: [{ name: 'minimist', fullyQualifiedName: 'npm/minimist@1.2.5', kind: 'module' }],
        },
      ],
      partialFingerprints: { 'debship/advisory/v1': 'npm/minimist/1.2.5/GHSA-xvch-5gv4-984h' },
    });
    expect(by['semver:GHSA-c2qf-rxjj-qqgw']!.level).toBe('warning');
    expect(by['debug:GHSA-gxpj-cx7g-858c']!.level).toBe('note');
    expect(by['lodash:GHSA-35jh-r3h4-6jhm']).toMatchObject({
      level: 'note',
      suppressions: [{ kind: 'external', status: 'accepted', justification: 'not reachable: we never call template() (ignored until 2027-06-30, audit-policy.yaml:4:5)' }],
    });
    expect(by['mylib:GHSA-p6mc-m468-83gw']).toBeUndefined();
    expect(by['Jinja2:PYSEC-2021-66']!.level).toBe('note');
    expect(results.filter((r) => r.level === 'error')).toHaveLength(2);
  });

  it('a finding merged from two reports points at both', () => {
    const a = finding({ source: 'osv.json' });
    const b = finding({ id: 'CVE-2020-8203', aliases: [], source: '/abs/npm audit.json', scanner: 'npm-audit' });
    const r = evaluateAudit([report([a]), report([b])], defaultAuditPolicy(), TODAY);
    const [res] = auditSarif(r).runs[0]!.results;
    expect(res!.locations.map((l) => l.physicalLocation.artifactLocation.uri)).toEqual(['osv.json', 'file:///abs/npm%20audit.json']);
  });
});

describe('words', () => {
  it('the fix is the lowest fixed version above the installed one', () => {
    expect(fixText(finding({ version: '1.2.5', fixedVersions: ['0.2.4', '1.2.6', '2.0.0'] }))).toBe('fixed in 1.2.6');
    expect(fixText(finding({ version: undefined, fixedVersions: ['0.2.4', '1.2.6'] }))).toBe('fixed in 0.2.4, 1.2.6');
    expect(fixText(finding({ fixedVersions: [] }))).toBe('no fixed version yet');
  });

  it('does not offer a fix below the installed version as the upgrade', () => {
    // urllib3 2.0.4: the 1.26 line is fixed, the 2.x line not yet.
    const f = finding({ package: 'urllib3', version: '2.0.4', fixedVersions: ['1.26.17'] });
    expect(fixText(f)).toBe('no fixed version above 2.0.4 yet (older releases fixed in 1.26.17)');
    const r = evaluateAudit([report([f])], defaultAuditPolicy(), TODAY);
    expect(renderAudit(r, 'markdown')).toMatch(/\| Prototype Pollution in lodash \| — \|/);
  });

  it('a finding without a title (pip-audit) is named by the first sentence of its description', () => {
    expect(titleText(finding({ title: undefined, description: 'Jinja2 before 2.11.3 allows ReDoS. More detail follows.\nSecond line.' }))).toBe('Jinja2 before 2.11.3 allows ReDoS');
    expect(titleText(finding({ title: 'Given title', description: 'Ignored.' }))).toBe('Given title');
    expect(titleText(finding({ title: undefined, description: undefined }))).toBeUndefined();
  });

  it('advisory pages from the id when the report gives none', () => {
    expect(advisoryUrl(finding({ id: 'CVE-2021-44906', url: undefined }))).toBe('https://www.cve.org/CVERecord?id=CVE-2021-44906');
    expect(advisoryUrl(finding({ id: 'npm:1523', url: undefined }))).toBeUndefined();
    expect(advisoryUrl(finding({ url: 'ftp://x' }))).toBe('https://github.com/advisories/GHSA-p6mc-m468-83gw');
  });
});
