/**
 * Files in places the FHS and Debian policy reserve for the administrator or for other uses;
 * mirrors lintian's files/hierarchy/standard, branch order included (only the first matching
 * branch of the chain tags a path).
 */
import { tagMaker } from '../../tag.js';
import type { Check, LintPackage, TagInfo } from '../../types.js';
import { installed, type Item } from './installed.js';
import { isUdeb, sourceName } from '../../package-identity.js';

const CHECK = 'files/hierarchy/standard';
const MOVE = 'move the contents entry (its dst) under /usr/lib/<package>, /usr/share/<package> or /var/lib/<package>';

const declare = tagMaker(CHECK);
const tag = (name: string, severity: TagInfo['severity'], explanation: string, fix = MOVE): TagInfo => declare(name, severity, explanation, fix);

const TAGS: TagInfo[] = [
  tag('dir-or-file-in-etc-opt', 'error', '/etc/opt belongs to add-on software installed outside the package system.'),
  tag('dir-in-usr-local', 'error', '/usr/local is for the local administrator; packages must not install directories there.', 'drop the contents entry under /usr/local; create the directory from postinst if the program needs it'),
  tag('file-in-usr-local', 'error', '/usr/local is for the local administrator; packages must not install files there.'),
  tag('file-directly-in-usr-share', 'error', 'Files belong in a package-specific subdirectory of /usr/share, not directly in it.', 'set the dst to /usr/share/<package>/<file>'),
  tag('subdir-in-usr-bin', 'error', '/usr/bin holds programs only; subdirectories are not allowed.', 'put helper programs under /usr/lib/<package>/'),
  tag('FSSTND-dir-in-usr', 'error', 'The directory is an obsolete FSSTND location under /usr.'),
  tag('non-multi-arch-lib-dir', 'warning', 'lib64, lib32 and libx32 are not used in Debian; use the multiarch directory.', 'install libraries under /usr/lib/<triplet>/'),
  tag('non-standard-dir-in-usr', 'warning', 'The directory under /usr is not one the FHS defines.'),
  tag('FSSTND-dir-in-var', 'error', 'The directory is an obsolete FSSTND location under /var.'),
  tag('non-standard-dir-in-var', 'error', 'The directory under /var is not one the FHS defines.', 'use /var/lib/<package>, /var/cache/<package> or /var/log/<package>'),
  tag('dir-or-file-in-var-lock', 'error', '/var/lock is a tmpfs emptied at boot; anything shipped there disappears.', 'create it at runtime (systemd RuntimeDirectory= or tmpfiles.d)'),
  tag('dir-or-file-in-var-run', 'error', '/var/run is a tmpfs emptied at boot; anything shipped there disappears.', 'create it at runtime (systemd RuntimeDirectory= or tmpfiles.d)'),
  tag('dir-or-file-in-run', 'error', '/run is a tmpfs emptied at boot; anything shipped there disappears.', 'create it at runtime (systemd RuntimeDirectory= or tmpfiles.d)'),
  tag('dir-or-file-in-var-www', 'error', '/var/www belongs to the administrator; packages must not install content there.', 'install under /usr/share/<package> and let the web server configuration point there'),
  tag('dir-or-file-in-opt', 'error', '/opt is reserved for add-on software installed outside the package system.'),
  tag('dir-or-file-in-home', 'error', 'Packages must not install into home directories (/home, /root).', 'drop the contents entry; create per-user files at runtime'),
  tag('dir-or-file-in-tmp', 'error', 'Temporary directories are cleaned at boot and must not carry package files.', 'drop the contents entry; create temporary files at runtime'),
  tag('dir-or-file-in-mnt', 'error', '/mnt is for the administrator to mount file systems temporarily.', 'drop the contents entry under /mnt'),
  tag('subdir-in-bin', 'error', '/bin holds programs only; subdirectories are not allowed.', 'put helper programs under /usr/lib/<package>/'),
  tag('dir-or-file-in-srv', 'error', '/srv belongs to the administrator, whose site layout packages must not presume.', 'install defaults under /usr/share/<package> and let the administrator configure /srv'),
  tag('non-standard-toplevel-dir', 'error', 'The package creates a directory at the root of the file system that the FHS does not define.'),
  tag('use-of-compat-symlink', 'error', 'The path goes through a compatibility symlink (/usr/tmp, /usr/spool, /usr/bin/X11, /var/adm …) instead of the real directory.', 'use the directory the compatibility link points to'),
  tag('file-in-unusual-dir', 'warning', 'The file is outside the directories where packages normally install files.'),
];

const TOP_LEVEL_OK = /^(?:bin|boot|dev|etc|home|lib|mnt|opt|root|run|sbin|srv|sys|tmp|usr|var)\//;
const USR_OK = /^usr\/(?:X11R6|X386|bin|games|include|lib|local|sbin|share|src|spool|tmp)\//;
const VAR_OK = /^var\/(?:account|lib|cache|crash|games|lock|log|opt|run|spool|state|tmp|www|yp)\//;
const COMPAT = /^usr\/(?:spool|tmp)\/|^usr\/(?:doc|bin)\/X11\/|^var\/adm\//;
// lintian's list of usual places for files, joined into one pattern
const USUAL = new RegExp(
  [
    /^usr\/(?:bin|dict|doc|games|include|info|lib(?:x?32|64)?|man|sbin|share|src|X11R6)\//,
    /^lib(?:x?32|64)?\/(?:modules\/|libc5-compat\/)?/,
    /^var\/(?:games|lib|www|named)\//,
    /^(?:bin|boot|dev|etc|sbin)\//,
    /^usr\/[^/]+-linux[^/]*\//,
    /^usr\/libexec\//,
    /^usr\/iraf\//,
    // not allowed, but tagged on their own (lintian leaves `var/www/` unanchored)
    /^(?:build|home|mnt|opt|root|run|srv|(?:(?:usr|var)\/)?tmp)|var\/www\//,
  ]
    .map((r) => r.source)
    .join('|'),
);

const isTmp = (name: string): boolean => /^tmp\/.|^(?:var|usr)\/tmp\/.|^\/dev\/shm\//.test(name);

// glibc may use lib64 and friends, and so may packages named after them (lib64z1 …)
const libSuffixOk = (pkg: LintPackage, suffix: string): boolean => /^e?glibc$/.test(sourceName(pkg)) || pkg.name.startsWith(`lib${suffix}`);

function visit(item: Item, pkg: LintPackage, udeb: boolean, hint: (tag: string, context: string) => void): void {
  const report = (tag: string) => hint(tag, `[${item.name}]`);
  const n = item.name;
  const dir = item.type === 'dir';
  let m: RegExpExecArray | null;
  if (/^etc\/opt\/./.test(n)) report('dir-or-file-in-etc-opt');
  else if (/^usr\/local\/\S+/.test(n)) report(dir ? 'dir-in-usr-local' : 'file-in-usr-local');
  else if (/^usr\/share\/[^/]+$/.test(n)) {
    if (item.type === 'file' || item.type === 'hardlink') report('file-directly-in-usr-share');
  } else if (n.startsWith('usr/bin/')) {
    if (dir && /^usr\/bin\/./.test(n) && !/^usr\/bin\/(?:X11|mh)\//.test(n)) report('subdir-in-usr-bin');
  } else if (!udeb && /^usr\/[^/]+\/$/.test(n)) {
    if (/^usr\/(?:dict|doc|etc|info|man|adm|preserve)\//.test(n)) report('FSSTND-dir-in-usr');
    else if (!USR_OK.test(n)) {
      if ((m = /^usr\/lib(64|x?32)\//.exec(n))) {
        if (!libSuffixOk(pkg, m[1]!)) report('non-multi-arch-lib-dir');
      } else if (!n.startsWith('usr/libexec/')) report('non-standard-dir-in-usr');
    }
  } else if (!udeb && /^var\/[^/]+\/$/.test(n)) {
    if (/^var\/(?:adm|catman|named|nis|preserve)\//.test(n)) report('FSSTND-dir-in-var');
    else if (pkg.name === 'base-files' && /^var\/(?:backups|local)\//.test(n)) {
      /* base-files sets these up */
    } else if (!VAR_OK.test(n)) report('non-standard-dir-in-var');
  } else if (!udeb && /^var\/lib\/games\/./.test(n)) report('non-standard-dir-in-var');
  else if (!udeb && /^var\/lock\/./.test(n)) report('dir-or-file-in-var-lock');
  else if (!udeb && /^var\/run\/./.test(n)) report('dir-or-file-in-var-run');
  else if (!udeb && /^run\/./.test(n)) report('dir-or-file-in-run');
  else if (/^var\/www\/\S+/.test(n)) report('dir-or-file-in-var-www');
  else if (/^opt\/./.test(n)) report('dir-or-file-in-opt');
  else if (n.startsWith('hurd/') || n.startsWith('servers/')) return;
  else if (/^(?:home|root)\/./.test(n)) report('dir-or-file-in-home');
  else if (isTmp(n)) report('dir-or-file-in-tmp');
  else if (/^mnt\/./.test(n)) report('dir-or-file-in-mnt');
  else if (n.startsWith('bin/')) {
    if (dir && /^bin\/./.test(n)) report('subdir-in-bin');
  } else if (/^srv\/./.test(n)) report('dir-or-file-in-srv');
  else if (/^[^/]+\/$/.test(n) && !TOP_LEVEL_OK.test(n)) {
    if ((m = /^lib(64|x?32)\//.exec(n))) {
      if (!libSuffixOk(pkg, m[1]!)) report('non-multi-arch-lib-dir');
    } else if (!['base-files', 'hurd', 'hurd-udeb'].includes(pkg.name) && !/^rootskel(?:-bootfloppy)?/.test(pkg.name)) {
      report('non-standard-toplevel-dir');
    }
  }

  if (COMPAT.test(n)) report('use-of-compat-symlink');
  if (!dir && !udeb && !USUAL.test(n)) report('file-in-unusual-dir');
}

export const hierarchyCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    const udeb = isUdeb(pkg);
    for (const item of installed(pkg).items) visit(item, pkg, udeb, report);
  },
};
