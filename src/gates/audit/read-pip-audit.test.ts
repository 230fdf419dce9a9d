import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectInvalidShape } from './test-errors.js';
import { parseAuditReport } from './read.js';
import { rateSeverity } from './severity.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const read = (name: string) => parseAuditReport(fixture(name), name);

describe('pip-audit report', () => {
  const r = read('pip-audit.json');

  it('gives one finding per vulnerability of each audited dependency', () => {
    expect(r.format).toBe('pip-audit');
    expect(r.findings.map((f) => `${f.package} ${f.version} ${f.id}`)).toEqual([
      'jinja2 2.11.2 PYSEC-2021-66',
      'jinja2 2.11.2 GHSA-h5c8-rqwp-cp95',
      'jinja2 2.11.2 GHSA-h75v-3vvj-5mfj',
      'jinja2 2.11.2 GHSA-q2x7-8rv6-6q7h',
      'jinja2 2.11.2 GHSA-cpwx-vrp4-4pq7',
      'requests 2.25.1 GHSA-j8r2-6x86-q33q',
      'requests 2.25.1 GHSA-9wx4-h78v-vm56',
      'requests 2.25.1 GHSA-9hjg-9r4m-mvj7',
      'urllib3 1.26.4 PYSEC-2021-108',
      'urllib3 1.26.4 GHSA-v845-jxx5-vc9f',
      'urllib3 1.26.4 GHSA-g4mx-q9vg-27p4',
      'urllib3 1.26.4 GHSA-34jh-p97f-mpxf',
    ]);
    for (const f of r.findings) {
      expect(f).toMatchObject({ ecosystem: 'PyPI', scanner: 'pip-audit', source: 'pip-audit.json', local: false, cwes: [] });
      expect(f.title).toBeUndefined();
    }
  });

  it('keeps aliases, fix versions lowest first, the description, and links the advisory', () => {
    const f = r.findings.find((x) => x.id === 'PYSEC-2021-66')!;
    expect(f.aliases).toEqual(['CVE-2020-28493', 'GHSA-g3rq-g295-4j3m']);
    expect(f.fixedVersions).toEqual(['2.11.3']);
    expect(f.description).toMatch(/^This affects the package jinja2/);
    expect(f.url).toBe('https://osv.dev/vulnerability/PYSEC-2021-66');
    expect(r.findings.find((x) => x.id === 'GHSA-v845-jxx5-vc9f')!.fixedVersions).toEqual(['1.26.17', '2.0.6']);
    expect(r.findings.find((x) => x.id === 'GHSA-v845-jxx5-vc9f')!.url).toBe('https://github.com/advisories/GHSA-v845-jxx5-vc9f');
  });

  it('has no severity: every rating is rateSeverity of nothing', () => {
    for (const f of r.findings) {
      expect(f.rating).toEqual(rateSeverity({}));
      expect(f.rating.severity).toBe('unknown');
    }
  });

  it('categorises from the description', () => {
    const category = (id: string) => r.findings.find((x) => x.id === id)!.category;
    expect(category('PYSEC-2021-66')).toBe('denial-of-service');
    expect(category('GHSA-h5c8-rqwp-cp95')).toBe('injection');
    expect(category('GHSA-q2x7-8rv6-6q7h')).toBe('code-execution');
    expect(category('GHSA-9hjg-9r4m-mvj7')).toBe('information-disclosure');
    expect(category('GHSA-9wx4-h78v-vm56')).toBe('other');
  });

  it('lists dependencies pip-audit could not audit as skipped', () => {
    expect(r.skipped).toEqual([
      { package: 'acme-tools', reason: 'distribution marked as editable', source: 'pip-audit.json' },
      { package: 'debship-demo', reason: 'Dependency not found on PyPI and could not be audited: debship-demo (0.1.0)', source: 'pip-audit.json' },
    ]);
  });
});

describe('pip-audit before 2.0 (a top-level list)', () => {
  it('is read the same way', () => {
    const r = read('pip-audit-legacy.json');
    expect(r.format).toBe('pip-audit');
    expect(r.findings.map((f) => [f.package, f.version, f.id, f.fixedVersions, f.aliases, f.category])).toEqual([
      ['jinja2', '2.11.2', 'PYSEC-2021-66', ['2.11.3'], [], 'other'],
      ['urllib3', '1.26.4', 'PYSEC-2021-108', ['1.26.5'], [], 'other'],
    ]);
  });

  it('may hold skipped dependencies too', () => {
    const r = parseAuditReport(JSON.stringify([{ name: 'foo', skip_reason: 'distribution marked as editable' }]), 'r');
    expect(r.skipped).toHaveLength(1);
  });
});

describe('pip-audit details', () => {
  it('reads an audit that found no dependencies, and tolerates nulls and a version on a skipped one', () => {
    expect(parseAuditReport('{"dependencies": [], "fixes": []}', 'r').findings).toEqual([]);
    const r = parseAuditReport(
      JSON.stringify({
        dependencies: [
          { name: 'a', version: '1.0', vulns: [{ id: 'PYSEC-1', fix_versions: null, aliases: null, description: null }] },
          { name: 'b', version: '2.0', skip_reason: 'x' },
        ],
      }),
      'r',
    );
    expect(r.findings[0]).toMatchObject({ id: 'PYSEC-1', fixedVersions: [], aliases: [], category: 'other' });
    expect(r.findings[0]!.description).toBeUndefined();
    expect(r.skipped).toEqual([{ package: 'b', version: '2.0', reason: 'x', source: 'r' }]);
  });

  it('drops an id repeated within a dependency and its own id from the aliases', () => {
    const r = parseAuditReport(
      JSON.stringify({ dependencies: [{ name: 'a', version: '1', vulns: [{ id: 'X-1', fix_versions: [], aliases: ['X-1', 'CVE-1', ''] }, { id: 'X-1', fix_versions: [] }] }] }),
      'r',
    );
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.aliases).toEqual(['CVE-1']);
  });
});

describe('pip-audit reports of the wrong shape', () => {
  it.each([
    [{ dependencies: {} }, '`dependencies` should be a list, not an object'],
    [{ dependencies: [{ name: 'a', version: 1, vulns: [] }] }, '`dependencies[0].version` should be a string, not a number (1)'],
    [{ dependencies: [{ name: 'a', version: '1', vulns: 'none' }] }, '`dependencies[0].vulns` should be a list, not a string ("none")'],
    [{ dependencies: [{ name: 'a', version: '1' }] }, '`dependencies[0]'],
    [{ dependencies: [{ name: 'a', version: '1', vulns: [{ fix_versions: [] }] }] }, '`dependencies[0].vulns[0].id` is missing (expected a string)'],
    [{ dependencies: [{ name: 'a', version: '1', vulns: [{ id: ' ', fix_versions: [] }] }] }, '`dependencies[0].vulns[0].id` should not be empty'],
    [{ dependencies: [{ name: 'a', version: '1', vulns: [{ id: 'X', fix_versions: [1] }] }] }, '`dependencies[0].vulns[0].fix_versions[0]` should be a string, not a number (1)'],
    [[{ name: 'a', version: '1', vulns: [] }, 7], '`[1]` has the wrong type (a number (7))'],
  ])('%j: %s', (doc, message) => {
    expectInvalidShape(doc, 'pip-audit', message);
  });
});
