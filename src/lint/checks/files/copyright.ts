/**
 * /usr/share/doc/<package>/copyright: present, plain, and free of boilerplate; after the binary
 * part of lintian's debian/copyright check.
 */
import { spellingExceptions } from '../../spelling.js';
import { tagMaker } from '../../tag.js';
import type { Check, LintPackage, TagInfo } from '../../types.js';
import { copyrightTextTags, checkCopyrightText } from './copyright-text.js';
import { dependsOn, installed, type Installed } from './installed.js';
import { bytesOf, inflate, readText } from './text.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';

const CHECK = 'debian/copyright';
const t = tagMaker(CHECK);

const TAGS: TagInfo[] = [
  t('no-copyright-file', 'error', 'Every package must ship its copyright and license in /usr/share/doc/<package>/copyright.', 'add a contents entry with dst /usr/share/doc/<package>/copyright'),
  t('copyright-file-compressed', 'error', 'The copyright file must not be compressed.', 'ship it as /usr/share/doc/<package>/copyright, uncompressed'),
  t('copyright-file-is-symlink', 'error', 'The copyright file must be a regular file, not a symbolic link.', 'use a regular contents entry (type unset) for the copyright file'),
  t('usr-share-doc-symlink-points-outside-of-usr-share-doc', 'error', '/usr/share/doc/<package> may only link to another directory in /usr/share/doc.', 'ship a real /usr/share/doc/<package> directory'),
  t('usr-share-doc-symlink-without-dependency', 'error', '/usr/share/doc/<package> links to another package’s directory without depending on that package.', 'add the package the link points to to depends'),
  t('cannot-check-whether-usr-share-doc-symlink-points-to-foreign-package', 'info', 'Without the source package, lintian cannot tell whether the /usr/share/doc link stays within one source package.', 'ship a real /usr/share/doc/<package> directory'),
  ...copyrightTextTags,
];

// /usr/share/lintian/data/fields/essential
const ESSENTIAL = new Set(
  'base-files base-passwd bash bsdutils coreutils dash debianutils diffutils dpkg findutils grep gzip hostname hurd init-system-helpers libc-bin login ncurses-base ncurses-bin perl-base sed sysvinit-utils tar util-linux'.split(' '),
);

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text lintian reads: copyright.gz (gunzipped, leniently decoded) wins over copyright. */
function contentOf(index: Installed, pkg: LintPackage): string | undefined {
  const dir = `usr/share/doc/${pkg.name}/`;
  const zipped = index.resolve(`${dir}copyright.gz`);
  if (zipped) {
    const bytes = zipped.data && bytesOf(zipped.data);
    if (!bytes) return undefined;
    const text = inflate(bytes);
    // lintian reads whatever `gunzip -c` printed: nothing from damaged data
    return text ? lenient.decode(text) : '';
  }
  const plain = index.resolve(`${dir}copyright`);
  return plain?.data && readText(plain.data, { gzip: false });
}

export const copyrightCheck: Check = {
  name: CHECK,
  tags: TAGS,
  wantsContent: ({ path, size }) => size <= 1 << 20 && /^\/usr\/share\/doc\/[^/]+\/copyright(?:\.gz)?$/.test(path),
  run({ pkg, report }) {
    if (isUdeb(pkg)) return; // lintian runs this check on binary packages only
    const index = installed(pkg);
    const doc = `usr/share/doc/${pkg.name}`;
    const doclink = index.lookup(doc);
    if (doclink?.type === 'symlink') {
      if (/^(?:\.\.)?\//.test(doclink.link)) {
        report('usr-share-doc-symlink-points-outside-of-usr-share-doc', pointed(doc, doclink.link));
        return;
      }
      const other = doclink.link.replace(/\/.*/s, '');
      if (!ESSENTIAL.has(other) && !dependsOn(pkg, other)) {
        report('usr-share-doc-symlink-without-dependency', other);
        return;
      }
      // Linting a lone .deb, lintian's group holds only this package.
      if (other !== pkg.name) report('cannot-check-whether-usr-share-doc-symlink-points-to-foreign-package');
      return;
    }
    const docdir = index.lookup(`${doc}/`);
    if (!docdir) {
      report('no-copyright-file');
      return;
    }
    const zipped = index.lookup(`${doc}/copyright.gz`) ?? index.lookup(`${doc}/copyright.gz/`);
    if (zipped) report('copyright-file-compressed', pointed(zipped.name));
    const plain = index.lookup(`${doc}/copyright`) ?? index.lookup(`${doc}/copyright/`);
    if (plain?.type === 'symlink') report('copyright-file-is-symlink', pointed(plain.name));
    if (!zipped && !plain) {
      if (pkg.name !== 'perl') report('no-copyright-file'); // lintian's exception, #522827
      return;
    }
    const text = contentOf(index, pkg);
    if (text !== undefined) checkCopyrightText(text, plain?.type !== 'symlink', spellingExceptions(pkg), report);
  },
};
