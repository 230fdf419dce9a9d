/**
 * Perl's Dpkg::Version as lintian uses it: how a version splits into epoch, upstream version and
 * revision, and when it is valid. (Its rules differ slightly from dpkg's C parser, which
 * src/deb/version.ts follows.)
 */

export interface SplitVersion {
  epoch: string;
  upstream: string;
  /** '0' when the version has no revision, as Dpkg::Version reports it. */
  revision: string;
}

export function splitVersion(version: string): SplitVersion {
  let epoch = '0';
  let rest = version;
  const e = /^([^:\n]*):([^\n]+)$/.exec(version);
  if (e) {
    epoch = e[1]!;
    rest = e[2]!;
  }
  const r = /^([^\n]*)-([^\n]*)$/.exec(rest);
  return r ? { epoch, upstream: r[1]!, revision: r[2]! } : { epoch, upstream: rest, revision: '0' };
}

/** Dpkg::Version::version_check. */
export function isValidVersion(version: string): boolean {
  if (version === '') return false;
  const { epoch, upstream, revision } = splitVersion(version);
  if (epoch === '' || upstream === '' || revision === '') return false;
  if (/^[^\d]/.test(upstream)) return false;
  if (/[^-+:.0-9a-zA-Z~]/.test(version)) return false;
  return /^\d*$/.test(epoch);
}
