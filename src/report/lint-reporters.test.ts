import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { LintRun, PackageLint } from '../lint/engine.js';
import type { Finding } from '../lint/types.js';
import { writeLintGithub } from './lint-github.js';
import { lintJson, writeLintJson } from './lint-json.js';
import { lintSarif, pathInContext, writeLintSarif } from './lint-sarif.js';
import { printable, wrapComment, writeLintText } from './lint-text.js';
import { WRITE_PIECE } from './write-pieces.js';

const f = (pkg: string, severity: Finding['severity'], tag: string, context = ''): Finding => ({ package: pkg, severity, tag, context });

function pkg(file: string, name: string, findings: Finding[], overridden: PackageLint['overridden'] = []): PackageLint {
  return { file, name, version: '1', architecture: 'amd64', findings, overridden, unusedOverrides: [], errors: [] };
}

const override = { tag: 'no-phrase', architectures: [], pattern: '', justification: 'we know', source: 's', line: 1 };
const run: LintRun = {
  failed: true,
  errored: false,
  packages: [
    pkg('dist/b.deb', 'b', [f('b', 'error', 'no-copyright-file'), f('b', 'warning', 'recommended-field', 'b.deb Section'), f('b', 'pedantic', 'renamed-tag', 'x => y [usr/share/lintian/overrides/b:2]')]),
    pkg('dist/a.deb', 'a', [f('a', 'error', 'no-copyright-file'), f('a', 'info', 'unused-override', 'tag  [usr/share/lintian/overrides/a:1]')], [
      { ...f('a', 'error', 'no-phrase', 'Maintainer a@x'), justification: 'we know', override },
    ]),
  ],
};

function capture(write: (out: NodeJS.WritableStream) => void): string {
  let text = '';
  const out = new Writable({ write: (chunk, _e, cb) => ((text += String(chunk)), cb()) });
  write(out);
  return text;
}

describe('text reporter', () => {
  it('prints lintian lines, sorted across packages, E and W by default', () => {
    expect(capture((o) => writeLintText(run, o))).toBe(
      'E: a: no-copyright-file\nE: b: no-copyright-file\nW: b: recommended-field b.deb Section\n',
    );
  });

  it('adds I with -I, P with --pedantic, O with --show-overrides behind their justification', () => {
    expect(capture((o) => writeLintText(run, o, { info: true, pedantic: true, showOverrides: true }))).toBe(
      [
        'E: a: no-copyright-file',
        'E: b: no-copyright-file',
        'W: b: recommended-field b.deb Section',
        'I: a: unused-override tag  [usr/share/lintian/overrides/a:1]',
        'P: b: renamed-tag x => y [usr/share/lintian/overrides/b:2]',
        'N: we know',
        'O: a: no-phrase Maintainer a@x',
        '',
      ].join('\n'),
    );
  });

  it('prints experimental findings as X, after pedantic ones; JSON marks them', () => {
    const x: Finding = { ...f('c', 'pedantic', 'systemd-service-file-missing-hardening-features', '[usr/lib/systemd/system/c.service]'), experimental: true };
    const withX: LintRun = { failed: false, errored: false, packages: [pkg('dist/c.deb', 'c', [f('c', 'classification', 'ctrl-script'), x, f('c', 'pedantic', 'renamed-tag')])] };
    expect(capture((o) => writeLintText(withX, o, { pedantic: true }))).toBe(
      'P: c: renamed-tag\nX: c: systemd-service-file-missing-hardening-features [usr/lib/systemd/system/c.service]\n',
    );
    expect(capture((o) => writeLintText(withX, o))).toBe('');
    expect(lintJson(withX, { pedantic: true }).map((j) => j.experimental)).toEqual([undefined, true]);
  });

  it('colours tag names only when asked', () => {
    expect(capture((o) => writeLintText(run, o, { color: true }))).toContain('E: a: \x1b[97;101mno-copyright-file\x1b[0m\n');
  });

  it('shows non-printable characters as ? and wraps comments like Text::Wrap', () => {
    expect(printable('a\tb\u0007c é')).toBe('a?b?c é');
    const long = 'This is a very long justification text that goes on and on and on for quite a while so we can see the wrapping behaviour of lintian output width handling. Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword here';
    // Exactly what lintian 2.116 printed for this comment.
    expect(wrapComment(long)).toBe(
      [
        'N: This is a very long justification text that goes on and on and on for',
        'N: quite a while so we can see the wrapping behaviour of lintian output',
        'N: width handling.',
        'N: Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword',
        'N: here',
        '',
      ].join('\n'),
    );
  });
});

describe('JSON reporter', () => {
  it('gives {package, severity, tag, context} in text order, overridden ones marked', () => {
    expect(lintJson(run)).toEqual([
      { package: 'a', severity: 'error', tag: 'no-copyright-file', context: '' },
      { package: 'b', severity: 'error', tag: 'no-copyright-file', context: '' },
      { package: 'b', severity: 'warning', tag: 'recommended-field', context: 'b.deb Section' },
    ]);
    expect(lintJson(run, { showOverrides: true }).at(-1)).toEqual({ package: 'a', severity: 'error', tag: 'no-phrase', context: 'Maintainer a@x', overridden: true });
  });
});

describe('large runs', () => {
  // 3,000 findings of 1 KB contexts with quotes and newlines: several pieces of output.
  const big: LintRun = {
    failed: true,
    errored: false,
    packages: [pkg('dist/c.deb', 'c', Array.from({ length: 3000 }, (_, i) => f('c', 'error', 'no-copyright-file', `${String(i).padStart(4, '0')} "q"\n${'x'.repeat(1000)}`)))],
  };
  const pieces = (write: (out: NodeJS.WritableStream) => void): string[] => {
    const chunks: string[] = [];
    write(new Writable({ write: (chunk, _e, cb) => (chunks.push(String(chunk)), cb()) }));
    return chunks;
  };

  it('writes JSON in pieces that together are JSON.stringify of the findings', () => {
    for (const r of [run, big, { ...run, packages: [] }]) {
      for (const opts of [{}, { info: true, pedantic: true, showOverrides: true }]) {
        expect(pieces((o) => writeLintJson(r, o, opts)).join('')).toBe(`${JSON.stringify(lintJson(r, opts), null, 2)}\n`);
      }
    }
    const chunks = pieces((o) => writeLintJson(big, o));
    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(WRITE_PIECE + 2000);
  });

  it('writes SARIF in pieces that together are JSON.stringify of the log', () => {
    for (const r of [run, big]) {
      const opts = { info: true, pedantic: true, showOverrides: true, toolVersion: '1.2.3' };
      expect(pieces((o) => writeLintSarif(r, o, opts)).join('')).toBe(`${JSON.stringify(lintSarif(r, opts), null, 2)}\n`);
    }
    expect(pieces((o) => writeLintSarif(big, o)).length).toBeGreaterThan(2);
  });

  it('writes text and workflow commands in pieces of whole lines', () => {
    for (const write of [writeLintText, writeLintGithub]) {
      const chunks = pieces((o) => write(big, o));
      expect(chunks.length).toBeGreaterThan(2);
      for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
      expect(chunks.join('').split('\n').filter(Boolean)).toHaveLength(3000);
    }
  });
});

describe('GitHub reporter', () => {
  it('prints one workflow command per finding, escaped', () => {
    const odd: LintRun = { failed: false, errored: false, packages: [pkg('out/x,1.deb', 'x', [f('x', 'warning', 'recommended-field', '50% done\nnext'), f('x', 'info', 'unused-override', 'y')])] };
    expect(capture((o) => writeLintGithub(odd, o, { info: true }))).toBe(
      '::warning file=out/x%2C1.deb,title=recommended-field::x: recommended-field 50%25 done%0Anext\n::notice file=out/x%2C1.deb,title=unused-override::x: unused-override y\n',
    );
  });
});

describe('SARIF reporter', () => {
  it('finds the path inside the package in a context', () => {
    expect(pathInContext('something [usr/bin/foo]')).toBe('usr/bin/foo');
    expect(pathInContext('x [usr/share/lintian/overrides/a:12]')).toBe('usr/share/lintian/overrides/a');
    expect(pathInContext('Depends: bash')).toBeUndefined();
  });

  it('meets the key requirements of the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(JSON.stringify(lintSarif(run, { info: true, pedantic: true, showOverrides: true, toolVersion: '1.2.3' })));
    assertSarif(log);
    const results = log.runs[0].results;
    expect(results).toHaveLength(6);
    expect(results[0]).toMatchObject({ ruleId: 'no-copyright-file', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'dist/a.deb' } } }] });
    expect(results[3]).toMatchObject({ level: 'note', locations: [{ logicalLocations: [{ name: 'usr/share/lintian/overrides/a', kind: 'resource' }] }] });
    expect(results[5]).toMatchObject({ ruleId: 'no-phrase', suppressions: [{ kind: 'inSource', justification: 'we know' }] });
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'debship', version: '1.2.3' });
  });
});

/** The constraints of sarif-schema-2.1.0.json that a consumer such as GitHub code scanning relies on. */
function assertSarif(log: any): void {
  expect(log.version).toBe('2.1.0');
  expect(typeof log.$schema).toBe('string');
  expect(Array.isArray(log.runs)).toBe(true);
  for (const r of log.runs) {
    expect(typeof r.tool.driver.name).toBe('string');
    const rules: any[] = r.tool.driver.rules ?? [];
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(typeof rule.id).toBe('string');
      for (const key of ['shortDescription', 'fullDescription', 'help']) if (rule[key]) expect(typeof rule[key].text).toBe('string');
      if (rule.defaultConfiguration) expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
    }
    for (const res of r.results) {
      expect(typeof res.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(res.level);
      if (res.ruleIndex !== undefined) {
        expect(Number.isInteger(res.ruleIndex) && res.ruleIndex >= 0).toBe(true);
        expect(rules[res.ruleIndex].id).toBe(res.ruleId);
      }
      for (const loc of res.locations ?? []) {
        if (loc.physicalLocation) expect(() => new URL(loc.physicalLocation.artifactLocation.uri, 'file:///base/')).not.toThrow();
        for (const l of loc.logicalLocations ?? []) expect(typeof (l.name ?? l.fullyQualifiedName)).toBe('string');
      }
      for (const s of res.suppressions ?? []) expect(['inSource', 'external']).toContain(s.kind);
    }
  }
}
