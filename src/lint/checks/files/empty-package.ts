/** Packages that ship nothing but documentation, after lintian's files/empty-package. */
import type { Check, LintPackage } from '../../types.js';
import { installed } from './installed.js';
import { isUdeb } from '../../package-identity.js';

const CHECK = 'files/empty-package';

// /usr/share/lintian/data/files/standard-files
const STANDARD_FILES = new Set(
  'AUTHORS AUTHORS.gz BUGS BUGS.gz changelog.Debian.gz changelog.gz CHANGES CHANGES.gz COPYING.gz copyright HACKING HACKING.gz NEWS NEWS.Debian NEWS.Debian.gz NEWS.gz TODO TODO.gz'.split(' '),
);

/** Files outside the doc directory an empty package may still ship: its overrides and bug-reporting hooks. */
const allowedExtras = (name: string): Set<string> =>
  new Set([
    `usr/share/lintian/overrides/${name}`,
    `usr/share/lintian/overrides/${name}.gz`,
    ...['', '/control', '/presubj', '/script'].map((tail) => `usr/share/bug/${name}${tail}`),
  ]);

/** Transitional, meta and task packages are meant to be empty (Lintian::Processable::Installable::Class). */
function isDummy(pkg: LintPackage): boolean {
  const description = pkg.field('Description') ?? '';
  return (
    /transitional package/i.test(description) ||
    /meta[ -]?package|(?:dependency|dummy|empty) package/i.test(description) ||
    /(?:^|\/)(?:tasks|metapackages)$/.test(pkg.field('Section') ?? '') ||
    pkg.name.startsWith('task-')
  );
}

function isEmpty(pkg: LintPackage): boolean {
  const doc = `usr/share/doc/${pkg.name}`;
  let extras: Set<string> | undefined;
  for (const item of installed(pkg).items) {
    if (item.type === 'dir') continue;
    if (!item.name.startsWith(doc)) {
      if ((extras ??= allowedExtras(pkg.name)).has(item.name)) continue;
      return false;
    }
    if (item.name.slice(doc.length).match(/^\/[^/]+\//)) return false;
    if (item.name === doc) continue;
    if (STANDARD_FILES.has(item.basename) || /^README(?:\..*)?$/i.test(item.basename)) continue;
    if (pkg.architecture !== 'all' && item.basename === `changelog.Debian.${pkg.architecture}.gz`) continue;
    if (item.basename === `buildinfo_${pkg.architecture}.gz`) continue;
    return false;
  }
  return true;
}

export const emptyPackageCheck: Check = {
  name: CHECK,
  tags: [
    {
      name: 'empty-binary-package',
      severity: 'warning',
      check: CHECK,
      explanation: 'The package ships only its documentation directory; unless it is a metapackage (say so in the description), it is probably broken.',
      fix: 'check the contents globs match the built files, or describe the package as a metapackage',
    },
  ],
  run({ pkg, report }) {
    if (isDummy(pkg) || !isEmpty(pkg)) return;
    // empty-udeb-package is experimental in lintian, hidden by default
    if (!isUdeb(pkg)) report('empty-binary-package');
  },
};
