import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DebshipError } from '../../core/errors.js';
import { changedLines, diffCoverage, lineRanges, measureDiffCoverage, parseUnifiedDiff, unquoteCStyle, type ChangedLines } from './diff.js';
import type { FileCoverage } from './model.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Git with a fixed identity and no global or system configuration leaking in. */
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'T',
  GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 'T',
  GIT_COMMITTER_EMAIL: 't@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'debship-diff-'));
  dirs.push(d);
  return d;
}

/** A repository on `main` with one commit holding `files`. */
function repo(files: Record<string, string>): string {
  const d = tempDir();
  git(d, 'init', '-q', '-b', 'main');
  write(d, files);
  git(d, 'add', '-A');
  git(d, 'commit', '-q', '-m', 'base');
  return d;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function commit(dir: string, message = 'change'): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

/** `n` numbered lines, `line 1` … `line n`. */
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');

function replaceLines(text: string, changes: Record<number, string>): string {
  const lines = text.split('\n');
  for (const [n, t] of Object.entries(changes)) lines[Number(n) - 1] = t;
  return lines.join('\n');
}

function cov(path: string, hits: Record<number, number>, extra: Partial<FileCoverage> = {}): FileCoverage {
  return { path, lines: new Map(Object.entries(hits).map(([l, h]) => [Number(l), h])), branches: new Map(), ...extra };
}

const asArrays = (m: Map<string, ChangedLines>) =>
  Object.fromEntries([...m].map(([p, l]) => [p, l === 'all' ? 'all' : [...l].sort((a, b) => a - b)]));

describe('changed lines from git', () => {
  it('counts lines added or changed on the branch since the merge-base, not commits the base gained since', async () => {
    const d = repo({ 'src/a.ts': numbered(10), 'src/b.ts': numbered(5) });
    git(d, 'checkout', '-q', '-b', 'feature');
    write(d, { 'src/a.ts': replaceLines(numbered(10), { 3: 'changed 3', 4: 'changed 4' }) + 'added 11\n' });
    commit(d);
    git(d, 'checkout', '-q', 'main');
    write(d, { 'src/b.ts': replaceLines(numbered(5), { 1: 'main moved on' }) });
    commit(d);
    git(d, 'checkout', '-q', 'feature');

    const { files, mergeBase } = await changedLines(d, 'main');
    expect(asArrays(files)).toEqual({ 'src/a.ts': [3, 4, 11] });
    expect(mergeBase).toBe(git(d, 'merge-base', 'main', 'feature').trim());
  });

  it('includes uncommitted edits and untracked files (the coverage run saw them), not ignored ones', async () => {
    const d = repo({ 'a.ts': numbered(5), '.gitignore': 'build/\n' });
    write(d, { 'a.ts': replaceLines(numbered(5), { 2: 'edited' }), 'new.ts': 'x\ny\n', 'build/out.js': 'z\n' });
    const { files } = await changedLines(d, 'HEAD');
    expect(asArrays(files)).toEqual({ 'a.ts': [2], 'new.ts': 'all' });
  });

  it('follows renames (only the edited line counts), skips deleted and binary files', async () => {
    const d = repo({ 'old.ts': numbered(20), 'gone.ts': numbered(3), 'img.bin': Buffer.from([0, 1, 2, 0, 3]).toString('latin1') });
    git(d, 'checkout', '-q', '-b', 'feature');
    git(d, 'mv', 'old.ts', 'new.ts');
    write(d, { 'new.ts': replaceLines(numbered(20), { 7: 'edited after the move' }), 'img.bin': '\0\x05\x06\0', 'pic.bin': '\0\0\x01' });
    unlinkSync(join(d, 'gone.ts'));
    commit(d);
    const { files } = await changedLines(d, 'main');
    expect(asArrays(files)).toEqual({ 'new.ts': [7] });
  });

  it('reads quoted names: spaces, quotes, backslashes and non-ASCII', async () => {
    const names = ['dir with space/a b.ts', 'café/naïve.ts', 'quo"te.ts', 'back\\slash.ts', '日本.ts'];
    const d = repo(Object.fromEntries(names.map((n) => [n, numbered(3)])));
    write(d, Object.fromEntries(names.map((n) => [n, replaceLines(numbered(3), { 2: 'two' })])));
    commit(d);
    const { files } = await changedLines(d, 'HEAD~1');
    expect(asArrays(files)).toEqual(Object.fromEntries(names.map((n) => [n, [2]])));

    // The same with core.quotePath off: raw UTF-8 names, still quoted for `"` and `\`.
    git(d, 'config', 'core.quotePath', 'false');
    expect(asArrays((await changedLines(d, 'HEAD~1')).files)).toEqual(Object.fromEntries(names.map((n) => [n, [2]])));
  });

  it('ignores user configuration that changes the output: noprefix, mnemonic prefixes, colour, external diff, context', async () => {
    const d = repo({ 'a.ts': numbered(30) });
    write(d, { 'a.ts': replaceLines(numbered(30), { 5: 'five', 9: 'nine' }) });
    for (const [k, v] of [
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['color.ui', 'always'],
      ['color.diff', 'always'],
      ['diff.external', 'false'],
      ['diff.interHunkContext', '10'],
      ['diff.renames', 'false'],
      ['diff.relative', 'false'],
    ]) {
      git(d, 'config', k!, v!);
    }
    expect(asArrays((await changedLines(d, 'HEAD')).files)).toEqual({ 'a.ts': [5, 9] });
    git(d, 'config', '--unset', 'diff.noprefix');
    expect(asArrays((await changedLines(d, 'HEAD')).files)).toEqual({ 'a.ts': [5, 9] });
  });

  it('gives paths relative to a project root below the top of the repository', async () => {
    const d = repo({ 'pkg/src/a.ts': numbered(4), 'other/b.ts': numbered(4) });
    write(d, { 'pkg/src/a.ts': replaceLines(numbered(4), { 1: 'one' }), 'other/b.ts': 'changed\n', 'pkg/new.ts': 'n\n', 'other/new.ts': 'n\n' });
    const { files } = await changedLines(join(d, 'pkg'), 'HEAD');
    expect(asArrays(files)).toEqual({ 'src/a.ts': [1], 'new.ts': 'all' });
  });

  it('refuses an unknown ref as a usage error with a fetch hint', async () => {
    const d = repo({ 'a.ts': 'a\n' });
    git(d, 'remote', 'add', 'origin', join(d, 'nowhere'));
    const err = await changedLines(d, 'origin/main').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DebshipError);
    expect(err).toMatchObject({ exitCode: 2, code: 'coverage-diff-base' });
    expect((err as DebshipError).hint).toContain('git fetch origin main');
    await expect(changedLines(d, '--output=/tmp/x')).rejects.toMatchObject({ exitCode: 2 });
  });

  it('explains a shallow clone that stops before the branch point', async () => {
    const up = repo({ 'a.ts': numbered(3) });
    git(up, 'checkout', '-q', '-b', 'feature');
    write(up, { 'a.ts': 'x\n' });
    commit(up);
    git(up, 'checkout', '-q', 'main');
    write(up, { 'b.ts': 'y\n' });
    commit(up);
    const clone = join(tempDir(), 'clone');
    git(up, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${up}`, clone);
    await expect(changedLines(clone, 'origin/main')).rejects.toMatchObject({ hint: expect.stringContaining('git fetch origin main') });
    git(clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
    await expect(changedLines(clone, 'origin/main')).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('no common ancestor'),
      hint: expect.stringContaining('--unshallow'),
    });
  });

  it('is a usage error outside a git work tree', async () => {
    await expect(changedLines(tempDir(), 'main')).rejects.toMatchObject({ exitCode: 2, code: 'coverage-not-git' });
  });
});

describe('diff coverage', () => {
  it('counts changed executable lines from coverage data, per file with uncovered lines', async () => {
    const d = repo({ 'src/a.ts': numbered(10), 'README.md': 'hi\n' });
    write(d, { 'src/a.ts': replaceLines(numbered(10), { 2: 'x', 3: 'x', 4: 'x', 8: 'x' }), 'README.md': 'hello\n' });
    // Line 2 is a comment (not executable), 3 covered, 4 and 8 not.
    const result = await measureDiffCoverage(d, 'HEAD', [cov('src/a.ts', { 1: 1, 3: 5, 4: 0, 5: 0, 8: 0 })]);
    expect(result).toMatchObject({
      base: 'HEAD',
      lines: { covered: 1, total: 3 },
      files: [{ path: 'src/a.ts', covered: [3], uncovered: [4, 8] }],
      notMeasured: ['README.md'],
    });
    expect(result.percent).toBeCloseTo(33.333, 2);
  });

  it('lists files with only summary totals as not measured and leaves out files whose changes are not executable', () => {
    const changed = new Map<string, ChangedLines>([
      ['sum.ts', new Set([1])],
      ['types.ts', new Set([1, 2])],
      ['new.ts', 'all'],
    ]);
    const summary = { lines: { covered: 1, total: 1 }, branches: { covered: 0, total: 0 } };
    const r = diffCoverage(changed, [cov('sum.ts', {}, { summary }), cov('types.ts', { 9: 0 }), cov('new.ts', { 4: 0, 2: 3 })], { base: 'b', mergeBase: 'm' });
    expect(r.files).toEqual([{ path: 'new.ts', covered: [2], uncovered: [4] }]);
    expect(r.notMeasured).toEqual(['sum.ts']);
    expect(r.lines).toEqual({ covered: 1, total: 2 });
  });

  it('is n/a when no executable line changed', () => {
    const r = diffCoverage(new Map([['a.ts', new Set([1])]]), [cov('a.ts', { 2: 1 })], { base: 'b', mergeBase: 'm' });
    expect(r.percent).toBeNull();
    expect(r.lines).toEqual({ covered: 0, total: 0 });
  });
});

describe('diff parsing', () => {
  it('walks hunk bodies: context lines advance, removed lines do not, "+++" inside a hunk is content', () => {
    const text = [
      'diff --git a/a.ts b/a.ts',
      'index 1..2 100644',
      '--- a/a.ts',
      '+++ b/a.ts',
      '@@ -1,3 +1,4 @@',
      ' one',
      '-two',
      '++++ not a header',
      '+three',
      ' four',
      '\\ No newline at end of file',
      '@@ -10,0 +11,1 @@ function f() {',
      '+eleven',
      'diff --git a/gone.ts b/gone.ts',
      'deleted file mode 100644',
      '--- a/gone.ts',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
      'diff --git "a/t\\tab.ts" "b/t\\tab.ts"',
      '--- "a/t\\tab.ts"',
      '+++ "b/t\\tab.ts"',
      '@@ -0,0 +1 @@',
      '+x',
      'diff --git a/s p.ts b/s p.ts',
      '--- a/s p.ts\t',
      '+++ b/s p.ts\t',
      '@@ -0,0 +1 @@',
      '+x',
      '',
    ].join('\n');
    const files = parseUnifiedDiff(text);
    expect(Object.fromEntries([...files].map(([p, s]) => [p, [...s]]))).toEqual({ 'a.ts': [2, 3, 11], 't\tab.ts': [1], 's p.ts': [1] });
  });

  it('undoes C-style quoting into UTF-8', () => {
    expect(unquoteCStyle('"caf\\303\\251 \\"q\\" back\\\\slash\\ttab"')).toBe('café "q" back\\slash\ttab');
    expect(unquoteCStyle('"\\346\\227\\245\\360\\237\\230\\200"')).toBe('日😀');
    expect(unquoteCStyle('"raw 😀 é"')).toBe('raw 😀 é');
  });

  it('renders line numbers as ranges', () => {
    expect(lineRanges([12, 13, 14, 15, 20])).toBe('12-15, 20');
    expect(lineRanges([1, 3, 4])).toBe('1, 3-4');
    expect(lineRanges([7])).toBe('7');
    expect(lineRanges([])).toBe('');
  });
});
