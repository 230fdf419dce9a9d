/**
 * Control fields: required and recommended fields, names, versions, sections, priorities,
 * maintainers, descriptions, relations. Independent fields share a package; the description
 * defects need one synopsis each.
 */
import { description, type Recipe } from '../recipe.js';

const LONG = 'x'.repeat(90);

export const fieldRecipes: Recipe[] = [
  { name: 'field-missing-required', about: 'no Maintainer and no Description', fields: { Maintainer: null, Description: null }, tags: ['required-field'] },
  { name: 'field-missing-recommended', about: 'neither Section nor Priority', fields: { Section: null, Priority: null }, tags: ['recommended-field'] },
  {
    name: 'Field_Bad_Name',
    about: 'a package name with capitals and underscores',
    nocheck: true,
    tags: ['bad-package-name', 'package-not-lowercase', 'syntax-error-in-debian-changelog'],
  },
  { name: 'field-bad-version', about: 'a version with an underscore', fields: { Version: '1.0_beta-1' }, nocheck: true, tags: ['bad-version-number'] },
  { name: 'field-version-letter', about: 'a version not starting with a digit', fields: { Version: 'v1.0-1' }, nocheck: true, tags: ['bad-version-number'] },
  {
    name: 'field-odd-values',
    about: 'an unknown section and priority, a bogus homepage, Essential: no, an unknown Multi-Arch value, a maintainer at localhost',
    fields: { Section: 'gadgets', Priority: 'urgent', Homepage: '<example.org>', Essential: 'no', 'Multi-Arch': 'sometimes', Maintainer: 'Corpus Maintainer <corpus@localhost>' },
    nocheck: true,
    tags: ['unknown-section', 'unknown-priority', 'bad-homepage', 'superfluous-clutter-in-homepage', 'essential-no-not-needed', 'unknown-multi-arch-value', 'bogus-mail-host'],
  },
  {
    name: 'field-area-extra',
    about: 'a section in the contrib area, the retired priority extra, a maintainer without a name',
    fields: { Section: 'contrib/gadgets', Priority: 'extra', Maintainer: '<corpus@example.org>' },
    tags: ['unknown-section', 'priority-extra-is-replaced-by-priority-optional', 'no-phrase'],
  },
  {
    name: 'desc-synopsis-only',
    about: 'only a synopsis; a maintainer given as a bare address',
    fields: { Description: 'corpus package with only a synopsis', Maintainer: 'corpus@example.org' },
    tags: ['extended-description-is-empty', 'no-phrase'],
  },
  {
    name: 'desc-long-synopsis',
    about: 'a synopsis over 80 characters; a maintainer without an address',
    fields: { Description: description('corpus package whose synopsis goes on and on well past the eighty column limit of it'), Maintainer: 'Corpus Maintainer' },
    tags: ['synopsis-too-long', 'malformed-contact'],
  },
  {
    name: 'desc-starts-with-name',
    about: 'a synopsis starting with the package name; a maintainer address without its closing bracket',
    fields: { Description: description('desc-starts-with-name is a corpus package'), Maintainer: 'Corpus Maintainer <corpus@example.org' },
    tags: ['description-starts-with-package-name', 'malformed-contact'],
  },
  {
    name: 'desc-article',
    about: 'a synopsis starting with an article, a line over 80 columns and a tab in the extended description',
    fields: { Description: `${description('a corpus package that starts with an article')}\n This line is long: ${LONG}.\n This line has a\ttab in it.` },
    tags: ['description-synopsis-starts-with-article', 'extended-description-line-too-long', 'description-contains-tabs'],
  },
  {
    name: 'desc-the-sentence',
    about: 'a synopsis starting with "The" and ending with a full stop',
    fields: { Description: description('The corpus package whose synopsis is a sentence.') },
    tags: ['description-synopsis-starts-with-article', 'synopsis-is-a-sentence'],
  },
  {
    name: 'desc-same-as-synopsis',
    about: 'an extended description repeating the synopsis',
    fields: { Description: `corpus package repeating itself\n corpus package repeating itself\n .\n${description('').slice(1)}` },
    tags: ['description-synopsis-is-duplicated'],
  },
  {
    name: 'desc-template',
    about: 'the dh_make template description',
    fields: { Description: description('<insert up to 60 chars description>') },
    tags: ['description-is-dh_make-template'],
  },
  { name: 'desc-empty-synopsis', about: 'an empty synopsis with an extended description', fields: { Description: description('') }, tags: ['description-synopsis-is-empty'] },
  {
    name: 'rel-essential-self',
    about: 'unversioned relations on essential packages, and a dependency on itself',
    fields: { Depends: 'bash, rel-essential-self', 'Pre-Depends': 'coreutils' },
    tags: ['depends-on-essential-package-without-using-version', 'package-relation-with-self'],
  },
  { name: 'rel-syntax', about: 'a relation that does not parse', fields: { Depends: 'libfoo1 (= 1.0' }, nocheck: true, tags: ['bad-relation'] },
];
