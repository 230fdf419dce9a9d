/**
 * lintian's checks of the descriptive fields: fields/homepage, fields/bugs, fields/origin,
 * fields/essential, fields/multi-arch, fields/package-type, fields/source, fields/built-using.
 */
import { badHomepages, essentialPackages } from '../../data/index.js';
import type { Check } from '../../types.js';
import { FieldRelation } from '../../relation.js';
import { tag } from './tag.js';
import { declares, PKGNAME, PKGVERSION, unfolded, value } from './values.js';

const H = 'fields/homepage';

export const homepageCheck: Check = {
  name: H,
  tags: [
    tag('bad-homepage', 'warning', H, 'The Homepage is not an http, https or ftp URL.', 'Set `homepage:` in debship.yaml to the project\'s https:// URL.'),
    tag('superfluous-clutter-in-homepage', 'warning', H, 'The Homepage is wrapped in `<…>` or `<URL:…>`.', 'Write the bare URL in `homepage:`.'),
    tag('homepage-field-uses-insecure-uri', 'pedantic', H, 'The Homepage uses http:// or ftp:// for a site that serves https://.', 'Use the https:// URL in `homepage:`.'),
    tag('homepage-for-bioconductor-package-not-canonical', 'info', H, 'The Homepage points at a versioned Bioconductor page rather than the package\'s canonical one.', 'Use the canonical Bioconductor URL in `homepage:`.'),
    tag('homepage-for-cpan-package-contains-version', 'warning', H, 'The Homepage points at one release on CPAN, which goes stale.', 'Use the distribution\'s unversioned page in `homepage:`.'),
    tag('homepage-for-cran-package-not-canonical', 'info', H, 'The Homepage uses a CRAN mirror path rather than the canonical URL.', 'Use https://cran.r-project.org/package=NAME in `homepage:`.'),
    tag('homepage-refers-to-filesystem-listing', 'info', H, 'The Homepage is a directory listing of release tarballs, not the project\'s page.', 'Point `homepage:` at the project\'s web page.'),
    tag('homepage-refers-to-obsolete-debian-infrastructure', 'warning', H, 'The Homepage is on alioth.debian.org, which no longer exists.', 'Point `homepage:` at the project\'s current site.'),
    tag('homepage-github-url-ends-with-dot-git', 'info', H, 'The Homepage is a GitHub clone URL ending in .git.', 'Drop .git from `homepage:`.'),
    tag('homepage-gitlab-url-ends-with-dot-git', 'info', H, 'The Homepage is a GitLab clone URL ending in .git.', 'Drop .git from `homepage:`.'),
    tag('homepage-salsa-url-ends-with-dot-git', 'info', H, 'The Homepage is a Salsa clone URL ending in .git.', 'Drop .git from `homepage:`.'),
  ],
  run({ pkg, report }) {
    if (!declares(pkg, 'Homepage')) return;
    let homepage = unfolded(pkg, 'Homepage');
    const orig = value(pkg, 'Homepage');
    if (/^<(?:UR[LI]:)?.*>$/i.test(homepage)) {
      report('superfluous-clutter-in-homepage', orig);
      homepage = homepage.slice(1, -1);
    }
    const scheme = /^\s*([a-zA-Z][a-zA-Z0-9.+-]*):/.exec(homepage)?.[1]?.toLowerCase();
    if (!scheme || !/^(?:ftp|https?|gopher)$/.test(scheme)) report('bad-homepage', orig);
    for (const [t, re] of badHomepages()) if (re.test(homepage)) report(t, orig);
  },
};

export const bugsCheck: Check = {
  name: 'fields/bugs',
  tags: [
    tag('redundant-bugs-field', 'warning', 'fields/bugs', 'Bugs points at the Debian bug tracker, which is the default anyway.', 'Remove the Bugs entry from deb.fields in debship.yaml.'),
    tag('bugs-field-does-not-refer-to-debian-infrastructure', 'warning', 'fields/bugs', 'Bugs points outside Debian, so reportbug sends reports there instead of to Debian.', 'That is intended for a third-party package; override the tag with deb.lintian_overrides if so.'),
  ],
  run({ pkg, report }) {
    if (!declares(pkg, 'Bugs')) return;
    const bugs = unfolded(pkg, 'Bugs');
    if (/^debbugs:\/\/bugs.debian.org\/?$/i.test(bugs)) report('redundant-bugs-field');
    if (!/\.debian\.org/.test(bugs) && !/-dbgsym$/.test(pkg.name)) report('bugs-field-does-not-refer-to-debian-infrastructure', bugs);
  },
};

export const originCheck: Check = {
  name: 'fields/origin',
  tags: [tag('redundant-origin-field', 'warning', 'fields/origin', 'Origin is "Debian", which is the default.', 'Remove the Origin entry from deb.fields in debship.yaml.')],
  run({ pkg, report }) {
    if (declares(pkg, 'Origin') && unfolded(pkg, 'Origin').toLowerCase() === 'debian') report('redundant-origin-field');
  },
};

export const essentialCheck: Check = {
  name: 'fields/essential',
  tags: [
    tag('unknown-essential-value', 'error', 'fields/essential', 'Essential must be "yes" or "no".', 'Remove the Essential entry from deb.fields in debship.yaml.'),
    tag('essential-no-not-needed', 'warning', 'fields/essential', 'Essential: no is the default and can be left out.', 'Remove the Essential entry from deb.fields in debship.yaml.'),
    tag('new-essential-package', 'error', 'fields/essential', 'The package declares itself essential; only a few base packages may, since essential packages can never be removed.', 'Remove Essential: yes from deb.fields in debship.yaml.'),
  ],
  run({ pkg, report }) {
    if (!declares(pkg, 'Essential')) return;
    const essential = unfolded(pkg, 'Essential');
    if (essential !== 'yes' && essential !== 'no') return report('unknown-essential-value');
    if (essential === 'no') report('essential-no-not-needed');
    if (essential === 'yes' && !essentialPackages().has(pkg.name)) report('new-essential-package');
  },
};

const MA = 'fields/multi-arch';

export const multiArchCheck: Check = {
  name: MA,
  tags: [
    tag('illegal-multi-arch-value', 'error', MA, 'An Architecture: all package cannot be Multi-Arch: same.', 'Remove Multi-Arch from deb.fields in debship.yaml, or use foreign.'),
    tag('unknown-multi-arch-value', 'error', MA, 'Multi-Arch must be no, foreign, allowed or same.', 'Fix the Multi-Arch entry in deb.fields in debship.yaml.'),
    tag('font-package-not-multi-arch-foreign', 'warning', MA, 'A font package should be Multi-Arch: foreign so packages of every architecture can use it.', 'Add `Multi-Arch: foreign` to deb.fields in debship.yaml.'),
  ],
  run({ pkg, report }) {
    if (/^x?fonts-/.test(pkg.name) && !['foreign', 'allowed'].includes(value(pkg, 'Multi-Arch') || 'no')) report('font-package-not-multi-arch-foreign');
    if (!declares(pkg, 'Multi-Arch')) return;
    const multi = unfolded(pkg, 'Multi-Arch');
    if (declares(pkg, 'Architecture')) {
      const arch = unfolded(pkg, 'Architecture');
      if (arch === 'all' && multi === 'same') report('illegal-multi-arch-value', `${arch} ${multi}`);
    }
    if (!['no', 'foreign', 'allowed', 'same'].includes(multi)) report('unknown-multi-arch-value', `${pkg.name} ${multi}`);
  },
};

export const packageTypeCheck: Check = {
  name: 'fields/package-type',
  tags: [tag('explicit-default-in-package-type', 'warning', 'fields/package-type', 'Package-Type: deb is the default and can be left out.', 'Remove Package-Type from deb.fields in debship.yaml.')],
  run({ pkg, report }) {
    if (declares(pkg, 'Package-Type') && value(pkg, 'Package-Type') === 'deb') report('explicit-default-in-package-type');
  },
};

// lintian's `^NAME\s*(?:\((?:\d+:)?(?:[-.+:a-zA-Z0-9~]+?)(?:-[.+a-zA-Z0-9~]+)?\))?\s*$`, written so V8
// does not try every split of a long run of blanks between the two \s* (linear-text.ts): the
// second \s* moves inside the optional part, and a `)` must exist before the version is read.
export const SOURCE = new RegExp(`^${PKGNAME}\\s*(?:\\((?=[^)]*\\))(?:\\d+:)?(?:[-.+:a-zA-Z0-9~]+?)(?:-[.+a-zA-Z0-9~]+)?\\)\\s*)?$`);

export const sourceCheck: Check = {
  name: 'fields/source',
  tags: [tag('source-field-malformed', 'error', 'fields/source', 'The Source field is not a source package name, optionally followed by a version in parentheses.', 'Fix the Source entry in deb.fields in debship.yaml, or remove it.')],
  run({ pkg, report }) {
    if (!declares(pkg, 'Source')) return;
    const source = unfolded(pkg, 'Source');
    if (!SOURCE.test(source)) report('source-field-malformed', source);
  },
};

const BUILT_USING = new RegExp(`^${PKGNAME} \\(= ${PKGVERSION}\\)$`);

export const builtUsingCheck: Check = {
  name: 'fields/built-using',
  tags: [
    tag('invalid-value-in-built-using-field', 'error', 'fields/built-using', 'Built-Using must list source packages with exact versions, `name (= version)`.', 'Fix the Built-Using entry in deb.fields in debship.yaml.'),
  ],
  run({ pkg, report }) {
    if (!declares(pkg, 'Built-Using')) return;
    // lintian looks at each clause as written back by Lintian::Relation and stops at the first bad one.
    for (const clause of new FieldRelation(value(pkg, 'Built-Using')).clauseTexts()) {
      if (!BUILT_USING.test(clause)) return report('invalid-value-in-built-using-field', clause);
    }
  },
};
