/** lintian's fields/package: the Package field's syntax. */
import type { Check } from '../../types.js';
import { tag } from './tag.js';
import { declares, PKGNAME, unfolded } from './values.js';

// lintian writes /^$PKGNAME_REGEX$/i, but the interpolated qr// keeps its own (case-sensitive) flags.
const NAME = new RegExp(`^${PKGNAME}$`);

export const packageNameCheck: Check = {
  name: 'fields/package',
  tags: [
    tag(
      'bad-package-name',
      'error',
      'fields/package',
      'The package name is not valid: it must be at least two characters of letters, digits, `+`, `-` and `.`, starting with a letter or digit.',
      'Rename the package with `name:` in debship.yaml, for example `my-service`.',
    ),
    tag(
      'package-not-lowercase',
      'error',
      'fields/package',
      'The package name contains upper-case letters; Debian package names are lower case.',
      'Write `name:` in debship.yaml in lower case.',
    ),
    tag(
      'unusual-documentation-package-name',
      'info',
      'fields/package',
      'Documentation packages are conventionally named `-doc`, not `-docs`.',
      'Rename the package with `name:` in debship.yaml to end in -doc.',
    ),
  ],
  run({ pkg, report }) {
    if (!declares(pkg, 'Package')) return;
    const name = unfolded(pkg, 'Package');
    if (!NAME.test(name)) report('bad-package-name');
    if (/[A-Z]/.test(name)) report('package-not-lowercase');
    if (/-docs$/.test(name)) report('unusual-documentation-package-name');
  },
};
