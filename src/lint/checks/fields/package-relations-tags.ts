/** The tags of lintian's fields/package-relations that apply to binary packages, in debship.yaml terms. */
import type { TagInfo } from '../../types.js';
import { tag } from './tag.js';

const C = 'fields/package-relations';
const DEPS = 'Edit `depends:`, `recommends:`, `suggests:` (or deb.predepends) in debship.yaml';

export const RELATION_TAGS: TagInfo[] = [
  tag('alternates-not-allowed', 'error', C, 'Alternatives (`a | b`) are only allowed in Depends, Pre-Depends, Recommends and Suggests.', 'Remove `|` from `conflicts:`, `provides:`, `replaces:` or deb.breaks in debship.yaml; list each package separately.'),
  tag('virtual-package-depends-without-real-package-depends', 'warning', C, 'A Depends on a virtual package has no real package as first alternative, so APT may pick an arbitrary provider.', `${DEPS}: write \`real-package | virtual-package\`.`),
  tag('depends-on-old-emacs', 'warning', C, 'The first alternative is an Emacs version that left Debian long ago.', `${DEPS}: depend on emacs (or a current version) first.`),
  tag('invalid-versioned-provides', 'error', C, 'A Provides entry has a version relation other than `=`; a package can only provide an exact version.', 'Write `provides:` entries in debship.yaml as `name` or `name (= version)`.'),
  tag('bad-provided-package-name', 'error', C, 'A relationship names a package that is not a valid package name.', `${DEPS} (or \`provides:\`): use valid package names (lower case letters, digits, + - .).`),
  tag('breaks-without-version', 'warning', C, 'Breaks names a package without a version, which means "cannot be installed together"; that is what Conflicts is for.', 'Add the version range that breaks to deb.breaks in debship.yaml (e.g. `foo (<< 2.0)`), or move the entry to `conflicts:`.'),
  tag('conflicts-with-version', 'info', C, 'Conflicts names a version range; Breaks expresses that more precisely and lets upgrades proceed.', 'Move the versioned entry from `conflicts:` to deb.breaks in debship.yaml.'),
  tag('obsolete-relation-form', 'warning', C, 'A version relation uses `<` or `>`, whose meaning is ambiguous; use `<<`, `<=`, `>=` or `>>`.', `${DEPS}: write \`<<\`/\`<=\` or \`>=\`/\`>>\` instead of \`<\` or \`>\`.`),
  tag('bad-version-in-relation', 'error', C, 'The version in a relationship is not a valid Debian version.', `${DEPS}: give a valid version, e.g. \`foo (>= 1.2)\`.`),
  tag('package-relation-with-self', 'warning', C, 'The package declares a relationship with itself.', `${DEPS}: remove the package's own name.`),
  tag('bad-relation', 'error', C, 'A relationship does not parse: something follows the name and version that is neither an architecture list nor a build profile.', `${DEPS}: write each entry as \`name\` or \`name (op version)\`.`),
  tag('depends-on-metapackage', 'error', C, 'The package depends on a metapackage (such as xorg), which pulls in far more than needed.', `${DEPS}: depend on the specific packages required.`),
  tag(
    'depends-on-essential-package-without-using-version',
    'error',
    C,
    'The package depends on an essential package (bash, coreutils, dpkg…) without a version; essential packages are always installed, so only a versioned dependency means anything.',
    `${DEPS}: remove the entry, or add the minimum version needed, e.g. \`bash (>= 5.0)\`.`,
  ),
  tag('package-depends-on-an-x-font-package', 'error', C, 'The package depends on an X font package; fonts should be recommended, not required.', 'Move the font package from `depends:` to `recommends:` in debship.yaml.'),
  tag('depends-on-packaging-dev', 'warning', C, 'The package depends on packaging-dev, a metapackage for Debian developers.', `${DEPS}: remove packaging-dev.`),
  tag('needless-suggest-recommend-libservlet-java', 'warning', C, 'A servlet API library is suggested or recommended although servlet containers provide it.', 'Remove it from `recommends:`/`suggests:` in debship.yaml.'),
  tag('needlessly-depends-on-awk', 'error', C, 'The package depends on awk without a version; awk is always available.', `${DEPS}: remove awk.`),
  tag('depends-on-libdb1-compat', 'error', C, 'The package depends on libdb1-compat, a compatibility library only for old binaries.', `${DEPS}: depend on a current Berkeley DB library.`),
  tag('depends-on-python-minimal', 'error', C, 'The package depends on python3-minimal, which only exists for the base system; use python3.', `${DEPS}: depend on python3 instead.`),
  tag('doc-package-depends-on-main-package', 'warning', C, 'A -doc package depends on the package it documents; documentation should be installable alone.', `${DEPS}: drop the dependency, or make it a Suggests.`),
  tag('package-relation-with-perl-modules', 'error', C, 'The package has a relationship with perl-modules, which only perl itself may reference.', `${DEPS}: depend on perl instead.`),
  tag('depends-exclusively-on-makedev', 'warning', C, 'The package depends only on makedev, which modern systems with udev do not need.', `${DEPS}: add \`udev | makedev\` instead.`),
  tag('lib-recommends-documentation', 'warning', C, 'A library package recommends documentation, which would be installed with every program using it.', 'Move the -doc package from `recommends:` to `suggests:` in debship.yaml.'),
  tag('binary-package-depends-on-toolchain-package', 'warning', C, 'The package depends on a build tool (debhelper, cdbs) at run time.', `${DEPS}: remove build tools; they belong to the build, not to the package.`),
  tag('depends-on-specific-java-doc-package', 'warning', C, 'The package depends on one JDK\'s documentation instead of default-jdk-doc.', `${DEPS}: use default-jdk-doc.`),
  tag('depends-on-obsolete-package', 'error', C, 'The package depends on a package that no longer exists (the finding names its replacement when there is one).', `${DEPS}: depend on the replacement.`),
  tag('ored-depends-on-obsolete-package', 'info', C, 'An alternative of a dependency is a package that no longer exists.', `${DEPS}: replace or drop that alternative.`),
  tag('needless-dependency-on-jre', 'warning', C, 'A Java library depends on a Java runtime; applications using it bring their own.', `${DEPS}: drop the runtime dependency.`),
  tag('package-depends-on-multiple-libstdc-versions', 'error', C, 'The package depends on several versions of the C++ standard library.', `${DEPS}: keep only the version the binaries are linked against.`),
  tag('package-depends-on-multiple-tcl-versions', 'error', C, 'The package depends on several versions of Tcl.', `${DEPS}: keep one Tcl version.`),
  tag('package-depends-on-multiple-tclx-versions', 'error', C, 'The package depends on several versions of TclX.', `${DEPS}: keep one TclX version.`),
  tag('package-depends-on-multiple-tk-versions', 'error', C, 'The package depends on several versions of Tk.', `${DEPS}: keep one Tk version.`),
  tag('package-depends-on-multiple-libpng-versions', 'error', C, 'The package depends on several versions of libpng.', `${DEPS}: keep the version the binaries are linked against.`),
  tag('conflicts-with-dependency', 'error', C, 'The package conflicts with (or breaks) a package it depends on, so it can never be installed.', 'Remove the package from either `depends:`/`recommends:`/`suggests:` or `conflicts:`/deb.breaks in debship.yaml.'),
  tag('default-mta-dependency-not-listed-first', 'warning', C, 'A mail transport agent dependency lists default-mta after another alternative.', `${DEPS}: write \`default-mta | mail-transport-agent\`.`),
  tag('default-mta-dependency-does-not-specify-mail-transport-agent', 'warning', C, 'A dependency on default-mta lacks the mail-transport-agent alternative other MTAs provide.', `${DEPS}: write \`default-mta | mail-transport-agent\`.`),
  tag('mail-transport-agent-dependency-does-not-specify-default-mta', 'warning', C, 'A dependency on mail-transport-agent lacks default-mta as first alternative.', `${DEPS}: write \`default-mta | mail-transport-agent\`.`),
];
