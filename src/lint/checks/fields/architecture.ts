/** lintian's fields/architecture for binary packages. */
import { isArchWildcard, isReleaseArchitecture } from '../../data/architectures.js';
import type { Check } from '../../types.js';
import { tag } from './tag.js';
import { value } from './values.js';

const C = 'fields/architecture';

export const architectureCheck: Check = {
  name: C,
  tags: [
    tag('arch-wildcard-in-binary-package', 'error', C, 'A binary package names an architecture wildcard (any, linux-any…) instead of the one architecture it was built for.', 'Build with `arch:` (or --arch) set to real architectures; debship writes one per package.'),
    tag('too-many-architectures', 'error', C, 'A binary package is built for exactly one architecture, but Architecture lists several.', 'Build one package per architecture with `--arch amd64,arm64`.'),
    tag('aspell-package-not-arch-all', 'warning', C, 'aspell dictionaries are architecture-independent.', 'Set `arch: all` in debship.yaml.'),
    tag('documentation-package-not-architecture-independent', 'warning', C, 'A documentation package (-doc) contains no machine code and should be Architecture: all.', 'Set `arch: all` in debship.yaml.'),
    tag('unknown-architecture', 'warning', C, 'The Architecture is not one Debian knows.', 'Set `arch:` in debship.yaml to a Debian architecture (amd64, arm64, armhf, i386…) or all.'),
    tag('magic-arch-in-arch-list', 'error', C, '`all` or `any` are combined with other architectures.', 'Set `arch:` in debship.yaml either to all or to a list of real architectures.'),
  ],
  run({ pkg, report }) {
    const arches = value(pkg, 'Architecture').split(/\s+/).filter(Boolean);
    if (!arches.length) return;
    for (const a of arches) if (isArchWildcard(a)) report('arch-wildcard-in-binary-package', a);
    if (arches.length > 1) report('too-many-architectures', [...arches].sort().join(' '));
    if (/^aspell-[a-z]{2}(?:-.*)?$/.test(pkg.name) && arches[0] !== 'all') report('aspell-package-not-arch-all');
    if (/-docs?$/.test(pkg.name) && arches[0] !== 'all') report('documentation-package-not-architecture-independent');
    // `all` first: it spares building the architecture tables for most arch-all packages.
    for (const a of arches) if (a !== 'all' && !isReleaseArchitecture(a) && !isArchWildcard(a)) report('unknown-architecture', a);
    if (arches.length > 1 && (arches.includes('all') || (arches.includes('any') && arches.some((a) => a !== 'any')))) report('magic-arch-in-arch-list');
  },
};
