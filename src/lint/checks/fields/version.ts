/** lintian's fields/version for binary packages. */
import type { Check } from '../../types.js';
import { isValidVersion, splitVersion } from '../../dpkg-version.js';
import { tag } from './tag.js';
import { declares, unfolded } from './values.js';

export const versionCheck: Check = {
  name: 'fields/version',
  tags: [
    tag(
      'bad-version-number',
      'error',
      'fields/version',
      'The version does not parse as a Debian version `[epoch:]upstream[-revision]`: the upstream part must start with a digit and only letters, digits and `.+~-:` are allowed.',
      'Set `version:` in debship.yaml to a version such as 1.2.3; with version_schema: semver (the default) debship turns 1.2.3-rc1 into 1.2.3~rc1.',
    ),
    tag(
      'debian-revision-is-zero',
      'error',
      'fields/version',
      'The Debian revision (after the last `-`) is 0. Revisions start at 1, so that a rebuild by someone else (revision 0.1) sorts below the first real one.',
      'Set `release: "1"` in debship.yaml (or leave it out for a native version without revision).',
    ),
    tag(
      'debian-revision-not-well-formed',
      'warning',
      'fields/version',
      'The Debian revision has more than three dot-separated parts, which Debian\'s conventions for revisions and their updates do not use.',
      'Set `release:` in debship.yaml to a simple revision such as 1 or 2.1.',
    ),
  ],
  run({ pkg, report }) {
    if (!declares(pkg, 'Version')) return;
    const version = unfolded(pkg, 'Version');
    if (!isValidVersion(version)) {
      report('bad-version-number', version);
      return;
    }
    // Dpkg::Version reports revision 0 for a version without one, so look at the text itself.
    if (/-0$/.test(version)) report('debian-revision-is-zero', version);
    const { revision } = splitVersion(version);
    const shape = /^(?:[^.\n]+)(?:\.[^.\n]+)?(?:\.[^.\n]+)?(\.[^\n]*)?$/.exec(revision);
    if (!shape) {
      report('debian-revision-not-well-formed', version);
      return;
    }
    let extra = shape[1];
    if (extra !== undefined) {
      const ubuntu = ubuntuExtra(revision);
      if (ubuntu) extra = ubuntu.extra;
    }
    if (extra !== undefined) report('debian-revision-not-well-formed', version);
  },
};

/**
 * lintian's `/^(?:[^.]+ubuntu[^.]+)(?:\.\d+){1,3}(\..*)?$/s` and its capture. The expression
 * backtracks through every "ubuntu" of a long first part (linear-text.ts); its `[^.]+` parts can
 * only span the whole text before the first full stop, so that part is tested on its own.
 */
export function ubuntuExtra(revision: string): { extra: string | undefined } | undefined {
  const dot = revision.indexOf('.');
  const first = dot < 0 ? revision : revision.slice(0, dot);
  // "ubuntu" with something before and after it: the first one after the start is the best chance.
  const at = first.indexOf('ubuntu', 1);
  if (at < 0 || at + 'ubuntu'.length >= first.length) return undefined;
  const m = /^(?:\.\d+){1,3}(\..*)?$/s.exec(revision.slice(first.length));
  return m ? { extra: m[1] } : undefined;
}
