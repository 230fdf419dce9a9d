/**
 * From a project's version fields to a Debian version, with nfpm's semantics so nfpm configs mean
 * the same here: `[epoch:]version[~prerelease][+metadata][-release]`. With `version_schema: semver`
 * (nfpm's default) the version is parsed leniently like nfpm's semver library (`v` prefix, `1.2` is
 * 1.2.0); `prerelease` and `version_metadata` come from it unless set; a version that does not
 * parse is used as written. One deliberate difference: git-describe versions (see `fromGitDescribe`).
 */
import { DebshipError } from '../core/errors.js';
import type { ProjectConfig } from '../config/types.js';
import { versionProblem } from './version.js';

export type VersionFields = Pick<ProjectConfig, 'version' | 'versionSchema' | 'epoch' | 'release' | 'prerelease' | 'versionMetadata'>;

export interface Semver {
  /** `major.minor.patch`, numbers without leading zeros. */
  core: string;
  prerelease: string;
  metadata: string;
}

const IDENTS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
// The loose form nfpm's parser (Masterminds/semver, coercing) accepts: missing minor/patch, leading zeros.
const SEMVER = new RegExp(`^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-(${IDENTS}))?(?:\\+(${IDENTS}))?$`);

export function parseSemver(text: string): Semver | undefined {
  const m = SEMVER.exec(text);
  if (!m) return undefined;
  const num = (s: string | undefined): string => (s ?? '0').replace(/^0+(?=\d)/, '');
  return { core: `${num(m[1])}.${num(m[2])}.${num(m[3])}`, prerelease: m[4] ?? '', metadata: m[5] ?? '' };
}

// `<tag>-<commits>-g<sha>[-dirty]`, `<tag>-dirty`: what `git describe --tags --long --dirty` prints.
const DESCRIBE = /^(.+?)(?:-(\d+)-g([0-9a-f]{4,64}))?(-dirty)?$/;

/**
 * Rewrite a git-describe version as semver build metadata: `v1.2.3-4-gabcdef0` → `1.2.3+git4.gabcdef0`,
 * `v1.2.3-rc.1-4-gabc-dirty` → `1.2.3-rc.1+git4.gabc.dirty`. Read as semver, `-4-gabcdef0` would be a
 * prerelease and become `1.2.3~4-gabcdef0`, which sorts *before* the tag it was built after; as
 * metadata it becomes `+git4…`, after the tag and before the next version, with the commit count
 * (compared numerically by dpkg) ordering snapshots. Returns undefined when `text` is not such a version.
 */
export function fromGitDescribe(text: string): string | undefined {
  const m = DESCRIBE.exec(text);
  if (!m || (m[2] === undefined && m[4] === undefined)) return undefined;
  const tag = m[1]!.replace(/^v(?=\d)/, '');
  const parts: string[] = [];
  // Exactly on a clean tag the version is the tag itself.
  if (m[2] !== undefined && (m[2] !== '0' || m[4])) parts.push(`git${m[2]}`, `g${m[3]}`);
  if (m[4]) parts.push('dirty');
  if (parts.length === 0) return tag;
  return `${tag}${tag.includes('+') ? '.' : '+'}${parts.join('.')}`;
}

/** The Debian version a project builds; throws a DebshipError with a hint when it is not valid. */
export function debianVersion(cfg: VersionFields): string {
  const written = cfg.version;
  if (!written) fail('version is empty', 'set version, for example version: 1.0.0');
  let version = written;
  let prerelease = cfg.prerelease ?? '';
  let metadata = cfg.versionMetadata ?? '';
  if (cfg.versionSchema === 'semver') {
    const sv = parseSemver(fromGitDescribe(written) ?? written);
    if (sv) {
      version = sv.core;
      prerelease ||= sv.prerelease;
      metadata ||= sv.metadata;
    }
  }
  const epoch = cfg.epoch ?? '';
  const release = cfg.release ?? '';
  if (epoch && !/^\d+$/.test(epoch)) fail(`epoch "${epoch}" is not an unsigned integer`, 'set epoch to a small number such as 1, or leave it unset');
  if (release.includes('-')) fail(`release "${release}" contains "-"`, 'use a release such as 1 or 2ubuntu1; Debian reads the text after the last "-" as the revision');
  if (!release) {
    for (const [field, value] of [['prerelease', prerelease], ['version_metadata', metadata]] as const) {
      if (value.includes('-')) {
        fail(
          `${field} "${value}" contains "-", which Debian reads as the start of the revision because release is not set`,
          `use "." instead of "-" (for example ${value.replaceAll('-', '.')}), or set release`,
        );
      }
    }
  }
  const result = `${epoch ? `${epoch}:` : ''}${version}${prerelease ? `~${prerelease}` : ''}${metadata ? `+${metadata}` : ''}${release ? `-${release}` : ''}`;
  const problem = versionProblem(result);
  if (problem) fail(`version "${written}" gives Debian version "${result}", which is invalid: ${problem}`, hintFor(problem, cfg));
  return result;
}

function hintFor(problem: string, cfg: VersionFields): string {
  if (problem.includes('must start with a digit')) {
    return cfg.versionSchema === 'semver'
      ? 'start version with a digit (a leading "v" is dropped only when the rest is a semantic version such as v1.2.3)'
      : 'start version with a digit, or use version_schema: semver to drop a leading "v"';
  }
  if (problem.includes('":"')) return 'set the epoch with the epoch field instead of writing it into version';
  return 'use only letters, digits and . + ~ in version, prerelease, version_metadata and release';
}

function fail(message: string, hint: string): never {
  throw new DebshipError('invalid-version', message, { hint });
}
