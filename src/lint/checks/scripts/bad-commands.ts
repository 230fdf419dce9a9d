/**
 * Commands maintainer scripts should not run: lintian 2.116's
 * /usr/share/lintian/data/scripts/maintainer-script-bad-command. lintian matches these with the
 * /x flag, so the whitespace its table has outside character classes is removed here. Rows whose
 * tag lintian marks experimental (maintainer-script-calls-service, maintainer-script-switches-dir-
 * to-symlink-unsafely) are left out: lintian does not show them by default.
 */
import { boundedPattern, type TextPattern } from '../../bounded-pattern.js';
import type { Severity, TagInfo } from '../../types.js';
import { adduserSystemLong, rmDeviceLong, startStopDaemonLong } from './long-line-forms.js';

/** lintian's $LEADING_PATTERN: the start of a command in a shell line. */
export const LEADING = `(?:(?:^|[\`&;(|{])\\s*|(?:if|then|do|while|!)\\s+|env(?:\\s+[A-Za-z0-9_]+=(?:\\S+|"[^"]*"|'[^']*'))*\\s+)`;

export interface BadCommand {
  tag: TagInfo;
  /** Checked on every script (1) or on shell scripts only (0): lintian's "in cat string" column. */
  anyScript: boolean;
  /** Skipped inside `# Automatically added by …` sections. */
  ignoreAutomatic: boolean;
  /** Packages allowed to run it. */
  packageExclude?: RegExp;
  /** Maintainer scripts it applies to (all when absent). */
  scriptInclude?: RegExp;
  /**
   * Text every line the command matches contains: a line without it is skipped without running
   * (and, on a first use, compiling) the regex. A test checks each against the regex.
   */
  literal: string;
  /** The row's expression, the whole match in group 1 (see bounded-pattern.ts for long lines). */
  command: TextPattern;
}

const row = (
  name: string,
  severity: Severity,
  anyScript: 0 | 1,
  ignoreAutomatic: 0 | 1,
  packageExclude: string,
  scriptInclude: string,
  literal: string,
  command: string,
  explanation: string,
  fix: string,
  renamedFrom?: string,
  longForm?: Parameters<typeof boundedPattern>[2],
): BadCommand => ({
  tag: { name, severity, check: 'scripts', explanation, fix, ...(renamedFrom ? { renamedFrom: [renamedFrom] } : {}) },
  anyScript: anyScript === 1,
  ignoreAutomatic: ignoreAutomatic === 1,
  ...(packageExclude ? { packageExclude: new RegExp(packageExclude) } : {}),
  ...(scriptInclude ? { scriptInclude: new RegExp(scriptInclude) } : {}),
  literal,
  command: boundedPattern(`(${command.replace('${LEADING_PATTERN}', () => LEADING)})`, '', longForm),
});

export const BAD_COMMANDS: BadCommand[] = [
  row('install-info-used-in-maintainer-script', 'error', 1, 0, '', '', 'install-info', '\\binstall-info\\b', 'A maintainer script runs install-info; dpkg triggers of install-info do that now.', 'remove the install-info call'),
  row('maintainer-script-removes-device-files', 'error', 0, 0, '', '', '/dev/', '^\\s*rm\\s+(?:[^>]*\\s)?(/dev/(?!(?:shm/|\\.[^.]+))[^/ ]+)', 'A maintainer script removes device files under /dev, which belong to the kernel and udev.', 'do not touch /dev', undefined, rmDeviceLong),
  row('maintainer-script-hides-init-failure', 'warning', 0, 0, '', '', 'invoke-rc', 'invoke-rc.d.*\\|\\|\\s+exit\\s+0', 'A maintainer script hides the failure of invoke-rc.d with `|| exit 0`, which also ends the script early.', 'handle the failure without `exit 0`', 'maintainer-script-should-not-hide-init-failure'),
  row('maintainer-script-changes-ld-so-conf', 'error', 0, 0, '^libc', '', '/etc/ld.so.conf', '(?:^\\s*(?:cp|mv)\\s+.*\\s+|>\\s*)/etc/ld\\.so\\.conf\\s*(?:\\s|$)', 'A maintainer script rewrites /etc/ld.so.conf, which belongs to the administrator.', 'ship a file in /etc/ld.so.conf.d/ instead', 'maintainer-script-should-not-modify-ld-so-conf'),
  row('maintainer-script-changes-netbase', 'error', 0, 0, '', '', '/etc/', '(?:^\\s*(?:cp|mv)\\s+.*\\s+|>\\s*)(/etc/(?:services|protocols|rpc))\\s*(?:\\s|$)', 'A maintainer script rewrites a file netbase manages.', 'ask for the entry to be added to netbase', 'maintainer-script-should-not-modify-netbase-managed-file'),
  row('maintainer-script-should-not-parse-etc-passwd-or-group', 'warning', 0, 0, '', '', 'grep', '\\b([ef]?grep\\b.*/etc/(?:passwd|group))\\b', 'A maintainer script greps /etc/passwd or /etc/group, missing users from NSS sources such as LDAP.', 'use `getent passwd NAME` / `getent group NAME`'),
  row('maintainer-script-lacks-home-in-adduser', 'error', 1, 0, '', '', 'adduser', '(adduser\\s(?:(?!.*(?<=\\s)--home\\s.*\\s--system).*(?<=\\s)--system(?=\\s)(?!.*\\s--home\\s+(?:["]?/(?!home/)|["]?\\$[\\(\\[\\{]?))|--home\\s+["]?/home/.*\\s--system(?:\\s|$)).*)', 'A system user is created with adduser without a home directory outside /home.', 'declare the user under `users:` in debship.yaml (debship creates it with a proper home), or pass `--home` to adduser', 'maintainer-script-should-not-use-adduser-system-without-home', adduserSystemLong),
  row('maintainer-script-calls-chown-improperly', 'warning', 0, 0, '', '', 'chown', '(chown(?:\\s+--?[A-Za-z-]+)*\\s+[-_A-Za-z0-9]+\\.[-_A-Za-z0-9]+)\\s+', 'A maintainer script uses the obsolete `chown user.group` form.', 'write `chown user:group`', 'maintainer-script-should-not-use-deprecated-chown-usage'),
  row('maintainer-script-should-not-use-dpkg-maintscript-helper', 'warning', 1, 1, '', '', 'dpkg-maintscript-helper', 'dpkg-maintscript-helper', 'A maintainer script calls dpkg-maintscript-helper by hand outside a generated section.', 'generate the call with the packaging tool instead'),
  row('maintainer-script-updates-fontconfig-cache-improperly', 'warning', 0, 0, '^(fontconfig)$', '', 'fc-cache', '${LEADING_PATTERN}(?:/usr/bin/)?fc-cache(?:\\s|$)', 'A maintainer script runs fc-cache; fontconfig’s triggers do that.', 'remove the fc-cache call', 'maintainer-script-should-not-use-fc-cache'),
  row('maintainer-script-calls-gconftool', 'warning', 1, 0, '^(gconf\\d)$', '', 'gconftool', '(?:/usr/bin/)?gconftool(?:-\\d)?(?:\\s|$)', 'A maintainer script runs gconftool directly.', 'ship GConf schemas and let gconf2 register them', 'maintainer-script-should-not-use-gconftool'),
  row('maintainer-script-calls-install-sgmlcatalog', 'error', 1, 0, '', '', 'install-sgmlcatalog', '\\binstall-sgmlcatalog\\b', 'A maintainer script runs the obsolete install-sgmlcatalog.', 'use update-catalog', 'maintainer-script-should-not-use-install-sgmlcatalog'),
  row('recursive-privilege-change', 'warning', 1, 0, '', '', 'ch', '\\b(?:(?:chmod|chown).*(?:-R|--recursive)|find.*exec.*(?:chmod|chown))\\b', 'A maintainer script changes ownership or modes recursively, which can follow links planted by a local user.', 'give files their owner and mode in `contents` (`file_info`), or change single paths', 'maintainer-script-should-not-use-recursive-chown-or-chmod'),
  row('maintainer-script-should-not-use-piuparts-variable', 'warning', 0, 0, '', '', 'PIUPARTS_', '(PIUPARTS_(?:TEST|OBJECTS|PHASE|DISTRIBUTION(?:_PREV|_NEXT)?))\\b', 'A maintainer script behaves differently under piuparts.', 'remove the PIUPARTS_ variable test'),
  row('maintainer-script-calls-start-stop-daemon', 'warning', 0, 0, '', '', 'start-stop-daemon', '\\bstart-stop-daemon(?=\\s)(?!.*\\s--stop\\b)', 'A maintainer script starts a daemon with start-stop-daemon instead of through its init system.', 'let debship handle the unit (`systemd:` with `start: true`)', 'maintainer-script-should-not-use-start-stop-daemon', startStopDaemonLong),
  row('postrm-removes-alternative', 'warning', 1, 0, '', '^postrm$', 'update-alternatives', '\\bupdate\\-alternatives\\s+\\-\\-remove\\b', 'postrm removes an alternative; by then the file is gone and prerm is the place.', 'run `update-alternatives --remove` in prerm', 'maintainer-script-should-not-use-update-alternatives-remove'),
  row('maintainer-script-sets-alternative-improperly', 'warning', 1, 0, '', '', 'update-alternatives', '^(?!\\s*echo\\s+["\'][^\'"]*)\\bupdate\\-alternatives\\s+\\-\\-(?:set|set\\-selections|config)\\b', 'A maintainer script overrides the administrator’s choice of alternative.', 'use `update-alternatives --install` with a priority', 'maintainer-script-should-not-use-update-alternatives-set', 'as-is'),
  row('trailing-slash-for-dpkg-maintscript-helper-symlink_to_dir', 'error', 1, 0, '', '', 'symlink_to_dir', 'dpkg-maintscript-helper\\s+symlink_to_dir\\s+[^\\s]+/\\s', 'dpkg-maintscript-helper symlink_to_dir is given a path with a trailing slash.', 'drop the trailing slash'),
];
