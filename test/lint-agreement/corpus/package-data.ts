/** Conffiles, md5sums, copyright and changelog, and the control members' own modes and owners. */
import type { Recipe } from '../recipe.js';
import { script } from './helpers.js';

const conf = (pkg: string, extra: Partial<Recipe> = {}): Partial<Recipe> => ({
  files: [{ path: `/etc/${pkg}/${pkg}.conf`, content: 'key = value\n' }],
  ...extra,
});

export const packageDataRecipes: Recipe[] = [
  { name: 'conffile-ok', about: 'a conffile in /etc, correctly marked (control)', ...conf('conffile-ok'), tags: [] },
  { name: 'conffile-unmarked', about: 'an /etc file not marked as conffile', ...conf('conffile-unmarked', { conffiles: '' }), tags: ['file-in-etc-not-marked-as-conffile'] },
  {
    name: 'conffile-outside-etc',
    about: 'a conffile outside /etc',
    conffiles: '/usr/share/conffile-outside-etc/data.json\n',
    tags: ['non-etc-file-marked-as-conffile', 'file-in-usr-marked-as-conffile'],
  },
  {
    name: 'conffile-duplicate',
    about: 'a conffile listed twice',
    ...conf('conffile-duplicate', { conffiles: '/etc/conffile-duplicate/conffile-duplicate.conf\n/etc/conffile-duplicate/conffile-duplicate.conf\n' }),
    tags: ['duplicate-conffile'],
  },
  {
    name: 'conffile-missing',
    about: 'a conffile that the package does not ship',
    ...conf('conffile-missing', { conffiles: '/etc/conffile-missing/conffile-missing.conf\n/etc/conffile-missing/absent.conf\n' }),
    nocheck: true,
    tags: ['missing-conffile'],
  },
  {
    name: 'conffile-relative',
    about: 'a conffile given as a relative path',
    ...conf('conffile-relative', { conffiles: 'etc/conffile-relative/conffile-relative.conf\n' }),
    nocheck: true,
    tags: ['relative-conffile'],
  },
  { name: 'md5-no-member', about: 'no md5sums member', md5sums: false, tags: ['no-md5sums-control-file'] },
  { name: 'md5-missing-entry', about: 'a file missing from md5sums', md5sums: (lines) => lines.filter((l) => !l.endsWith('data.json')), tags: ['file-missing-in-md5sums'] },
  { name: 'md5-stale', about: 'md5sums naming a file the package lacks', md5sums: (lines) => [...lines, `${'0'.repeat(32)}  usr/share/md5-stale/gone.json`], tags: ['md5sums-lists-nonexistent-file'] },
  {
    name: 'md5-mismatch',
    about: 'a wrong checksum',
    md5sums: (lines) => lines.map((l) => (l.endsWith('data.json') ? `${'f'.repeat(32)}  ${l.slice(34)}` : l)),
    tags: ['md5sum-mismatch'],
  },
  { name: 'md5-malformed', about: 'an md5sums line that does not parse', md5sums: (lines) => [...lines, 'not a checksum line'], tags: ['malformed-md5sums-control-file'] },
  { name: 'copyright-missing', about: 'no copyright file', copyright: false, tags: ['no-copyright-file'] },
  {
    name: 'copyright-no-notice',
    about: 'a copyright file without a copyright notice',
    copyright: 'This package may be used under the terms of the MIT license.\n',
    tags: ['copyright-without-copyright-notice'],
  },
  { name: 'changelog-missing', about: 'no changelog', changelog: 'missing', tags: ['no-changelog'] },
  { name: 'changelog-gzip-1', about: 'a changelog compressed at gzip level 1', changelog: 'gzip-1', tags: ['changelog-not-compressed-with-max-compression'] },
  { name: 'changelog-timestamped', about: 'a changelog whose gzip header has an mtime', changelog: 'timestamped', tags: ['package-contains-timestamped-gzip'] },
  { name: 'changelog-plain', about: 'an uncompressed changelog', changelog: 'plain', tags: ['changelog-file-not-compressed'] },
  { name: 'changelog-symlink', about: 'the changelog as a symbolic link', changelog: 'symlink', tags: ['debian-changelog-file-is-a-symlink'] },
  { name: 'changelog-native', about: 'a native version with changelog.gz (control)', fields: { Version: '1.0' }, tags: [] },
  {
    name: 'ctrl-script-644',
    about: 'a maintainer script without execute permission',
    control: { postinst: script('echo configured', { mode: 0o644 }) },
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
    name: 'ctrl-conffiles-exec',
    about: 'an executable conffiles member',
    ...conf('ctrl-conffiles-exec'),
    control: { conffiles: { text: '/etc/ctrl-conffiles-exec/ctrl-conffiles-exec.conf\n', mode: 0o755 } },
    tags: ['control-file-has-bad-permissions'],
  },
  { name: 'ctrl-empty-triggers', about: 'an empty triggers member', control: { triggers: '' }, tags: ['control-file-is-empty'] },
  { name: 'ctrl-empty-postinst', about: 'an empty maintainer script', control: { postinst: { text: '' } }, nocheck: true, tags: ['control-file-is-empty', 'script-without-interpreter'] },
];
