/** Conffiles, md5sums, copyright and changelog presence and form, the control members' modes and owners. */
import { constants, gzipSync } from 'node:zlib';
import { GZIP_MTIME, type Recipe } from '../recipe.js';
import { script } from './helpers.js';

const conf = (pkg: string, ...names: string[]) => names.map((n) => ({ path: `/etc/${pkg}/${n}`, content: 'key = value\n' }));

function timestampedGzip(text: string): Buffer {
  const buf = gzipSync(Buffer.from(text), { level: constants.Z_BEST_COMPRESSION });
  buf.writeUInt32LE(GZIP_MTIME, 4);
  return buf;
}

export const packageDataRecipes: Recipe[] = [
  { name: 'conffile-ok', about: 'a conffile in /etc, correctly marked (control)', files: conf('conffile-ok', 'a.conf'), tags: [] },
  {
    name: 'conffiles-broken',
    about: 'an /etc file not marked, a conffile outside /etc, one listed twice, one relative, one not shipped',
    files: conf('conffiles-broken', 'unmarked.conf', 'twice.conf', 'relative.conf'),
    conffiles: [
      '/usr/share/conffiles-broken/data.json', '/etc/conffiles-broken/twice.conf', '/etc/conffiles-broken/twice.conf',
      'etc/conffiles-broken/relative.conf', '/etc/conffiles-broken/absent.conf', '',
    ].join('\n'),
    nocheck: true,
    tags: ['file-in-etc-not-marked-as-conffile', 'non-etc-file-marked-as-conffile', 'file-in-usr-marked-as-conffile', 'duplicate-conffile', 'relative-conffile', 'missing-conffile'],
  },
  {
    name: 'conffile-odd',
    about: 'conffiles naming a symbolic link, an rc.d link, an unknown flag and a shipped remove-on-upgrade file',
    files: [
      { path: '/etc/conffile-odd/link.conf', symlink: 'a.conf' },
      { path: '/etc/rc2.d/S01corpus', content: '#!/bin/sh\n', mode: 0o755 },
      ...conf('conffile-odd', 'a.conf', 'b.conf'),
    ],
    conffiles: '/etc/conffile-odd/link.conf\n/etc/rc2.d/S01corpus\nfrobnicate /etc/conffile-odd/a.conf\nremove-on-upgrade /etc/conffile-odd/b.conf\n',
    nocheck: true,
    tags: ['conffile-has-bad-file-type', 'file-in-etc-rc.d-marked-as-conffile', 'package-installs-into-etc-rc.d', 'unexpected-conffile', 'unknown-conffile-instruction'],
  },
  { name: 'md5-no-member', about: 'no md5sums member', md5sums: false, tags: ['no-md5sums-control-file'] },
  {
    name: 'md5-wrong',
    about: 'md5sums missing a file, naming an absent one, with a wrong sum and a line that does not parse',
    files: [{ path: '/usr/share/md5-wrong/unlisted.json', content: '{}\n' }],
    md5sums: (lines) => [
      ...lines.filter((l) => !l.endsWith('unlisted.json')).map((l) => (l.endsWith('data.json') ? `${'f'.repeat(32)}  ${l.slice(34)}` : l)),
      `${'0'.repeat(32)}  usr/share/md5-wrong/gone.json`,
      'not a checksum line',
    ],
    tags: ['file-missing-in-md5sums', 'md5sums-lists-nonexistent-file', 'md5sum-mismatch', 'malformed-md5sums-control-file'],
  },
  { name: 'copyright-missing', about: 'no copyright file', copyright: false, tags: ['no-copyright-file'] },
  {
    name: 'copyright-no-notice',
    about: 'a copyright file without a copyright notice, naming common-licenses without its directory',
    copyright: 'This package may be used under the terms in common-licenses/Apache-2.0.\n',
    tags: ['copyright-does-not-refer-to-common-license-file', 'copyright-not-using-common-license-for-apache2', 'copyright-without-copyright-notice'],
  },
  { name: 'changelog-missing', about: 'no changelog', changelog: 'missing', tags: ['no-changelog'] },
  { name: 'changelog-gzip-1', about: 'a changelog compressed at gzip level 1', changelog: 'gzip-1', tags: ['changelog-not-compressed-with-max-compression'] },
  {
    name: 'changelog-timestamped',
    about: 'a changelog and another gzip file with an mtime in their headers',
    changelog: 'timestamped',
    files: [{ path: '/usr/share/changelog-timestamped/table.json.gz', content: timestampedGzip('{"corpus": true}\n') }],
    tags: ['package-contains-timestamped-gzip'],
  },
  { name: 'changelog-plain', about: 'an uncompressed changelog', changelog: 'plain', tags: ['changelog-file-not-compressed'] },
  { name: 'changelog-symlink', about: 'the changelog as a symbolic link', changelog: 'symlink', tags: ['debian-changelog-file-is-a-symlink'] },
  { name: 'changelog-native', about: 'a native version with changelog.gz (control)', fields: { Version: '1.0' }, tags: [] },
  {
    name: 'ctrl-bad-modes',
    about: 'a maintainer script without execute permission, an executable conffiles member',
    files: conf('ctrl-bad-modes', 'a.conf'),
    control: { postinst: script('echo configured', { mode: 0o644 }), conffiles: { text: '/etc/ctrl-bad-modes/a.conf\n', mode: 0o755 } },
    nocheck: true,
    tags: ['control-file-has-bad-permissions'],
  },
  {
    name: 'ctrl-script-owner',
    about: 'a maintainer script not owned by root',
    control: { postinst: script('echo configured', { uid: 4321, gid: 4321 }) },
    tags: ['control-file-has-bad-owner'],
  },
  {
    name: 'ctrl-empty',
    about: 'an empty triggers member and an empty maintainer script',
    control: { triggers: '', postinst: { text: '' } },
    nocheck: true,
    tags: ['control-file-is-empty', 'script-without-interpreter'],
  },
  {
    name: 'ctrl-unknown-members',
    about: 'control members dpkg does not know, and one only udebs may have',
    control: { README: 'corpus\n', menutest: { text: '#!/bin/sh\nexit 0\n', mode: 0o755 } },
    tags: ['not-allowed-control-file', 'unknown-control-file'],
  },
];
