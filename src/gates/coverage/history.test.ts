import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DebshipError } from '../../core/errors.js';
import { parseHistory, previousEntry, readHistory, recordHistory, resolveRevision, type HistoryEntry } from './history.js';

const execFileAsync = promisify(execFile);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'debship-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function entry(commit: string, branch: string, covered = 80, total = 100): HistoryEntry {
  return {
    commit,
    branch,
    date: '2024-05-01T12:00:00.000Z',
    lines: { covered, total, percent: (covered / total) * 100 },
    branches: { covered: 0, total: 0, percent: null },
  };
}

describe('previous entry', () => {
  const entries = [entry('a1', 'main'), entry('b1', 'feature'), entry('a2', 'main'), entry('b2', 'feature')];

  it('is the last entry on the same branch', () => {
    expect(previousEntry(entries, { commit: 'a3', branch: 'main' })?.commit).toBe('a2');
    expect(previousEntry(entries, { commit: 'b3', branch: 'feature' })?.commit).toBe('b2');
    expect(previousEntry(entries, { commit: 'c1', branch: 'release' })).toBeUndefined();
  });

  it('skips entries for the same commit, so a re-run is not compared with itself', () => {
    expect(previousEntry(entries, { commit: 'a2', branch: 'main' })?.commit).toBe('a1');
  });

  it('skips runs whose gate failed, so a drop that failed once does not become the new bar', () => {
    const failed = { ...entry('a3', 'main', 60), passed: false };
    const held = { ...entry('a2', 'main', 80), passed: true };
    expect(previousEntry([entry('a1', 'main'), held, failed], { commit: 'a4', branch: 'main' })?.commit).toBe('a2');
    // Entries written before `passed` was recorded count as held.
    expect(previousEntry([entry('a1', 'main')], { commit: 'a4', branch: 'main' })?.commit).toBe('a1');
  });
});

describe('recording', () => {
  it('appends, one JSON object per line, creating the file and its directory', async () => {
    const file = join(dir, 'sub', 'coverage.jsonl');
    expect(await recordHistory(file, entry('a1', 'main'))).toEqual({ replaced: false });
    expect(await recordHistory(file, entry('b1', 'feature'))).toEqual({ replaced: false });
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[1]!)).toEqual(entry('b1', 'feature'));
    expect(await readHistory(file)).toEqual([entry('a1', 'main'), entry('b1', 'feature')]);
  });

  it('replaces the entry of the same commit and branch in place; the same commit on another branch is its own entry', async () => {
    const file = join(dir, 'h.jsonl');
    await recordHistory(file, entry('a1', 'main', 50));
    await recordHistory(file, entry('a2', 'main', 60));
    expect(await recordHistory(file, entry('a1', 'main', 55))).toEqual({ replaced: true });
    await recordHistory(file, entry('a1', 'release', 70));
    expect((await readHistory(file)).map((e) => [e.commit, e.branch, e.lines.covered])).toEqual([
      ['a1', 'main', 55],
      ['a2', 'main', 60],
      ['a1', 'release', 70],
    ]);
  });

  it('loses no entry when many runs record at once, and leaves no lock or temporary file', async () => {
    const file = join(dir, 'h.jsonl');
    const commits = Array.from({ length: 25 }, (_, i) => `c${i}`);
    await Promise.all(commits.map((c) => recordHistory(file, entry(c, 'main'))));
    expect((await readHistory(file)).map((e) => e.commit).sort()).toEqual([...commits].sort());
    expect(readdirSync(dir)).toEqual(['h.jsonl']);
  });

  it('loses no entry when separate processes record at once', async () => {
    const file = join(dir, 'h.jsonl');
    const script = `
      import { recordHistory } from ${JSON.stringify(new URL('./history.ts', import.meta.url).pathname)};
      const [file, commit] = process.argv.slice(-2);
      for (let i = 0; i < 5; i++)
        await recordHistory(file, { commit: commit + '-' + i, branch: 'main', date: new Date(0).toISOString(),
          lines: { covered: 1, total: 2, percent: 50 }, branches: { covered: 0, total: 0, percent: null } });
    `;
    await Promise.all(['p0', 'p1', 'p2', 'p3'].map((p) => execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file, p])));
    const commits = (await readHistory(file)).map((e) => e.commit);
    expect(commits).toHaveLength(20);
    expect(new Set(commits).size).toBe(20);
  });

  it('waits for a held lock, and takes over one left behind by a killed run', async () => {
    const file = join(dir, 'h.jsonl');
    writeFileSync(`${file}.lock`, '999999\n');
    await expect(recordHistory(file, entry('a1', 'main'), { lockTimeoutMs: 50 })).rejects.toMatchObject({
      code: 'coverage-history',
      hint: expect.stringContaining('delete the lock file'),
    });
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(`${file}.lock`, old, old);
    await recordHistory(file, entry('a1', 'main'));
    expect((await readHistory(file)).map((e) => e.commit)).toEqual(['a1']);
  });

  it('refuses to rewrite a corrupt history rather than drop its bad line', async () => {
    const file = join(dir, 'h.jsonl');
    writeFileSync(file, JSON.stringify(entry('a1', 'main')) + '\n{"commit": "a2"\n');
    await expect(recordHistory(file, entry('a3', 'main'))).rejects.toMatchObject({ line: 2 });
    expect(readFileSync(file, 'utf8')).toContain('{"commit": "a2"');
    expect(readdirSync(dir)).toEqual(['h.jsonl']);
  });
});

describe('reading', () => {
  it('is empty when the file does not exist', async () => {
    expect(await readHistory(join(dir, 'missing.jsonl'))).toEqual([]);
  });

  it('reports a line that is not JSON, or not an entry, with file:line and a hint', () => {
    const good = JSON.stringify(entry('a1', 'main'));
    const notJson = (() => {
      try {
        parseHistory(`${good}\n\nnot json\n`, 'h.jsonl');
      } catch (e) {
        return e as DebshipError;
      }
    })();
    expect(notJson).toBeInstanceOf(DebshipError);
    expect(notJson).toMatchObject({ file: 'h.jsonl', line: 3, exitCode: 2 });
    expect(notJson!.location).toBe('h.jsonl:3');
    // The location is printed before the message; the message does not repeat it.
    expect(notJson!.message).toMatch(/^not JSON: /);
    expect(notJson!.hint).toContain('fix or delete that line');

    expect(() => parseHistory(`${good}\n${JSON.stringify({ ...entry('a2', 'main'), lines: { covered: -1, total: 2, percent: 1 } })}\n`, 'h.jsonl')).toThrow(
      expect.objectContaining({ location: 'h.jsonl:2', message: expect.stringMatching(/^not a coverage history entry at lines\.covered/) }),
    );
  });
});

describe('revision', () => {
  const GIT_ENV = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();

  beforeEach(() => {
    git('init', '-q', '-b', 'topic');
    writeFileSync(join(dir, 'a'), 'a');
    git('add', 'a');
    git('commit', '-q', '-m', 'a');
  });

  it('comes from git when neither options nor GitHub Actions say', async () => {
    expect(await resolveRevision(dir, {}, {})).toEqual({ commit: git('rev-parse', 'HEAD'), branch: 'topic' });
  });

  it('prefers GitHub Actions: the pull request head branch, else the ref name, and its SHA', async () => {
    const pr = { GITHUB_HEAD_REF: 'feature/x', GITHUB_REF_NAME: '12/merge', GITHUB_SHA: 'f'.repeat(40) };
    expect(await resolveRevision(dir, {}, pr)).toEqual({ commit: 'f'.repeat(40), branch: 'feature/x' });
    expect(await resolveRevision(dir, {}, { ...pr, GITHUB_HEAD_REF: '' })).toMatchObject({ branch: '12/merge' });
  });

  it('prefers options over everything', async () => {
    expect(await resolveRevision(dir, { commit: 'c', branch: 'b' }, { GITHUB_SHA: 's', GITHUB_REF_NAME: 'r' })).toEqual({ commit: 'c', branch: 'b' });
  });

  it('asks for --branch on a detached HEAD', async () => {
    git('checkout', '-q', '--detach');
    await expect(resolveRevision(dir, {}, {})).rejects.toMatchObject({ code: 'coverage-revision', hint: expect.stringContaining('--branch') });
    expect(await resolveRevision(dir, { branch: 'main' }, {})).toMatchObject({ branch: 'main' });
  });
});

