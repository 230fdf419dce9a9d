import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateCoverage, runCoverageGate, type CoverageGateOptions } from './gate.js';
import { readHistory, type HistoryEntry } from './history.js';
import type { CoverageReport, FileCoverage } from './model.js';

function cov(path: string, hits: number[], branches: Record<number, number[]> = {}): FileCoverage {
  return {
    path,
    lines: new Map(hits.map((h, i) => [i + 1, h])),
    branches: new Map(Object.entries(branches).map(([l, b]) => [Number(l), b])),
  };
}

const report = (files: FileCoverage[]): CoverageReport => ({ source: 'lcov.info', format: 'lcov', files });

describe('evaluating coverage', () => {
  it('totals lines and branches, and sorts files worst first: percent, then uncovered lines, then path', () => {
    const files = [
      cov('b.ts', [1, 0]), // 50%, 1 uncovered
      cov('a.ts', [1, 0, 1, 0]), // 50%, 2 uncovered
      cov('c.ts', [0]), // 0%
      cov('types.ts', []), // nothing executable: last
      cov('d.ts', [1, 0], { 1: [1, 0, 0] }),
      cov('e.ts', [5]),
    ];
    const r = evaluateCoverage({ reports: [report(files)], files, options: {} });
    expect(r.files.map((f) => f.path)).toEqual(['c.ts', 'a.ts', 'b.ts', 'd.ts', 'e.ts', 'types.ts']);
    expect(r.totals).toEqual({ lines: { covered: 5, total: 10 }, branches: { covered: 1, total: 3 } });
    expect(r.percents.lines).toBe(50);
    expect(r.files.find((f) => f.path === 'd.ts')).toMatchObject({ branches: { covered: 1, total: 3 }, linePercent: 50 });
    expect(r.files.at(-1)).toMatchObject({ linePercent: null, branchPercent: null });
    expect(r.reports).toEqual([{ source: 'lcov.info', format: 'lcov' }]);
    expect(r).toMatchObject({ checks: [], passed: true });
    expect(r).not.toHaveProperty('diff');
    expect(r).not.toHaveProperty('trend');
  });

  it('uses summary totals for files without per-line data', () => {
    const summary: FileCoverage = { path: 's.ts', lines: new Map(), branches: new Map(), summary: { lines: { covered: 3, total: 4 }, branches: { covered: 1, total: 2 } } };
    const r = evaluateCoverage({ reports: [], files: [summary, cov('x.ts', [1])], options: {} });
    expect(r.totals).toEqual({ lines: { covered: 4, total: 5 }, branches: { covered: 1, total: 2 } });
  });

  it('has null percents when nothing was measured', () => {
    const r = evaluateCoverage({ reports: [], files: [], options: { min: 10 } });
    expect(r.percents).toEqual({ lines: null, branches: null });
    expect(r.passed).toBe(false);
  });

  it('gives the trend against the previous entry and fails on any failed check', () => {
    const previous: HistoryEntry = {
      commit: 'p',
      branch: 'main',
      date: '2024-01-01T00:00:00.000Z',
      lines: { covered: 3, total: 4, percent: 75 },
      branches: { covered: 0, total: 0, percent: null },
    };
    const files = [cov('a.ts', [1, 0])];
    const r = evaluateCoverage({ reports: [], files, previous, branch: 'main', options: { min: 40, maxDrop: 20 } });
    expect(r.trend).toEqual({ previous, lines: -25, branches: null });
    expect(r.checks.map((c) => [c.name, c.passed])).toEqual([
      ['min', true],
      ['max-drop', false],
    ]);
    expect(r.passed).toBe(false);
  });
});

describe('running the gate', () => {
  let repo: string;
  let out: string;
  const env = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'debship-gate-repo-'));
    out = mkdtempSync(join(tmpdir(), 'debship-gate-out-'));
    git('init', '-q', '-b', 'main');
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, 'src/a.ts'), 'a\nb\nc\nd\ne\nf\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(repo, 'src/a.ts'), 'a\nB\nC\nd\ne\nF\n');
    writeFileSync(join(repo, 'NEWS'), 'news\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'change');
  });
  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  /** lcov for src/a.ts: lines 1–6, hit as given. */
  function lcov(hits: number[]): string {
    const file = join(out, 'lcov.info');
    writeFileSync(file, ['TN:', `SF:${join(repo, 'src/a.ts')}`, ...hits.map((h, i) => `DA:${i + 1},${h}`), `LF:${hits.length}`, `LH:${hits.filter((h) => h > 0).length}`, 'end_of_record', ''].join('\n'));
    return file;
  }

  const gate = (o: Partial<CoverageGateOptions>) =>
    runCoverageGate({ reports: [lcov([1, 1, 0, 1, 1, 0])], root: repo, env: {}, now: new Date('2024-05-01T10:00:00Z'), ...o });

  it('measures totals and diff coverage of the branch, writes the badge and records the run', async () => {
    const history = join(out, 'history.jsonl');
    const badge = join(out, 'badge.svg');
    const r = await gate({ min: 60, minDiff: 50, diffBase: 'main', history, maxDrop: 1, badge });

    expect(r.totals.lines).toEqual({ covered: 4, total: 6 });
    // Lines 2, 3 and 6 changed: 2 covered, 3 and 6 not.
    expect(r.diff).toMatchObject({ base: 'main', lines: { covered: 1, total: 3 }, files: [{ path: 'src/a.ts', covered: [2], uncovered: [3, 6] }], notMeasured: ['NEWS'] });
    expect(r.checks.map((c) => [c.name, c.passed])).toEqual([
      ['min', true],
      ['min-diff', false],
      ['max-drop', true],
    ]);
    expect(r.passed).toBe(false);

    expect(readFileSync(badge, 'utf8')).toContain('>66%<');
    const head = git('rev-parse', 'HEAD');
    expect(await readHistory(history)).toEqual([
      { commit: head, branch: 'feature', date: '2024-05-01T10:00:00.000Z', lines: { covered: 4, total: 6, percent: 66.67 }, branches: { covered: 0, total: 0, percent: null }, passed: false },
    ]);
    expect(r.history).toMatchObject({ file: history, replaced: false });
  });

  it('compares with the previous commit on the branch, and replaces the entry when the same commit runs again', async () => {
    const history = join(out, 'history.jsonl');
    await gate({ history, commit: 'c1', branch: 'main' });
    lcov([1, 0, 0, 0, 0, 0]);
    const second = await runCoverageGate({ reports: [join(out, 'lcov.info')], root: repo, env: {}, history, maxDrop: 5, commit: 'c2', branch: 'main' });
    expect(second.trend?.previous.commit).toBe('c1');
    expect(second.checks[0]).toMatchObject({ name: 'max-drop', passed: false, actual: 50 });

    // Re-running c2 with better coverage compares with c1 again, not with the failed c2 run.
    lcov([1, 1, 1, 1, 1, 0]);
    const rerun = await runCoverageGate({ reports: [join(out, 'lcov.info')], root: repo, env: {}, history, maxDrop: 5, commit: 'c2', branch: 'main' });
    expect(rerun.trend?.previous.commit).toBe('c1');
    expect(rerun.passed).toBe(true);
    expect(rerun.history?.replaced).toBe(true);
    expect((await readHistory(history)).map((e) => [e.commit, e.lines.covered])).toEqual([
      ['c1', 4],
      ['c2', 5],
    ]);
  });

  it('compares a branch\'s first run with the last run on the branch it merges into', async () => {
    const history = join(out, 'history.jsonl');
    await gate({ history, commit: 'm1', branch: 'main' });
    lcov([1, 0, 0, 0, 0, 0]);
    const run = (env: NodeJS.ProcessEnv, diffBase?: string) =>
      runCoverageGate({ reports: [join(out, 'lcov.info')], root: repo, env, history, maxDrop: 5, commit: 'f1', branch: 'topic', ...(diffBase ? { diffBase } : {}) });
    // In a pull request GitHub names the base branch.
    const pr = await run({ GITHUB_BASE_REF: 'main' });
    expect(pr.trend?.previous).toMatchObject({ commit: 'm1', branch: 'main' });
    expect(pr.checks.find((c) => c.name === 'max-drop')).toMatchObject({ passed: false });
    // Elsewhere --diff-base does, remote prefix and all.
    git('update-ref', 'refs/remotes/origin/main', 'main');
    const local = await run({}, 'origin/main');
    expect(local.trend?.previous).toMatchObject({ commit: 'm1', branch: 'main' });
    // Once the branch has a run that held, that run is the bar.
    lcov([1, 1, 1, 1, 0, 0]);
    await runCoverageGate({ reports: [join(out, 'lcov.info')], root: repo, env: {}, history, commit: 'f2', branch: 'topic' });
    expect((await run({ GITHUB_BASE_REF: 'main' })).trend?.previous).toMatchObject({ commit: 'f2', branch: 'topic' });
  });

  it('records nothing and writes no badge when a report cannot be read', async () => {
    const history = join(out, 'history.jsonl');
    const badge = join(out, 'badge.svg');
    await expect(runCoverageGate({ reports: [join(out, 'missing.info')], root: repo, env: {}, history, badge })).rejects.toBeTruthy();
    await expect(gate({ history, badge, diffBase: 'no-such-ref' })).rejects.toMatchObject({ exitCode: 2 });
    expect(existsSync(history)).toBe(false);
    expect(existsSync(badge)).toBe(false);
  });

  it('rejects bad options before reading anything', async () => {
    await expect(runCoverageGate({ reports: [join(out, 'missing.info')], root: repo, minDiff: 80 })).rejects.toMatchObject({
      exitCode: 2,
      message: '--min-diff needs --diff-base to know which lines changed',
    });
  });
});

describe('v8\'s phantom branch across merged reports', () => {
  it('is read as not taken in the report that never loaded the file, even when another report ran it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'debship-phantom-'));
    try {
      // Unit tests never loaded a.ts (v8: 0 lines, one "taken" whole-file branch); the integration run did.
      writeFileSync(join(dir, 'unit.info'), 'SF:a.ts\nDA:1,0\nDA:2,0\nBRDA:1,0,0,1\nend_of_record\n');
      writeFileSync(join(dir, 'integration.info'), 'SF:a.ts\nDA:1,1\nDA:2,1\nBRDA:2,0,0,1\nBRDA:2,0,1,0\nend_of_record\n');
      const r = await runCoverageGate({ reports: [join(dir, 'unit.info'), join(dir, 'integration.info')], root: dir, env: {} });
      expect(r.totals.branches).toEqual({ covered: 1, total: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
