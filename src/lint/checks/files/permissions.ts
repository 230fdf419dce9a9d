/**
 * File and directory modes, after lintian's files/permissions and files/permissions/usr-lib:
 * 0644 files, 0755 executables and directories, with lintian's exemptions (games, sudoers.d,
 * backup.d, /var/lock and /tmp, setuid programs in *-suid packages or using svgalib), and
 * executables under /usr/lib (an experimental tag, reported with -E).
 */
import { experimental, tagInfo, tagMaker } from '../../tag.js';
import type { Check, LintPackage, TagInfo } from '../../types.js';
import { dependsOn, identity, installed, isExecutable, isFile, octal, type Item } from './installed.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';
import { packageRelation, satisfies } from '../../relation.js';
import { isScript } from '../scripts/hashbang.js';

const CHECK = 'files/permissions';
const t = tagMaker(CHECK);

const TAGS: TagInfo[] = [
  t('non-standard-game-executable-perm', 'warning', 'Games owned by root:games should be setgid 2755.', 'set file_info.mode: 02755 on the contents entry'),
  t('executable-is-not-world-readable', 'warning', 'An executable without read permission for everyone breaks tools that inspect it and gains no security.', 'set file_info.mode: 0755 on the contents entry'),
  t('non-standard-setuid-executable-perm', 'warning', 'A setuid or setgid program should otherwise be 0755 (or 4754).', 'set file_info.mode: 04755 or 02755 on the contents entry'),
  t('elevated-privileges', 'warning', 'The program runs with its owner’s or group’s privileges (setuid/setgid); each one needs a justification.', 'drop the setuid/setgid bit from file_info.mode, or add a lintian override with the reason', ['setuid-binary', 'setgid-binary', 'setuid-gid-binary']),
  t('non-standard-executable-perm', 'warning', 'Executables should have mode 0755.', 'set file_info.mode: 0755 on the contents entry'),
  t('bad-permissions-for-ali-file', 'warning', 'Ada library information files must be read-only (0444).', 'set file_info.mode: 0444 on the contents entry'),
  t('bad-perm-for-file-in-etc-sudoers.d', 'error', 'sudo ignores files in /etc/sudoers.d unless they have mode 0440.', 'set file_info.mode: 0440 on the contents entry'),
  t('non-standard-file-perm', 'warning', 'Regular files should have mode 0644.', 'set file_info.mode: 0644 on the contents entry (0755 if it is a program)'),
  t('non-standard-dir-perm', 'warning', 'Directories should have mode 0755.', 'set file_info.mode: 0755 on the directory’s contents entry'),
];

const SETUID = 0o4000;
const SETGID = 0o2000;
const GAMES_PATH = /^usr\/(?:lib\/)?games\/\S+/;
const GAME_DATA_PATH = /^var\/(?:lib\/)?games\/\S+/;
const ALI = /^usr\/lib\/.*\.ali$/s;

/** lintian's toolchain/gnat/ali-read-only screen: read-only .ali files in -dev packages for gnat. */
function adaLibraryScreen(item: Item, pkg: LintPackage): boolean {
  return /^usr\/lib\/[^/]+\/ada\/adalib\/[^/]+\/[^/]+[.]ali\b/.test(item.name) && pkg.name.endsWith('-dev') && dependsOn(pkg, 'gnat');
}

type Reporter = (tag: string, ...notes: string[]) => void;

/** `mask` reports what a lintian screen hides (see Finding.masked). */
function visit(item: Item, pkg: LintPackage, libvga: Set<string>, report: Reporter, mask: Reporter): void {
  const perm = item.operm;
  const mode = octal(perm);
  if (isFile(item)) {
    const exec = isExecutable(item);
    const setuid = (perm & SETUID) !== 0;
    const setgid = (perm & SETGID) !== 0;
    if (exec && identity(item) === 'root/games' && (!setgid || (perm & 0o755) !== 0o755)) {
      report('non-standard-game-executable-perm', mode, '!=', octal(SETGID | 0o755));
      return;
    }
    if (exec && (perm & 0o444) !== 0o444) report('executable-is-not-world-readable', mode);
    if ((setuid || setgid) && (perm & ~(SETUID | SETGID)) !== 0o755 && perm !== 0o4754) report('non-standard-setuid-executable-perm', mode);
    // lintian's `/ -suid /x` ignores the spaces: any package name containing "-suid"
    if ((setuid || setgid) && pkg.name.includes('-suid')) return;
    if (setuid && !setgid && item.owner === 'root' && libvga.has(item.name)) return;
    if (setgid && !setuid && item.group === 'games' && GAMES_PATH.test(item.name)) return;
    if (setuid || setgid) {
      report('elevated-privileges', mode, identity(item));
      return;
    }
    if (exec && perm !== 0o755) {
      report('non-standard-executable-perm', mode, '!=', '0755');
      return;
    }
    if (!exec) {
      if (perm === 0o664 && identity(item) === 'root/games' && GAME_DATA_PATH.test(item.name)) return;
      if (ALI.test(item.name) && perm !== 0o444) {
        report('bad-permissions-for-ali-file');
        return;
      }
      if (perm === 0o600 && item.name.startsWith('etc/backup.d/')) return;
      if (item.name.startsWith('etc/sudoers.d/')) {
        if (perm !== 0o440) report('bad-perm-for-file-in-etc-sudoers.d', mode, '!=', '0440');
        return;
      }
      if (perm !== 0o644) (adaLibraryScreen(item, pkg) ? mask : report)('non-standard-file-perm', mode, '!=', '0644');
    }
  }
  if (item.type === 'dir') {
    const id = identity(item);
    if (perm === 0o2775 && id === 'root/games' && GAME_DATA_PATH.test(item.name)) return;
    if (perm === 0o1777 && id === 'root/root' && (/^(?:var\/)?tmp\//.test(item.name) || item.name === 'var/lock/')) return;
    if (perm === 0o2775 && id === 'root/staff' && item.name === 'var/local/') return;
    if (perm === 0o2775 && id === 'root/src' && item.name === 'usr/src/') return;
    if (perm !== 0o755) report('non-standard-dir-perm', mode, '!=', '0755');
  }
}

export const permissionsCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    const items = installed(pkg).items;
    const libvga = new Set<string>();
    for (const item of items) if (item.data?.elf?.needed.some((lib) => lib.startsWith('libvga.so.'))) libvga.add(item.name);
    for (const item of items) {
      const say = (masked: boolean): Reporter => (tag, ...notes) => report(tag, pointed(item.name, ...notes), { masked });
      visit(item, pkg, libvga, say(false), say(true));
    }
  },
};

export const usrLibExecutablesCheck: Check = {
  name: 'files/permissions/usr-lib',
  tags: [
    experimental(
      tagInfo('executable-in-usr-lib', 'pedantic', 'files/permissions/usr-lib', 'An executable file lies under /usr/lib, where the FHS puts libraries and internal binaries; Debian asks for programs a user or another package runs to be in /usr/libexec or on PATH.', 'drop the executable bit (file_info.mode: 0644) if the file is not run, or install the program under /usr/libexec/<package> or /usr/bin'),
    ),
  ],
  run({ pkg, report }) {
    // Debian's installer images are exempt (bug #959037).
    if (isUdeb(pkg)) return;
    let emacs: boolean | undefined;
    const needsEmacsenCommon = () => (emacs ??= satisfies(packageRelation(pkg, 'strong'), 'emacsen-common'));
    for (const item of installed(pkg).items) {
      if (!item.name.startsWith('usr/lib/') || !isFile(item) || !isExecutable(item)) continue;
      report('executable-in-usr-lib', pointed(item.name), { masked: usrLibScreen(item, needsEmacsenCommon) });
    }
  },
};

const ELF_MAGIC = Buffer.from('\x7fELF', 'latin1');

/**
 * lintian's screens of executable-in-usr-lib: emacsen-common's installation scripts (in packages
 * that depend on it) and CGI programs (scripts and ELF objects in /usr/lib/cgi-bin).
 */
function usrLibScreen(item: Item, needsEmacsenCommon: () => boolean): boolean {
  if (item.name.startsWith('usr/lib/emacsen-common/packages/')) return needsEmacsenCommon();
  if (!item.name.startsWith('usr/lib/cgi-bin/')) return false;
  const head = item.data?.head;
  if (!head) return false;
  // A hard link has no magic of its own for lintian's is_script, but `file` sees its content.
  const script = item.type === 'file' && isScript(head, item.size);
  return script || (head.length >= 4 && head.subarray(0, 4).equals(ELF_MAGIC));
}
