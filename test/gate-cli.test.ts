/**
 * `debship gate` end to end: the real entry point on reports written by the real tools (coverage.py
 * in a real git repository, for diff coverage too), the recorded scanner reports, and bad input.
 * Checks exit statuses, what is printed where, the files written (badge, history, step summary).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCoverage } from '../src/gates/coverage/test-support.js';

const MAIN = resolve(import.meta.dirname, '../src/cli/main.ts');
const TSX = pathToFileURL(resolve(import.meta.dirname, '../node_modules/tsx/dist/loader.mjs')).href;
const AUDIT = resolve(import.meta.dirname, '../src/gates/audit/__fixtures__');

function debship(args: string[], opts: { cwd: string; env?: Record<string, string> }) {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH, NO_COLOR: '1', CI: 'true', HOME: process.env.HOME, ...opts.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const coverage = await findCoverage();
if (!coverage && process.env.CI) throw new Error('coverage.py is not installed; install it with: apt-get install python3-coverage');

const BASE = `def classify(n):
    if n > 0:
        return "positive"
    return "non-positive"
`;
// The change under review: one new function the tests call, one they do not.
const CHANGED = `${BASE}

def double(n):
    return n * 2


def never_called(n):
    x = n + 1
    return x * 3
`;
const TESTS = `from app import classify, double
assert classify(1) == "positive"
assert double(2) == 4
`;

describe.skipIf(!coverage)('debship gate coverage on a coverage.py project in git', () => {
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'debship-gate-'));
    run('git', ['init', '-q', '-b', 'main'], repo);
    writeFileSync(join(repo, 'app.py'), BASE);
    writeFileSync(join(repo, '.gitignore'), '.coverage\ncoverage.xml\nout/\n');
    run('git', ['add', '.'], repo);
    run('git', ['commit', '-qm', 'base'], repo);
    run('git', ['checkout', '-qb', 'feature'], repo);
    writeFileSync(join(repo, 'app.py'), CHANGED);
    writeFileSync(join(repo, 'test_app.py'), TESTS);
    run('git', ['add', '.'], repo);
    run('git', ['commit', '-qm', 'double'], repo);
    run(coverage![0]!, [...coverage!.slice(1), 'run', '--branch', '--source=.', 'test_app.py'], repo);
    run(coverage![0]!, [...coverage!.slice(1), 'xml', '-o', 'coverage.xml'], repo);
  });

  it('passes a minimum that holds and prints totals and the files', () => {
    const r = debship(['gate', 'coverage', 'coverage.xml', '--min', '50'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lines\s+\d+\.\d\d%/);
    expect(r.stdout).toContain('app.py');
  });

  it('fails a minimum that does not hold with exit 1, saying by how much', () => {
    const r = debship(['gate', 'coverage', 'coverage.xml', '--min', '99.5'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/line coverage \d+\.\d\d% is \d+\.\d\d points below the minimum 99\.5%/);
  });

  it('measures diff coverage against the base branch: the uncalled new function is what is missing', () => {
    const r = debship(['gate', 'coverage', 'coverage.xml', '--min-diff', '90', '--diff-base', 'main', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { diff: { files: { path: string; uncovered: number[] }[] }; checks: { name: string; passed: boolean }[] };
    const app = json.diff.files.find((f) => f.path === 'app.py')!;
    // never_called's body: lines 12 and 13 of CHANGED (its def line runs at import).
    expect(app.uncovered).toEqual([12, 13]);
    expect(json.checks.find((c) => c.name === 'min-diff')!.passed).toBe(false);
  });

  it('writes a badge, a history entry, and a Markdown step summary', () => {
    const summary = join(repo, 'out/summary.md');
    run('mkdir', ['-p', 'out'], repo);
    writeFileSync(summary, '# earlier step\n');
    const r = debship(['gate', 'coverage', 'coverage.xml', '--badge', 'out/coverage.svg', '--history', 'out/history.jsonl'], {
      cwd: repo,
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.code).toBe(0);
    const svg = readFileSync(join(repo, 'out/coverage.svg'), 'utf8');
    new SaxesParser().write(svg).close();
    expect(svg).toMatch(/coverage/);
    const history = readFileSync(join(repo, 'out/history.jsonl'), 'utf8').trim().split('\n');
    expect(history).toHaveLength(1);
    expect(JSON.parse(history[0]!)).toMatchObject({ branch: 'feature', commit: run('git', ['rev-parse', 'HEAD'], repo).trim() });
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n')).toBe(true);
    expect(md).toMatch(/Coverage gate passed/);
  });

  it('takes its settings from gates: in debship.yaml, flags overriding them', () => {
    writeFileSync(join(repo, 'debship.yaml'), 'gates:\n  coverage:\n    reports: [coverage.xml]\n    min: 99\n');
    expect(debship(['gate', 'coverage'], { cwd: repo }).code).toBe(1);
    expect(debship(['gate', 'coverage', '--min', '10'], { cwd: repo }).code).toBe(0);
    expect(debship(['gate', 'all'], { cwd: repo }).code).toBe(1);
  });
});

describe('debship gate coverage with bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'debship-gate-bad-'));

  it('exits 2 with the file and a hint for a truncated report', () => {
    writeFileSync(join(dir, 'cov.xml'), '<?xml version="1.0" ?>\n<coverage version="6.5">\n<packages><package><classes><class filename="a.py"><lines><line number="1" hits=');
    const r = debship(['gate', 'coverage', 'cov.xml', '--min', '80'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cov\.xml:\d+/);
    expect(r.stderr).toMatch(/hint:/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for an empty report, a missing one, and a bad percentage', () => {
    writeFileSync(join(dir, 'empty.info'), '');
    expect(debship(['gate', 'coverage', 'empty.info'], { cwd: dir }).code).toBe(2);
    const missing = debship(['gate', 'coverage', 'nope.info'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.info: no such file/);
    writeFileSync(join(dir, 'ok.info'), 'SF:a.ts\nDA:1,1\nend_of_record\n');
    const pct = debship(['gate', 'coverage', 'ok.info', '--min', 'lots'], { cwd: dir });
    expect(pct.code).toBe(2);
    expect(pct.stderr).toMatch(/--min must be a percentage/);
  });

  it('says where a gates: mistake is in debship.yaml', () => {
    const sub = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(join(sub, 'debship.yaml'), 'gates:\n  coverage:\n    reports: [lcov.info]\n    minimum: 80\n');
    const r = debship(['gate', 'coverage'], { cwd: sub });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/debship\.yaml:4:5: unknown key `gates\.coverage\.minimum`/);
  });
});

describe('debship gate coverage --history in a detached checkout', () => {
  it('takes the branch and commit from --branch and --commit, as the error for a detached HEAD says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'debship-detached-'));
    run('git', ['init', '-q', '-b', 'main'], dir);
    writeFileSync(join(dir, 'lcov.info'), 'SF:a.ts\nDA:1,1\nDA:2,0\nend_of_record\n');
    run('git', ['add', '.'], dir);
    run('git', ['commit', '-qm', 'base'], dir);
    run('git', ['checkout', '-q', '--detach'], dir);
    const detached = debship(['gate', 'coverage', 'lcov.info', '--history', 'h.jsonl'], { cwd: dir });
    expect(detached.code).toBe(2);
    expect(detached.stderr).toMatch(/pass --branch/);
    const r = debship(['gate', 'coverage', 'lcov.info', '--history', 'h.jsonl', '--branch', 'release/1.x', '--commit', 'abc123'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'h.jsonl'), 'utf8'))).toMatchObject({ branch: 'release/1.x', commit: 'abc123' });
  });
});

describe('debship gate audit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'debship-audit-'));
  beforeAll(() => {
    for (const f of ['npm-audit-v2.json', 'pip-audit.json', 'osv-scanner.json', 'npm-audit-405.json']) copyFileSync(join(AUDIT, f), join(dir, f));
  });

  it('fails on actionable findings (exit 1) and names the version that fixes each', () => {
    const r = debship(['gate', 'audit', 'npm-audit-v2.json', 'pip-audit.json', 'osv-scanner.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/CRITICAL 9\.8 minimist .*fixed in 1\.2\.8/);
    expect(r.stdout).toMatch(/Informational/);
  });

  it('passes once the actionable advisories are ignored with a reason, and fails again when an ignore expired', () => {
    const json = JSON.parse(debship(['gate', 'audit', 'npm-audit-v2.json', '--format', 'json'], { cwd: dir }).stdout) as { actionable: { id: string; package: string }[] };
    const ids = json.actionable.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    const policy = (expires: string) => `ignore:\n${ids.map((id) => `  - id: ${id}\n    reason: not reachable from the service\n    expires: ${expires}\n`).join('')}`;
    writeFileSync(join(dir, 'policy.yaml'), policy('2999-12-31'));
    expect(debship(['gate', 'audit', 'npm-audit-v2.json', '--policy', 'policy.yaml'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'policy.yaml'), policy('2020-01-01'));
    const expired = debship(['gate', 'audit', 'npm-audit-v2.json', '--policy', 'policy.yaml'], { cwd: dir });
    expect(expired.code).toBe(1);
    expect(expired.stdout).toMatch(/expired on 2020-01-01/);
  });

  it('warns when the step summary cannot be written, keeping the verdict', () => {
    const r = debship(['gate', 'audit', 'npm-audit-v2.json'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'no/such/dir/summary.md') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/warning: cannot append to the step summary/);
  });

  it('exits 2 when the scanner itself failed, unless the policy only warns', () => {
    const failed = debship(['gate', 'audit', 'npm-audit-405.json'], { cwd: dir });
    expect(failed.code).toBe(2);
    expect(failed.stdout).toMatch(/405 Method Not Allowed/);
    expect(failed.stdout).toMatch(/Failed \(exit 2\)/);
    writeFileSync(join(dir, 'warn.yaml'), 'scanner_errors: warn\n');
    const warned = debship(['gate', 'audit', 'npm-audit-405.json', '--policy', 'warn.yaml'], { cwd: dir });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/405 Method Not Allowed/);
    expect(warned.stdout).toMatch(/Passed: no vulnerabilities found; 1 scan failed and was not checked/);
    const md = debship(['gate', 'audit', 'npm-audit-405.json', '--policy', 'warn.yaml', '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toMatch(/^## ⚠️ Dependency audit passed, but a scan failed/);
  });

  it('writes SARIF 2.1.0 for code scanning', () => {
    const r = debship(['gate', 'audit', 'npm-audit-v2.json', '--format', 'sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string } }; results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('debship');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it('exits 2 with a location for malformed and wrong-shaped reports, and for a bad policy', () => {
    writeFileSync(join(dir, 'broken.json'), '{"dependencies": [{"name": "x", "version": ');
    const broken = debship(['gate', 'audit', 'broken.json'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json/);
    writeFileSync(join(dir, 'shape.json'), '{"dependencies": [{"name": "x", "version": 1, "vulns": []}]}');
    expect(debship(['gate', 'audit', 'shape.json'], { cwd: dir }).code).toBe(2);
    writeFileSync(join(dir, 'bad-policy.yaml'), 'actionable:\n  severty: high\n');
    const policy = debship(['gate', 'audit', 'npm-audit-v2.json', '--policy', 'bad-policy.yaml'], { cwd: dir });
    expect(policy.code).toBe(2);
    expect(policy.stderr).toMatch(/bad-policy\.yaml:2:3: .*did you mean `severity`/);
  });

  it('has help with an example', () => {
    for (const cmd of ['coverage', 'audit', 'all']) {
      const r = debship(['gate', cmd, '--help'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Example:\\n\\s+\\$ .*debship gate ${cmd}`));
    }
  });
});

describe('debship gate all', () => {
  it('runs every configured gate, the worst exit status wins, and --format json holds both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'debship-all-'));
    copyFileSync(join(AUDIT, 'npm-audit-v2.json'), join(dir, 'npm-audit.json'));
    writeFileSync(join(dir, 'lcov.info'), 'SF:a.ts\nDA:1,1\nDA:2,1\nend_of_record\n');
    writeFileSync(
      join(dir, 'gates.yaml'),
      'gates:\n  coverage:\n    reports: [lcov.info]\n    min: 80\n  audit:\n    reports: [npm-audit.json]\n    policy:\n      actionable:\n        severity: critical\n        categories: []\n',
    );
    const r = debship(['gate', 'all', '--config', 'gates.yaml', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(r.stdout) as { passed: boolean; coverage: { passed: boolean }; audit: { passed: boolean } };
    expect(json.coverage.passed).toBe(true);
    expect(json.audit.passed).toBe(false);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'gates.yaml'))).toBe(true);
  });

  it('exits 2 when nothing is configured', () => {
    const dir = mkdtempSync(join(tmpdir(), 'debship-all-'));
    writeFileSync(join(dir, 'debship.yaml'), 'name: x\nversion: 1.0.0\n');
    const r = debship(['gate', 'all'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no gate is configured/);
  });
});
