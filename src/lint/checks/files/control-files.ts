/** Members of control.tar: known names, modes, owners, emptiness; after lintian's control-files. */
import { tagMaker } from '../../tag.js';
import type { Check, TagInfo } from '../../types.js';
import { octal } from './installed.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';

const CHECK = 'control-files';

// /usr/share/lintian/data/control-files/deb-permissions and udeb-permissions
const DEB_PERMISSIONS = new Map<string, number>([
  ['clilibs', 0o644],
  ['config', 0o755],
  ['control', 0o644],
  ['conffiles', 0o644],
  ['md5sums', 0o644],
  ['postinst', 0o755],
  ['preinst', 0o755],
  ['postrm', 0o755],
  ['prerm', 0o755],
  ['shlibs', 0o644],
  ['symbols', 0o644],
  ['templates', 0o644],
  ['triggers', 0o644],
]);
const UDEB_PERMISSIONS = new Map<string, number>([
  ['config', 0o755],
  ['control', 0o644],
  ['isinstallable', 0o755],
  ['menutest', 0o755],
  ['postinst', 0o755],
  ['shlibs', 0o644],
  ['symbols', 0o644],
  ['templates', 0o644],
]);

const t = tagMaker(CHECK);
const TAGS: TagInfo[] = [
  t('not-allowed-control-file', 'error', 'The control member is only valid in the other package type (deb vs udeb).', 'remove the member from the package'),
  t('unknown-control-file', 'warning', 'dpkg does not know this control member; it is ignored.', 'remove it, or ship it as a regular file under /usr/share/<package>'),
  t('control-file-is-empty', 'warning', 'An empty control member serves no purpose and may confuse tools.', 'remove the empty script or file from the scripts section'),
  t('control-file-has-bad-permissions', 'error', 'Maintainer scripts must be 0755 and other control members 0644.', 'rebuild with debship, which writes control members with the right modes'),
  t('control-file-has-bad-owner', 'error', 'Control members must be owned by root/root.', 'rebuild with debship, which writes control members as root/root'),
];

export const controlFilesCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    const udeb = isUdeb(pkg);
    const [known, other] = udeb ? [UDEB_PERMISSIONS, DEB_PERMISSIONS] : [DEB_PERMISSIONS, UDEB_PERMISSIONS];
    for (const member of pkg.controlMembers.values()) {
      const name = member.name.replace(/^(?:\.\/)+/, '');
      const expected = known.get(name);
      if (expected === undefined) {
        report(other.has(name) ? 'not-allowed-control-file' : 'unknown-control-file', pointed(name));
        continue;
      }
      if (member.size === 0 && name !== 'md5sums') report('control-file-is-empty', pointed(name));
      if (name === 'control') continue;
      const perm = member.mode & 0o7777;
      if (perm !== expected) report('control-file-has-bad-permissions', pointed(name, `${octal(perm)} != ${octal(expected)}`));
      const identity = `${member.owner || member.uid}/${member.group || member.gid}`;
      if (identity !== 'root/root' && identity !== '0/0') report('control-file-has-bad-owner', pointed(name, identity, '!= root/root (or 0/0)'));
    }
  },
};
