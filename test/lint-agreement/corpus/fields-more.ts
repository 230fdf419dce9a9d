/**
 * More control fields, several defects per package: unusual fields and values, architecture
 * lists, contacts, homepages (one per package, so each carries one), descriptions, names.
 */
import { hostDebArch } from '../build.js';
import { description, type Recipe } from '../recipe.js';

const arch = hostDebArch();
const many = Array.from({ length: 420 }, (_, i) => `corpus-old-${i}`).join(', ');

export const moreFieldRecipes: Recipe[] = [
  {
    name: 'fields-extra',
    about: 'a foreign Bugs URL, Multi-Arch: same in an arch-independent package, an unversioned Built-Using, odd Essential, Origin, Package-Type and Source values, unknown, empty, multi-line, escaped and overlong fields, contacts in Changed-By and Uploaders',
    fields: {
      Bugs: 'https://example.org/bugs', 'Multi-Arch': 'same', 'Built-Using': 'gcc-12', Essential: 'maybe', Origin: 'Debian', 'Package-Type': 'deb', Source: 'Bad_Source',
      'X-Corpus': 'yes', Recommends: '', Suggests: 'corpus-a,\n corpus-b', Enhances: 'corpus-\u001b[1mbold', Conflicts: many,
      'Changed-By': 'root <root@example.org>', Uploaders: 'One <one@example.org>, Two <one@example.org>',
    },
    nocheck: true,
    tags: ['ansi-escape', 'bad-provided-package-name', 'bad-relation', 'bugs-field-does-not-refer-to-debian-infrastructure', 'duplicate-contact', 'empty-field', 'explicit-default-in-package-type', 'field-too-long', 'illegal-multi-arch-value', 'invalid-value-in-built-using-field', 'multiline-field', 'redundant-origin-field', 'root-in-contact', 'source-field-malformed', 'unknown-essential-value', 'unknown-field'],
  },
  {
    name: 'fields-arch-list',
    about: 'several architectures with a wildcard and an unknown one, a redundant Bugs field, a new essential package, revision 0, two maintainers, a bouncing address, the dh_make section, an insecure GitHub homepage ending in .git',
    fields: {
      Architecture: 'all any corpusarch', Bugs: 'debbugs://bugs.debian.org', Essential: 'yes', Version: '1.0-0', Section: 'unknown',
      Maintainer: 'Corpus Maintainer <corpus@example.org>, Other Maintainer <other@example.org>',
      'Changed-By': 'Corpus Maintainer <ubuntu-devel-discuss@lists.ubuntu.com>', Homepage: 'http://github.com/corpus/corpus.git',
    },
    nocheck: true,
    tags: ['arch-wildcard-in-binary-package', 'debian-revision-is-zero', 'homepage-field-uses-insecure-uri', 'homepage-github-url-ends-with-dot-git', 'magic-arch-in-arch-list', 'mail-address-loops-or-bounces', 'new-essential-package', 'package-contains-no-arch-dependent-files', 'redundant-bugs-field', 'section-is-dh_make-template', 'too-many-architectures', 'too-many-contacts', 'unknown-architecture', 'unknown-field'],
  },
  {
    name: 'fields-qa',
    about: 'the QA group address with another name and the QA name with another address, an odd revision, a GitLab homepage ending in .git, the debmake template synopsis',
    fields: {
      Maintainer: 'Corpus Maintainer <packages@qa.debian.org>', 'Changed-By': 'Debian QA Group <qa@example.org>', Version: '1.0-1.2.3.4',
      Homepage: 'https://gitlab.com/corpus/corpus.git', Description: description('missing'),
    },
    nocheck: true,
    tags: ['debian-revision-not-well-formed', 'description-is-debmake-template', 'description-too-short', 'faulty-debian-qa-group-address', 'faulty-debian-qa-group-phrase', 'homepage-gitlab-url-ends-with-dot-git', 'unknown-field'],
  },
  {
    name: 'transitional-corpus',
    about: 'a transitional package outside oldlibs, a Salsa homepage ending in .git',
    fields: { Description: description('transitional package for corpus'), Homepage: 'https://salsa.debian.org/corpus/corpus.git' },
    tags: ['homepage-salsa-url-ends-with-dot-git', 'transitional-package-not-oldlibs-optional'],
  },
  {
    name: 'desc-pkg-name',
    about: 'a synopsis that only repeats the package name, an insecure CRAN homepage',
    fields: { Description: description('desc pkg name'), Homepage: 'http://cran.r-project.org/web/packages/corpus' },
    tags: ['description-is-pkg-name', 'homepage-field-uses-insecure-uri', 'homepage-for-cran-package-not-canonical'],
  },
  {
    name: 'desc-body-flaws',
    about: 'odd marks, first person, control statements, an unindented list, a homepage, planned features and the dh-make-perl template in the description; a Bioconductor homepage',
    fields: {
      Description: [
        'corpus package,with odd marks',
        ' We ship this corpus for my tests,really.',
        ' .indented control statement',
        ' - one',
        ' - two',
        ' - three',
        ' Homepage: https://example.org/corpus',
        ' Support for more defects is planned.',
        ' This description was automagically extracted from the module by dh-make-perl.',
        ' .',
      ].join('\n'),
      Homepage: 'http://bioconductor.org/packages/release/bioc/html/corpus.html',
    },
    tags: ['description-contains-dh-make-perl-template', 'description-contains-homepage', 'description-contains-invalid-control-statement', 'description-mentions-planned-features', 'extended-description-contains-empty-paragraph', 'homepage-field-uses-insecure-uri', 'homepage-for-bioconductor-package-not-canonical', 'odd-mark-in-description', 'possible-unindented-list-in-extended-description', 'using-first-person-in-description'],
  },
  {
    name: 'desc-spelling',
    about: 'misspelled words, a doubled word, a multi-word mistake and names in the wrong case in both parts of the description; words of the maintainer\'s name and the package name, and a doubled word in parentheses, which are fine',
    fields: {
      Maintainer: 'Alot Recieve <corpus@example.org>',
      Description: [
        'service to recieve greetings on debian',
        ' This service can recieve greetings, and the the greetings come from dbus',
        ' and Gnome; it allows to reply. Alot of them are seperate, and Recieve',
        ' (Recieve) is a name here, as is desc-spelling and spelling (spelling).',
        ' The greetings are handled by a meta package [for debian and Gnome].',
      ].join('\n'),
    },
    tags: ['capitalization-error-in-description', 'capitalization-error-in-description-synopsis', 'spelling-error-in-description', 'spelling-error-in-description-synopsis'],
  },
  {
    name: 'desc-short-body',
    about: 'a one-line extended description indented further, ending with a URL',
    fields: { Description: 'corpus package with a short body\n   Indented first line, see https://example.org/corpus' },
    tags: ['description-possibly-contains-homepage', 'description-starts-with-leading-spaces', 'extended-description-is-probably-too-short'],
  },
  {
    name: 'libcorpus-thing-perl',
    about: 'a library package with an excessive priority, a Perl module the description does not name, a CPAN homepage with a version',
    fields: { Section: 'libs', Priority: 'important', Homepage: 'https://metacpan.org/release/Corpus-Thing-1.2' },
    files: [{ path: '/usr/share/perl5/Corpus/Thing.pm', content: 'package Corpus::Thing;\n1;\n' }],
    tags: ['excessive-priority-for-library-package', 'homepage-for-cpan-package-contains-version', 'perl-module-name-not-mentioned-in-description', 'wrong-section-according-to-package-name'],
  },
  {
    name: 'fonts-corpus-doc',
    about: 'an architecture-specific documentation font package, not Multi-Arch: foreign, in the wrong section, depending on its main package, a homepage on ftp.gnu.org',
    fields: { Architecture: arch, Depends: 'fonts-corpus', Homepage: 'https://ftp.gnu.org/gnu/corpus/' },
    tags: ['doc-package-depends-on-main-package', 'documentation-package-not-architecture-independent', 'font-package-not-multi-arch-foreign', 'homepage-refers-to-filesystem-listing', 'package-contains-no-arch-dependent-files', 'wrong-section-according-to-package-name'],
  },
  {
    name: 'aspell-zz-docs',
    about: 'an architecture-specific aspell documentation package named -docs, a homepage on alioth',
    fields: { Architecture: arch, Section: 'doc', Homepage: 'https://alioth.debian.org/projects/corpus' },
    tags: ['aspell-package-not-arch-all', 'documentation-package-not-architecture-independent', 'homepage-refers-to-obsolete-debian-infrastructure', 'package-contains-no-arch-dependent-files', 'unusual-documentation-package-name'],
  },
  {
    name: 'rel-pack',
    about: 'relations lintian objects to: virtual, obsolete, toolchain, meta and font packages, several versions of one library, bad forms and versions, MTA choices',
    fields: {
      Depends: [
        'alsaplayer-output', 'emacs23', 'xfonts-75dpi', 'packaging-dev', 'awk', 'libdb1-compat', 'python3-minimal', 'debhelper', 'classpath-doc',
        'exim', 'corpus-x | xlibs-dev', 'libstdc++2.10', 'libstdc++3', 'tcl8.0', 'tcl8.2', 'tclx8.2', 'tclx8.3', 'tk8.0', 'tk8.2', 'libpng2', 'libpng3',
        'mono-complete', 'makedev', 'corpus-y (> 1.0)', 'corpus-z (>= 1.0!)', 'perl-modules-5.36',
      ].join(', '),
      'Pre-Depends': 'mail-transport-agent',
      Recommends: 'libservlet3.1-java, default-mta',
      Suggests: 'corpus-w | default-mta | mail-transport-agent',
      Conflicts: 'corpus-old (<< 1.0), awk',
      Provides: 'Bad_Provided, corpus-virtual (>= 1.0)',
      Breaks: 'corpus-other',
      Replaces: 'corpus-a | corpus-b',
    },
    nocheck: true,
    tags: ['alternates-not-allowed', 'bad-provided-package-name', 'bad-version-in-relation', 'binary-package-depends-on-toolchain-package', 'breaks-without-version', 'conflicts-with-dependency', 'conflicts-with-version', 'default-mta-dependency-does-not-specify-mail-transport-agent', 'default-mta-dependency-not-listed-first', 'depends-exclusively-on-makedev', 'depends-on-libdb1-compat', 'depends-on-metapackage', 'depends-on-obsolete-package', 'depends-on-old-emacs', 'depends-on-packaging-dev', 'depends-on-python-minimal', 'depends-on-specific-java-doc-package', 'invalid-versioned-provides', 'mail-transport-agent-dependency-does-not-specify-default-mta', 'needless-suggest-recommend-libservlet-java', 'needlessly-depends-on-awk', 'obsolete-relation-form', 'ored-depends-on-obsolete-package', 'package-depends-on-an-x-font-package', 'package-depends-on-multiple-libpng-versions', 'package-depends-on-multiple-libstdc-versions', 'package-depends-on-multiple-tcl-versions', 'package-depends-on-multiple-tclx-versions', 'package-depends-on-multiple-tk-versions', 'package-relation-with-perl-modules', 'virtual-package-depends-without-real-package-depends'],
  },
  {
    name: 'libcorpus-rel-java',
    about: 'a Java library depending only on a JRE and recommending its documentation',
    fields: { Depends: 'default-jre', Recommends: 'libcorpus-rel-doc' },
    tags: ['javalib-but-no-public-jars', 'lib-recommends-documentation', 'needless-dependency-on-jre', 'wrong-section-according-to-package-name'],
  },
  {
    // Named as a package debhelper's add-on list says installs one (pyppd ships dh_pyppd).
    name: 'pyppd',
    about: 'a package installing a debhelper add-on, which may name the toolchain',
    fields: { Suggests: 'debhelper' },
    tags: [],
  },
];
