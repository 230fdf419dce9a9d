/**
 * lintian's fields/package-relations for binary packages: the syntax of Depends, Pre-Depends,
 * Recommends, Suggests, Conflicts, Provides, Enhances, Replaces and Breaks, and dependencies that
 * are pointless or wrong (on essential packages without a version, on itself, on obsolete or
 * virtual-only packages…), with lintian's exact contexts.
 */
import { debhelperAddonPackages, essentialPackages, metapackages, obsoletePackages, toolchainPackages, virtualPackages } from '../../data/index.js';
import type { Check, LintPackage } from '../../types.js';
import { isValidVersion } from '../../dpkg-version.js';
import { RELATION_TAGS } from './package-relations-tags.js';
import { FieldRelation } from '../../relation.js';
import { declares, isMetaPackage, isTransitional, unfolded, value } from './values.js';
import { execAfterSpace, findBracketed, perlFields, perlTruthy, removeBracketed, splitAround } from '../../linear-text.js';
import { sourceName } from '../../package-identity.js';

const FIELDS = ['Depends', 'Pre-Depends', 'Recommends', 'Suggests', 'Conflicts', 'Provides', 'Enhances', 'Replaces', 'Breaks'];
const DEP_FIELDS = ['Depends', 'Pre-Depends', 'Recommends', 'Suggests'];

const OBSOLETE_EMACS = new Set(['21', '22', '23'].flatMap((v) => ['', '-el', '-gtk', '-nox', '-lucid'].map((f) => `emacs${v}${f}`)));
const LIBSTDC = new Set(['libstdc++2.9-glibc2.1', 'libstdc++2.10', 'libstdc++2.10-glibc2.2', 'libstdc++3', 'libstdc++3.0', 'libstdc++4', 'libstdc++5', 'libstdc++6', 'lib64stdc++6']);
const MULTIPLE: Array<[string, Set<string>]> = [
  ['package-depends-on-multiple-libstdc-versions', LIBSTDC],
  ['package-depends-on-multiple-tcl-versions', new Set(['tcl74', 'tcl8.0', 'tcl8.2', 'tcl8.3', 'tcl8.4', 'tcl8.5'])],
  ['package-depends-on-multiple-tclx-versions', new Set(['tclx76', 'tclx8.0.4', 'tclx8.2', 'tclx8.3', 'tclx8.4'])],
  ['package-depends-on-multiple-tk-versions', new Set(['tk40', 'tk8.0', 'tk8.2', 'tk8.3', 'tk8.4', 'tk8.5'])],
  ['package-depends-on-multiple-libpng-versions', new Set(['libpng12-0', 'libpng2', 'libpng3'])],
];
const JAVA = [
  /default-j(?:re|dk)(?:-headless)?/, /java\d*-runtime(?:-headless)?/, /(openjdk-|sun-java)\d+-j(?:re|dk)(?:-headless)?/, /gcj-(?:\d+\.\d+-)?jre(?:-headless)?/,
  /gcj-(?:\d+\.\d+-)?jdk/, /gij/, /java-gcj-compat(?:-dev|-headless)?/, /kaffe/, /cacao/, /jamvm/, /classpath/,
];

interface Part {
  pkg: string;
  march: string;
  op: string;
  version: string;
  rest: string;
  orig: string;
}

type Report = (tag: string, context?: string) => void;

const VIVIFIED: Part = { pkg: '', march: '', op: '', version: '', rest: '', orig: '' };

export const packageRelationsCheck: Check = {
  name: 'fields/package-relations',
  tags: RELATION_TAGS,
  run({ pkg, report }) {
    const replaces = new FieldRelation(value(pkg, 'Replaces'));
    const once = new Set<string>();
    for (const field of FIELDS) {
      if (!declares(pkg, field)) continue;
      const data = unfolded(pkg, field);
      const isDep = DEP_FIELDS.includes(field);
      if (data.includes('|') && !isDep) report('alternates-not-allowed', field);
      if (isDep) checkMta(field, data, report);
      const seenFirst: string[] = [];
      let javaDeps = 0;
      for (const dep of perlSplit(data, ',')) {
        const split = perlSplit(dep, '|').map(splitDep);
        // An empty entry (", foo") has no alternatives, but lintian's first look at one creates an
        // empty one, which then only fails the package-name syntax.
        const alternatives = split.length ? split : [VIVIFIED];
        const first = split[0]?.pkg;
        if (isDep && first !== undefined) seenFirst.push(first);
        if (
          first !== undefined &&
          virtualPackages().has(first) &&
          (field === 'Depends' || field === 'Pre-Depends') &&
          !(pkg.name === 'base-files' && first === 'awk') &&
          !/^phpapi-/.test(first)
        ) {
          report('virtual-package-depends-without-real-package-depends', `${field}: ${first}`);
        }
        if (isDep && first !== undefined && OBSOLETE_EMACS.has(first)) report('depends-on-old-emacs', `${field}: ${first}`);
        const obsolete: Part[] = [];
        for (const part of alternatives) {
          if (part === VIVIFIED) {
            report('bad-provided-package-name', '');
            continue;
          }
          checkPart(pkg, field, isDep, part, alternatives.length, replaces, report);
          if (isDep && obsoletePackages().has(part.pkg)) obsolete.push(part);
          if (/^lib.*-java$/.test(pkg.name) && field === 'Depends' && JAVA.some((re) => re.test(part.pkg))) javaDeps++;
        }
        for (const part of obsolete) {
          const replacement = obsoletePackages().get(part.pkg);
          const note = `${field}: ${part.orig}${replacement ? ` => ${replacement}` : ''}`;
          report(part.pkg === first || obsolete.length === alternatives.length ? 'depends-on-obsolete-package' : 'ored-depends-on-obsolete-package', note);
        }
        // As in lintian, also true for an empty alternative list (javaDeps 0).
        if (alternatives.length === javaDeps && !once.has('jre')) {
          once.add('jre');
          report('needless-dependency-on-jre');
        }
      }
      for (const [tag, names] of MULTIPLE) {
        const seen = seenFirst.filter((n) => names.has(n));
        if (seen.length > 1) report(tag, seen.join(' '));
      }
    }
    for (const conflict of ['Conflicts', 'Breaks']) {
      if (!declares(pkg, conflict)) continue;
      for (const field of DEP_FIELDS) {
        if (!declares(pkg, field)) continue;
        const relation = new FieldRelation(value(pkg, field));
        for (const p of perlSplit(value(pkg, conflict), ',')) if (relation.satisfies(p)) report('conflicts-with-dependency', `${field} ${p}`);
      }
    }
  },
};

function checkPart(pkg: LintPackage, field: string, isDep: boolean, d: Part, alternatives: number, replaces: FieldRelation, report: Report): void {
  const name = pkg.name;
  const plain = !isTransitional(pkg) && !isMetaPackage(pkg);
  const strong = field === 'Depends' || field === 'Pre-Depends';
  if (field === 'Provides' && d.op && d.op !== '=') report('invalid-versioned-provides', d.orig);
  if (!/^[a-z0-9][-+.a-z0-9]+$/.test(d.pkg)) report('bad-provided-package-name', d.pkg);
  if (field === 'Breaks' && !d.op && !virtualPackages().has(d.pkg) && !replaces.satisfies(d.orig)) report('breaks-without-version', d.orig);
  if (field === 'Conflicts' && d.op) report('conflicts-with-version', d.orig);
  if (d.op === '<' || d.op === '>') report('obsolete-relation-form', `${field}: ${d.orig}`);
  if (d.op && !isValidVersion(d.version)) report('bad-version-in-relation', `${field}: ${d.orig}`);
  if (name === d.pkg && !d.march && !['Conflicts', 'Replaces', 'Provides'].includes(field)) report('package-relation-with-self', `${field}: ${d.orig}`);
  // Perl truth: a leftover "0" does not count.
  if (perlTruthy(d.rest)) report('bad-relation', `${field}: ${d.orig}`);
  if (isDep && metapackages().has(d.pkg) && !metapackages().has(name) && plain) report('depends-on-metapackage', `${field}: ${d.orig}`);
  // diffutils was once diff, so an unversioned dependency on it means something; dash is special too.
  if (isDep && essentialPackages().has(d.pkg) && !d.op && d.pkg !== 'diffutils' && d.pkg !== 'dash') {
    report('depends-on-essential-package-without-using-version', `${field}: ${d.orig}`);
  }
  if (strong && /^xfont/.test(d.pkg) && d.pkg !== 'xfonts-utils' && d.pkg !== 'xfonts-encodings') report('package-depends-on-an-x-font-package', `${field}: ${d.orig}`);
  if ((strong || field === 'Recommends') && d.pkg === 'packaging-dev' && plain) report('depends-on-packaging-dev', field);
  if ((field === 'Recommends' || field === 'Suggests') && /libservlet[\d.]+-java/.test(d.pkg)) report('needless-suggest-recommend-libservlet-java', d.pkg);
  if (d.pkg === 'awk' && !d.op && isDep && name !== 'base-files') report('needlessly-depends-on-awk', field);
  if (d.pkg === 'libdb1-compat' && !/^libc(?:6|6.1|0.3)/.test(name) && strong) report('depends-on-libdb1-compat', field);
  if (/^python[\d.]*-minimal$/.test(d.pkg) && isDep && !/^python[\d.]*-minimal$/.test(name)) report('depends-on-python-minimal', field);
  if (`${d.pkg}-doc` === name && strong) report('doc-package-depends-on-main-package', field);
  if (/^perl-modules/.test(d.pkg) && field !== 'Replaces' && sourceName(pkg) !== 'perl') report('package-relation-with-perl-modules', `${field}: ${d.pkg}`);
  if (field === 'Depends' && d.pkg === 'makedev' && alternatives === 1) report('depends-exclusively-on-makedev', field);
  if (field === 'Recommends' && /^lib/.test(name) && !/-(?:dev|docs?|tools|bin)$/.test(name) && /-docs?$/.test(d.orig)) report('lib-recommends-documentation', `${field}: ${d.orig}`);
  if (toolchainPackages().has(d.pkg) && isDep && !/^dh-/.test(name) && !/-(?:source|src)$/.test(name) && plain && !debhelperAddonPackages().has(name)) {
    report('binary-package-depends-on-toolchain-package', `${field}: ${d.orig}`);
  }
  if (isDep && name !== 'default-jdk-doc' && (d.pkg === 'classpath-doc' || /openjdk-\d+-doc/.test(d.pkg))) report('depends-on-specific-java-doc-package', field);
}

/** The mail-transport-agent conventions (check_field in lintian). */
function checkMta(field: string, data: string, report: Report): void {
  const relation = new FieldRelation(data);
  if (relation.clauseTexts().some((c) => /\|\s+default-mta/.test(c))) report('default-mta-dependency-not-listed-first', `${field}: ${data}`);
  const defaultMta = relation.hasName('default-mta');
  const mta = relation.hasName('mail-transport-agent');
  if (defaultMta && !mta) report('default-mta-dependency-does-not-specify-mail-transport-agent', `${field}: ${data}`);
  else if (mta && !defaultMta) report('mail-transport-agent-dependency-does-not-specify-default-mta', `${field}: ${data}`);
}

/** lintian's _split_dep: name[:arch], an optional (op version), and whatever is left over. */
function splitDep(orig: string): Part {
  let dep = orig;
  let pkg = '';
  let march = '';
  let op = '';
  let version = '';
  const name = /^\s*([^<\s[(]+)\s*/.exec(dep);
  if (name) {
    dep = dep.slice(name[0].length);
    const colon = name[1]!.indexOf(':');
    pkg = colon < 0 ? name[1]! : name[1]!.slice(0, colon);
    march = colon < 0 ? '' : name[1]!.slice(colon + 1);
  }
  if (dep.length) {
    const v = execAfterSpace(/\(\s*(<<|<=|>=|>>|[=<>])\s*([^\s(]+)\s*\)\s*/, dep);
    if (v) {
      op = v[1]!;
      version = v[2]!;
      dep = dep.slice(0, v.index) + dep.slice(v.index + v[0].length);
    }
    // lintian: /\s*\[([^\]]+)\]\s*/ once, then /\s*<([^>]+)>\s*/ while it matches (linear-text.ts).
    const arch = perlTruthy(dep) ? findBracketed(dep, '[', ']') : undefined;
    if (arch) dep = dep.slice(0, arch.start) + dep.slice(arch.end);
    if (perlTruthy(dep)) dep = removeBracketed(dep, '<', '>');
  }
  return { pkg, march, op, version, rest: dep, orig };
}

/** Perl's split on blanks, SEP and blanks. */
const perlSplit = (text: string, sep: string): string[] => perlFields(splitAround(text, sep));

