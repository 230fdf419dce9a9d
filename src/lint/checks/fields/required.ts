/** lintian's fields/required and fields/recommended for binary packages. */
import type { Check } from '../../types.js';
import { tag } from './tag.js';
import { debBasename, declares } from './values.js';

/** lintian 2.116 requires these in a .deb's control file (Installable's INSTALLATION_CONTROL). */
const REQUIRED = ['Package', 'Version', 'Architecture', 'Maintainer', 'Description'];
const RECOMMENDED = ['Section', 'Priority'];

const FIX: Record<string, string> = {
  Package: 'set `name:` in debship.yaml',
  Version: 'set `version:` in debship.yaml (or build with --from-git)',
  Architecture: 'set `arch:` in debship.yaml',
  Maintainer: 'set `maintainer: Name <email>` in debship.yaml',
  Description: 'set `description:` in debship.yaml: a synopsis line, then the long description',
  Section: 'debship writes `section:` (default misc); set it in debship.yaml if a deb.fields entry removed it',
  Priority: 'debship writes `priority:` (default optional); set it in debship.yaml',
};

export const requiredCheck: Check = {
  name: 'fields/required',
  tags: [
    tag(
      'required-field',
      'error',
      'fields/required',
      'The control file lacks a field every binary package must have: Package, Version, Architecture, Maintainer or Description. dpkg and APT need them to identify and describe the package.',
      `Give the field named in the finding: ${REQUIRED.map((f) => `${f} — ${FIX[f]}`).join('; ')}.`,
    ),
  ],
  run({ pkg, report }) {
    for (const f of REQUIRED) if (!declares(pkg, f)) report('required-field', `${debBasename(pkg)} ${f}`);
  },
};

export const recommendedCheck: Check = {
  name: 'fields/recommended',
  tags: [
    tag(
      'recommended-field',
      'warning',
      'fields/recommended',
      'The control file lacks Section or Priority. Package managers and archive tools use them to sort and select packages.',
      'Set `section:` (for example misc, net, utils) and `priority:` (optional) in debship.yaml; debship writes both by default.',
    ),
  ],
  run({ pkg, report }) {
    for (const f of RECOMMENDED) if (!declares(pkg, f)) report('recommended-field', `${debBasename(pkg)} ${f}`);
  },
};
