/** lintian's fields/section for binary packages. */
import { knownSections, nameSectionMappings } from '../../data/index.js';
import type { Check } from '../../types.js';
import { tag } from './tag.js';
import { declares, isTransitional, unfolded } from './values.js';

const ARCHIVE_PARTS = new Set(['non-free', 'contrib', 'non-free-firmware']);

export const sectionCheck: Check = {
  name: 'fields/section',
  tags: [
    tag(
      'unknown-section',
      'warning',
      'fields/section',
      'The Section is not one of the archive\'s sections (admin, net, python, utils, misc…), optionally behind contrib/, non-free/ or non-free-firmware/.',
      'Set `section:` in debship.yaml to a Debian section such as misc, net, utils, web or python.',
    ),
    tag(
      'section-is-dh_make-template',
      'error',
      'fields/section',
      'The Section is `unknown`, the placeholder of a packaging template.',
      'Set `section:` in debship.yaml to a real section such as misc.',
    ),
    tag(
      'wrong-section-according-to-package-name',
      'info',
      'fields/section',
      'The package name follows a naming convention (python3-*, lib*-dev, fonts-*…) that goes with a different section than the one given.',
      'Set `section:` in debship.yaml to the section named in the finding.',
    ),
    tag(
      'transitional-package-not-oldlibs-optional',
      'warning',
      'fields/section',
      'A transitional package (its description says so) belongs in section oldlibs with priority optional.',
      'Set `section: oldlibs` and `priority: optional` in debship.yaml.',
    ),
  ],
  run({ pkg, report }) {
    if (!declares(pkg, 'Section')) return;
    const section = unfolded(pkg, 'Section');
    const parts = section.split('/');
    const division = parts.length > 1 ? parts[0]! : undefined;
    const fraction = parts.length > 1 ? parts.slice(1).join('/') : parts[0]!;
    if (division !== undefined && !ARCHIVE_PARTS.has(division)) report('unknown-section', section);
    if (fraction === 'unknown' && !division) report('section-is-dh_make-template');
    else if (!knownSections().has(fraction)) report('unknown-section', section);
    if (fraction !== 'oldlibs') {
      for (const [pattern, want] of nameSectionMappings()) {
        if (!pattern.test(pkg.name)) continue;
        if (fraction !== want) report('wrong-section-according-to-package-name', `${section} => ${division !== undefined ? `${division}/` : ''}${want}`);
        break;
      }
    }
    if (fraction === 'debug' && !/-dbg(?:sym)?$/.test(pkg.name)) report('wrong-section-according-to-package-name', section);
    if (isTransitional(pkg)) {
      const priority = unfolded(pkg, 'Priority');
      if (!(priority === 'optional' && fraction === 'oldlibs')) report('transitional-package-not-oldlibs-optional', `${fraction}/${priority}`);
    }
  },
};
