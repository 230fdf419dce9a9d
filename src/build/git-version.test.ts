import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec, hasCommand } from '../core/exec.js';
import { debianVersion } from '../deb/semver.js';
import { compareVersions } from '../deb/version.js';
import { versionFromGit } from './git-version.js';

const haveGit = await hasCommand('git');
const dirs: string[] = [];

async function git(cwd: string, ...args: string[]): Promise<string> {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
  const r = await exec('git', ['-c', 'commit.gpgSign=false', '-c', 'tag.gpgSign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, env });
  return r.stdout.trim();
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'debship-git-'));
  dirs.push(dir);
  return dir;
}

/** A repository with `commits` commits, each changing file.txt. */
async function repo(commits: number): Promise<string> {
  const dir = await tempDir();
  await git(dir, 'init', '-q');
  for (let i = 0; i < commits; i++) await commit(dir, `change ${i}`);
  return dir;
}

async function commit(dir: string, text: string): Promise<void> {
  await writeFile(join(dir, 'file.txt'), `${text}\n`);
  await git(dir, 'add', 'file.txt');
  await git(dir, 'commit', '-q', '-m', text);
}

const short = (dir: string) => git(dir, 'rev-parse', '--short', 'HEAD');

// In CI a missing git fails these tests; only a developer machine may skip them.
describe.skipIf(!haveGit && !process.env.CI)('versionFromGit', () => {
  beforeAll(() => {
    if (!haveGit) throw new Error('git is not installed: install git (apt-get install git)');
  });
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('is the tag on a tagged commit, and a +git snapshot after it', async () => {
    const dir = await repo(2);
    await git(dir, 'tag', '-a', '-m', 'release', 'v1.2.3');
    expect(await versionFromGit(dir)).toBe('1.2.3');

    await commit(dir, 'a');
    await commit(dir, 'b');
    expect(await versionFromGit(dir)).toBe(`1.2.3+git2.g${await short(dir)}`);

    await writeFile(join(dir, 'untracked.txt'), 'x');
    expect(await versionFromGit(dir)).toBe(`1.2.3+git2.g${await short(dir)}`);
    await writeFile(join(dir, 'file.txt'), 'edited\n');
    expect(await versionFromGit(dir)).toBe(`1.2.3+git2.g${await short(dir)}.dirty`);
  });

  it('gives versions that only go up as history advances', async () => {
    const dir = await repo(1);
    const seen: string[] = [await versionFromGit(dir)];
    await git(dir, 'tag', 'v0.1.0-rc.1');
    for (const step of ['c1', 'tag v0.1.0', 'c2', 'c3', 'tag v0.2.0-rc.1', 'c4', 'tag v0.2.0']) {
      if (step.startsWith('tag ')) await git(dir, 'tag', step.slice(4));
      else await commit(dir, step);
      seen.push(await versionFromGit(dir));
    }
    const debian = seen.map((v) => debianVersion({ version: v, versionSchema: 'semver', release: '1' }));
    expect(debian[1]).toMatch(/^0\.1\.0~rc\.1\+git1\.g[0-9a-f]+-1$/);
    for (let i = 1; i < debian.length; i++) expect(compareVersions(debian[i - 1]!, debian[i]!), `${debian[i - 1]} < ${debian[i]}`).toBe(-1);
  });

  it('counts all commits when no v* tag exists yet', async () => {
    const dir = await repo(3);
    await git(dir, 'tag', 'release-9');
    await git(dir, 'tag', 'vnext');
    expect(await versionFromGit(dir)).toBe(`0.0.0+git3.g${await short(dir)}`);
  });

  it('refuses a shallow clone without tags instead of guessing', async () => {
    const origin = await repo(2);
    await git(origin, 'tag', 'v1.0.0', 'HEAD~1');
    const clone = await tempDir();
    await git(clone, 'clone', '-q', '--depth', '1', '--no-tags', `file://${origin}`, '.');
    await expect(versionFromGit(clone)).rejects.toMatchObject({ code: 'git-version', hint: expect.stringContaining('fetch-depth: 0') });
  });

  it('refuses tags that make no valid Debian version', async () => {
    const dir = await repo(1);
    await git(dir, 'tag', 'v1.2_3');
    await expect(versionFromGit(dir)).rejects.toMatchObject({ code: 'git-version', message: expect.stringContaining('"_"') });
  });

  it('explains a directory without history', async () => {
    await expect(versionFromGit(await tempDir())).rejects.toMatchObject({ message: expect.stringContaining('not inside a git repository') });
    await expect(versionFromGit(await repo(0))).rejects.toMatchObject({ message: expect.stringContaining('no commits yet') });
  });
});
