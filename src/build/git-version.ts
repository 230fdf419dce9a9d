/**
 * `debship version --from-git`: the upstream version of the checked-out commit, from the nearest
 * `v<digit>…` tag. On a clean tag it is the tag without `v`; after it, snapshots are written as
 * semver build metadata (`1.2.3+git4.gabcdef0`, `.dirty` with local changes) so they sort after the
 * tag and before the next release in dpkg's order and survive nfpm's semver parsing unchanged.
 *
 * Without any matching tag the version is `0.0.0+git<commits>.g<sha>`: it still orders snapshots
 * by commit count and sorts below the first real release, so a young project can build before
 * tagging. A shallow clone is the exception: its tags and commit count are missing, so guessing
 * would produce a wrong, lower version; that is an error with a fix.
 */
import { DebshipError } from '../core/errors.js';
import { exec, lastLines } from '../core/exec.js';
import { debianVersion, fromGitDescribe } from '../deb/semver.js';

export async function versionFromGit(cwd: string): Promise<string> {
  // LC_ALL=C: the "no names found" check below reads git's English message.
  const git = (args: string[]) =>
    exec('git', args, { cwd, allowFailure: true, timeoutMs: 30_000, env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' } });

  const head = await git(['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.code !== 0) {
    const inside = await git(['rev-parse', '--git-dir']);
    throw new DebshipError(
      'git-version',
      inside.code === 0 ? `${cwd}: the git repository has no commits yet` : `${cwd} is not inside a git repository`,
      { hint: 'commit and tag the sources (git tag v1.0.0), or set version in the config instead of --from-git' },
    );
  }

  const described = await git(['describe', '--tags', '--long', '--dirty', '--match', 'v[0-9]*']);
  let raw: string;
  if (described.code === 0) {
    raw = described.stdout.trim();
  } else if (/no names found|no tags can describe/i.test(described.stderr)) {
    const shallow = await git(['rev-parse', '--is-shallow-repository']);
    if (shallow.stdout.trim() === 'true') {
      throw new DebshipError('git-version', `${cwd}: no v* tag is reachable in this shallow clone`, {
        hint: 'fetch the full history and tags (actions/checkout with fetch-depth: 0, or git fetch --unshallow --tags)',
      });
    }
    const count = (await git(['rev-list', '--count', 'HEAD'])).stdout.trim();
    const sha = (await git(['rev-parse', '--short', 'HEAD'])).stdout.trim();
    const dirty = (await git(['status', '--porcelain', '--untracked-files=no'])).stdout.trim() !== '';
    raw = `v0.0.0-${count}-g${sha}${dirty ? '-dirty' : ''}`;
  } else {
    throw new DebshipError('git-version', `git describe failed in ${cwd}: ${lastLines(described.stderr)}`, {
      hint: 'check that git works in this directory (git describe --tags)',
    });
  }

  const version = fromGitDescribe(raw);
  if (version === undefined) {
    throw new DebshipError('git-version', `cannot read git describe output "${raw}"`, { hint: 'tag releases as v<major>.<minor>.<patch>' });
  }
  try {
    // Check the characters only: whether a "-" in the prerelease is a problem depends on the release.
    debianVersion({ version, versionSchema: 'semver', release: '1' });
  } catch (cause) {
    throw new DebshipError('git-version', `tag in "${raw}" does not give a valid Debian version: ${(cause as Error).message}`, {
      hint: 'name release tags v<major>.<minor>.<patch>[-<prerelease>], using letters, digits and dots (for example v1.2.0-rc.1)',
      cause,
    });
  }
  return version;
}
