/**
 * The gate commands in-process: settings from debship.yaml and flags (flags win), usage errors, and
 * exit statuses, with stdout and stderr captured. test/gate-cli.test.ts runs the real executable.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGateAll } from './gate-all.js';
import { runGateAudit } from './gate-audit.js';
import { runGateCoverage } from './gate-coverage.js';

const AUDIT = resolve(import.meta.dirname, '../../gates/audit/__fixtures__');

function io(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write: (c, _e, cb) => (into.push(String(c)), cb()) }) as NodeJS.WritableStream;
  return { streams: { stdout: sink(out), stderr: sink(err), env }, stdout: () => out.join(''), stderr: () => err.join('') };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'debship-gate-cmd-'));
  // 3 of 4 lines: 75%.
  writeFileSync(join(dir, 'lcov.info'), 'SF:a.ts\nDA:1,1\nDA:2,1\nDA:3,1\nDA:4,0\nend_of_record\n');
  writeFileSync(join(dir, 'gates.yaml'), `gates:\n  coverage:\n    reports: [lcov.info]\n    min: 80\n  audit:\n    reports: [${join(AUDIT, 'npm-audit-v2.json')}]\n`);
});

describe('debship gate coverage', () => {
  it('takes the minimum from the config, and a flag overrides it', async () => {
    const fromConfig = io();
    expect(await runGateCoverage([], { config: join(dir, 'gates.yaml'), format: 'text', root: dir }, fromConfig.streams)).toBe(1);
    expect(fromConfig.stdout()).toContain('line coverage 75.00% is 5.00 points below the minimum 80%');
    const overridden = io();
    expect(await runGateCoverage([], { config: join(dir, 'gates.yaml'), format: 'text', root: dir, min: '70%' }, overridden.streams)).toBe(0);
  });

  it('rejects bad flags with exit 2 and a hint, printing nothing on stdout', async () => {
    for (const flags of [{ format: 'xml' }, { format: 'text', min: '101' }, { format: 'text', maxDrop: 'lots' }]) {
      const run = io();
      expect(await runGateCoverage([join(dir, 'lcov.info')], { root: dir, ...flags }, run.streams)).toBe(2);
      expect(run.stdout()).toBe('');
      expect(run.stderr()).toMatch(/error: .*\n {2}hint: /);
    }
  });

  it('needs a report from the command line or the config', async () => {
    writeFileSync(join(dir, 'no-gates.yaml'), 'name: app\nversion: 1.0.0\n');
    const run = io();
    expect(await runGateCoverage([], { config: join(dir, 'no-gates.yaml'), format: 'text' }, run.streams)).toBe(2);
    expect(run.stderr()).toContain('no coverage report given');
  });
});

describe('debship gate audit', () => {
  it('uses the default policy without one, and --policy replaces the configured one', async () => {
    const run = io();
    expect(await runGateAudit([join(AUDIT, 'npm-audit-v2.json')], { format: 'json' }, run.streams)).toBe(1);
    expect(JSON.parse(run.stdout()).policy).toMatchObject({ severity: 'high' });
    writeFileSync(join(dir, 'lenient.yaml'), 'actionable:\n  severity: critical\n  categories: []\n');
    const lenient = io();
    expect(await runGateAudit([], { config: join(dir, 'gates.yaml'), policy: join(dir, 'lenient.yaml'), format: 'json' }, lenient.streams)).toBe(1);
    expect(JSON.parse(lenient.stdout()).actionable.map((f: { severity: string }) => f.severity)).toEqual(['critical']);
  });
});

describe('debship gate all', () => {
  it('runs both configured gates and exits with the worse status', async () => {
    const run = io();
    expect(await runGateAll({ config: join(dir, 'gates.yaml'), format: 'markdown' }, run.streams)).toBe(1);
    expect(run.stdout()).toMatch(/## ❌ Coverage gate failed[\s\S]*## ❌ Dependency audit failed/);
  });
});
