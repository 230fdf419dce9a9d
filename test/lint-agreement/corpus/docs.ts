/** /usr/share/doc: copyright file contents and forms, changelog and NEWS names, doc symlinks. */
import { defaultChangelog, defaultCopyright, type Recipe } from '../recipe.js';
import { gz } from './helpers.js';

const doc = (pkg: string, file: string) => `/usr/share/doc/${pkg}/${file}`;
const copyright = (extra: string) => `${defaultCopyright('corpus')}\n${extra}\n`;
const license = (name: string, text: string) => `License: ${name}\n ${text}\n`;
const dep5 = (name: string, text: string) =>
  `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: 2023 Corpus Maintainer\nLicense: ${name}\n\n${license(name, text)}`;
// Long enough for lintian's "full license text" length limits, without real license prose.
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Clause ${i} of the corpus license text.`).join('\n');

export const docRecipes: Recipe[] = [
  {
    name: 'copyright-spelling',
    about: 'misspelt words in the copyright file; a doubled word, which is not checked there',
    copyright: copyright('This packge may be used by anyone who can recieve it, the the same way.'),
    tags: ['spelling-error-in-copyright'],
  },
  {
    name: 'copyright-flaws',
    about: 'copyright text with old addresses, helper boilerplate and wrong license paths',
    copyright: copyright(
      [
        'See usr/share/common-licenses/GPL-2.gz and /usr/share/common-licenses/BSD and usr/share/common-licences/MIT.',
        'Previously in usr/share/doc/copyright. Free Software Foundation, Cambridge, MA 02139.',
        'Upstream Author(s): <years> url://example.org',
        'This copyright info was automatically extracted from the sources.',
        '# Please also look if there are files or directories which have a\n# different copyright/license attached and list them here.',
        'The Debian packaging is (C) 2020 Corpus Maintainer.\r',
      ].join('\n'),
    ),
    tags: ['copyright-contains-automatically-extracted-boilerplate', 'copyright-contains-dh_make-todo-boilerplate', 'copyright-has-crs', 'copyright-has-url-from-dh_make-boilerplate', 'copyright-refers-to-compressed-license', 'copyright-refers-to-deprecated-bsd-license-file', 'copyright-refers-to-incorrect-directory', 'copyright-refers-to-old-directory', 'copyright-with-old-dh-make-debian-copyright', 'helper-templates-in-copyright', 'old-fsf-address-in-copyright-file'],
  },
  { name: 'copyright-gpl-nonexistent', about: 'a reference to a license file that does not exist', copyright: copyright('See /usr/share/common-licenses/GPLv2 for the text.'), tags: ['copyright-refers-to-nonexistent-license-file'] },
  {
    name: 'copyright-gpl-symlink',
    about: 'a reference to the unversioned GPL symlink for "or later" terms',
    copyright: copyright('GPL version 2 or later; see /usr/share/common-licenses/GPL for the text.\nAlso see common-licenses/GPL-2.'),
    tags: ['copyright-refers-to-symlink-license'],
  },
  { name: 'copyright-gpl-versionless', about: 'an unversioned GPL reference with a specific version', copyright: copyright('GPL version 2; see /usr/share/common-licenses/GPL for the text.'), tags: ['copyright-refers-to-versionless-license-file'] },
  {
    name: 'copyright-full-texts',
    about: 'full GPL, GFDL and Apache texts instead of references',
    copyright: copyright(
      [
        'GNU GENERAL PUBLIC LICENSE\nTERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION',
        'GNU Free Documentation License\nVersion 1.2\n1. APPLICABILITY AND DEFINITIONS',
        'Apache License Version 2.0, January 2004\nTERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION',
        filler(600),
      ].join('\n'),
    ),
    tags: ['copyright-file-contains-full-apache-2-license', 'copyright-file-contains-full-gfdl-license', 'copyright-file-contains-full-gpl-license', 'copyright-not-using-common-license-for-gfdl'],
  },
  {
    name: 'copyright-gpl-text',
    about: 'GPL terms spelled out instead of pointing to common-licenses',
    copyright: dep5('GPL-2+', 'This program is free software; you can redistribute it under the terms of the GNU General Public License.'),
    tags: ['copyright-not-using-common-license-for-gpl'],
  },
  {
    name: 'copyright-lgpl-perl',
    about: 'LGPL and Perl terms spelled out instead of pointing to common-licenses',
    copyright: `${dep5('LGPL-2.1+', 'This library is free software under the GNU Lesser General Public License.')}\n${license('perl', 'This library is free software; you can redistribute it under the same terms as Perl itself.')}`,
    tags: ['copyright-file-lacks-pointer-to-perl-license', 'copyright-not-using-common-license-for-lgpl'],
  },
  {
    name: 'copyright-compressed',
    about: 'copyright.gz instead of copyright',
    copyright: false,
    files: [{ path: doc('copyright-compressed', 'copyright.gz'), content: gz(defaultCopyright('copyright-compressed')) }],
    tags: ['copyright-file-compressed'],
  },
  {
    name: 'copyright-symlink',
    about: 'copyright as a symbolic link',
    copyright: false,
    files: [
      { path: '/usr/share/copyright-symlink/LICENSE', content: defaultCopyright('copyright-symlink') },
      { path: doc('copyright-symlink', 'copyright'), symlink: '../../copyright-symlink/LICENSE' },
    ],
    tags: ['copyright-file-is-symlink', 'extra-license-file', 'package-contains-documentation-outside-usr-share-doc'],
  },
  {
    name: 'doc-link-no-dep',
    about: '/usr/share/doc/<pkg> linking to another package it does not depend on',
    copyright: false,
    changelog: 'missing',
    files: [{ path: '/usr/share/doc/doc-link-no-dep', symlink: 'clean-arch-all' }],
    tags: ['usr-share-doc-symlink-without-dependency'],
  },
  {
    name: 'doc-link-dep',
    about: '/usr/share/doc/<pkg> linking to a package it depends on',
    fields: { Depends: 'clean-arch-all' },
    copyright: false,
    changelog: 'missing',
    files: [{ path: '/usr/share/doc/doc-link-dep', symlink: 'clean-arch-all' }],
    tags: ['cannot-check-whether-usr-share-doc-symlink-points-to-foreign-package'],
  },
  {
    name: 'doc-link-outside',
    about: '/usr/share/doc/<pkg> linking outside /usr/share/doc',
    copyright: false,
    changelog: 'missing',
    files: [{ path: '/usr/share/doc/doc-link-outside', symlink: '/usr/share/doc-link-outside' }],
    tags: ['absolute-symlink-in-top-level-folder', 'usr-share-doc-symlink-points-outside-of-usr-share-doc'],
  },
  {
    name: 'doc-html-news',
    about: 'an HTML changelog only, and NEWS files under wrong names',
    files: [
      { path: doc('doc-html-news', 'changelog.html.gz'), content: gz('<p>corpus</p>\n') },
      { path: doc('doc-html-news', 'NEWS.Debian'), content: 'corpus news\n' },
      { path: doc('doc-html-news', 'news.debian.gz'), content: gz('corpus news\n') },
    ],
    tags: ['debian-news-file-not-compressed', 'html-changelog-without-text-version', 'wrong-name-for-debian-news-file'],
  },
  {
    name: 'doc-changelog-names',
    about: 'an upstream changelog named CHANGES and a lowercase Debian changelog',
    changelog: 'missing',
    files: [
      { path: doc('doc-changelog-names', 'CHANGES.gz'), content: gz('1.0: corpus\n') },
      { path: doc('doc-changelog-names', 'changelog.debian.gz'), content: gz(defaultChangelog('doc-changelog-names', '1.0-1')) },
    ],
    tags: ['wrong-name-for-debian-changelog-file', 'wrong-name-for-upstream-changelog'],
  },
  {
    name: 'doc-upstream-only',
    about: 'an upstream changelog and no Debian changelog',
    changelog: 'missing',
    files: [{ path: doc('doc-upstream-only', 'changelog.gz'), content: gz(defaultChangelog('doc-upstream-only', '1.0-1')) }],
    tags: ['debian-changelog-file-missing-or-wrong-name'],
  },
  {
    name: 'doc-native-debian-name',
    about: 'a native package with changelog.Debian.gz',
    fields: { Version: '1.0' },
    changelog: 'missing',
    files: [{ path: doc('doc-native-debian-name', 'changelog.Debian.gz'), content: gz(defaultChangelog('doc-native-debian-name', '1.0')) }],
    tags: ['wrong-name-for-changelog-of-native-package'],
  },
];
