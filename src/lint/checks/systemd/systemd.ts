/**
 * systemd units, init scripts and cron jobs, after lintian 2.116's `systemd` check
 * (Lintian/Check/Systemd.pm): where service files live, the keys they should and should not have,
 * and init scripts or cron jobs without a unit.
 */
import type { Check, LintFile, LintPackage } from '../../types.js';
import { SYSTEMD_TAGS } from './tags.js';
import { decodedUtf8, isUri, openable, resolvePath, serviceFileLines, unitTable, unitValues } from './unit-file.js';
import { jsLines, literalThenEnd, perlFields, skipSpace } from '../../linear-text.js';
import { pointed } from '../../hint-text.js';

type Report = (tag: string, context?: string) => void;

const WANTEDBY_OK = ['default.target', 'graphical.target', 'multi-user.target', 'network-online.target', 'sleep.target', 'sysinit.target'];
/** /usr/share/lintian/data/systemd/init-whitelist: init scripts systemd replaces by itself. */
const PROVIDED_BY_SYSTEMD = new Set(
  'urandom procps rc.local module-init-tools kmod x11-common hostname rmnologin bootmisc fuse bootlogd stop-bootlogd-single stop-bootlogd hwclock mountkernfs mountdevsubfs mountall mountall-bootclean mountnfs mountnfs-bootclean umountfs umountnfs umountroot checkfs checkroot checkroot-bootclean cryptdisks cryptdisks-early single killprocs sendsigs halt reboot motd bootlogs'.split(
    ' ',
  ),
);

/** lintian's @HARDENING_FLAGS: [Service] keys that sandbox a daemon. */
const HARDENING_KEYS = [
  'CapabilityBoundingSet', 'DeviceAllow', 'DynamicUser', 'IPAddressDeny', 'InaccessiblePaths', 'KeyringMode', 'LimitNOFILE', 'LockPersonality',
  'MemoryDenyWriteExecute', 'MountFlags', 'NoNewPrivileges', 'PrivateDevices', 'PrivateMounts', 'PrivateNetwork', 'PrivateTmp', 'PrivateUsers',
  'ProtectControlGroups', 'ProtectHome', 'ProtectHostname', 'ProtectKernelLogs', 'ProtectKernelModules', 'ProtectKernelTunables', 'ProtectSystem',
  'ReadOnlyPaths', 'RemoveIPC', 'RestrictAddressFamilies', 'RestrictNamespaces', 'RestrictRealtime', 'RestrictSUIDSGID', 'SystemCallArchitectures',
  'SystemCallFilter', 'UMask',
];

const pointer = (file: LintFile, ...notes: string[]) => pointed(file.name, ...notes);

const withoutSlash = (name: string) => (name.endsWith('/') ? name.slice(0, -1) : name);
const basename = (name: string) => withoutSlash(name).slice(withoutSlash(name).lastIndexOf('/') + 1);
const dirname = (name: string) => withoutSlash(name).slice(0, withoutSlash(name).lastIndexOf('/') + 1);

/** The lines lintian reads from a unit: none for a link to /dev/null or an entry it cannot open. */
function unitLines(pkg: LintPackage, file: LintFile): string[] {
  if (file.type === 'symlink' && file.linkTarget === '/dev/null') return [];
  const target = openable(pkg, file);
  return target ? serviceFileLines(decodedUtf8(target.content)) : [];
}

export const systemdCheck: Check = {
  name: 'systemd',
  tags: SYSTEMD_TAGS,
  wantsContent: ({ path }) => /\/systemd\/system\//.test(path) || /\.(?:service|socket)$/.test(path) || path.startsWith('/etc/init.d/'),
  run({ pkg, report }) {
    const serviceNames: string[] = [];
    const initScripts = new Map<string, Array<{ file: LintFile; rcs: boolean }>>();
    const cronScripts: LintFile[] = [];
    let timers = 0;
    for (const file of pkg.files) {
      const name = file.name;
      if (literalThenEnd(name, '/systemd/system/', '.service')) {
        const values = unitTable(unitLines(pkg, file));
        checkService(pkg, file, values, report);
        serviceNames.push(basename(name).replace(/@?\.service$/, ''));
        for (const alias of values('Install', 'Alias')) {
          if (!alias.endsWith('.service')) report('systemd-service-alias-without-extension', pointer(file));
          serviceNames.push(alias.replace(/\.service$/, ''));
        }
      }
      if (/^(?:usr\/)?lib\/systemd\/system\/[^/]+\.timer$/.test(name)) timers++;
      const dir = dirname(name);
      if (/^etc\/cron\.[^/]+\/$/.test(dir)) cronScripts.push(file);
      const base = basename(name);
      if (dir === 'etc/init.d/' && file.type !== 'dir' && !['README', 'skeleton', 'rc', 'rcS'].includes(base) && pkg.name !== 'initscripts' && file.linkTarget !== 'lib/init/upstart-job') {
        if (file.type !== 'file' && file.type !== 'hardlink') report('init-script-is-not-a-file', pointer(file));
        else {
          const service = base.replace(/\.sh$/, '');
          initScripts.set(service, [...(initScripts.get(service) ?? []), { file, rcs: checkInitScript(pkg, file, report) }]);
        }
      }
      if (literalThenEnd(name, '/systemd/system/', '.socket')) {
        for (const v of unitValues(unitLines(pkg, file), 'Socket', 'ListenStream')) if (v.startsWith('/var/run/')) report('systemd-service-file-refers-to-var-run', pointer(file, 'ListenStream', v));
      }
    }
    for (const [service, scripts] of initScripts) {
      if (serviceNames.includes(service) || PROVIDED_BY_SYSTEMD.has(service)) continue;
      for (const { file, rcs } of scripts) {
        // rcS scripts are particularly bad; the others depend on whether the package has units at all.
        if (rcs) report('missing-systemd-service-for-init.d-rcS-script', pointer(file, service));
        else report(serviceNames.length ? 'omitted-systemd-service-for-init.d-script' : 'missing-systemd-service-for-init.d-script', pointer(file, service));
      }
    }
    if (timers === 0) for (const file of cronScripts) report('missing-systemd-timer-for-cron-script', pointer(file));
  },
};

/**
 * lintian's `/^#!\s*(?:\/usr\/bin\/env)?\s*\/lib\/init\/init-d-script/`: its two `\s*` share a
 * run of blanks, quadratic in it (and near a gigabyte of memory in V8's fallback for 800 KB).
 * Neither path starts with a blank, so greedy skips decide it.
 */
export function runsInitDScript(line: string): boolean {
  if (!line.startsWith('#!')) return false;
  let at = skipSpace(line, 2);
  if (line.startsWith('/usr/bin/env', at)) at = skipSpace(line, at + '/usr/bin/env'.length);
  return line.startsWith('/lib/init/init-d-script', at);
}

/** lintian's check_init_script: does it source the LSB init functions, and is it an rcS script? */
function checkInitScript(pkg: LintPackage, file: LintFile, report: Report): boolean {
  let sourced = false;
  let rcs = false;
  const text = decodedUtf8(openable(pkg, file)?.content);
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/^\s+/, '');
    if (i === 0 && runsInitDScript(line)) sourced = true;
    if (defaultStartInComment(line)) rcs = true;
    if (line.startsWith('#')) return;
    if (/(?:\.|source)\s+\/lib\/(?:lsb\/init-functions|init\/init-d-script)/.test(line)) sourced = true;
  });
  if (!sourced) report('init.d-script-does-not-source-init-functions', pointer(file));
  return rcs;
}

function checkService(pkg: LintPackage, file: LintFile, values: (section: string, key: string) => string[], report: Report): void {
  if (file.name.startsWith('etc/systemd/system/')) report('systemd-service-in-odd-location', pointer(file));
  const masked = file.type === 'symlink' && file.linkTarget === '/dev/null';
  if (!masked && !openable(pkg, file)) return report('service-file-is-not-a-file', pointer(file));
  for (const target of values('Unit', 'After')) if (/^(?:syslog|dbus)\.target$/.test(target)) report('systemd-service-file-refers-to-obsolete-target', pointer(file, target));
  if (values('Unit', 'BindTo').length) report('systemd-service-file-refers-to-obsolete-bindto', pointer(file));
  for (const key of ['ExecStart', 'ExecStartPre', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost']) {
    if (values('Service', key).some((v) => v.startsWith('/etc/init.d/'))) report('systemd-service-file-wraps-init-script', pointer(file, key));
  }
  if (masked) return;
  const wantedBy = values('Install', 'WantedBy');
  const oneshot = values('Service', 'Type').includes('oneshot');
  // A service started by a .path or .timer unit of the same name needs no [Install] section.
  const unit = /^(usr\/)?lib\/systemd\/system\/([^/]*?)@?\.service$/.exec(file.name);
  const standalone = !unit || !['path', 'timer'].some((ext) => resolvePath(pkg, `${unit[1] ?? ''}lib/systemd/system/${unit[2]}.${ext}`));
  for (const target of wantedBy) if (!WANTEDBY_OK.includes(target) && pkg.name !== 'systemd') report('systemd-service-file-refers-to-unusual-wantedby-target', pointer(file, target));
  const documentation = values('Unit', 'Documentation');
  if (!documentation.length) report('systemd-service-file-missing-documentation-key', pointer(file));
  for (const uri of documentation.flatMap((d) => perlFields(d.split(/\s+/)))) if (!isUri(uri)) report('invalid-systemd-documentation', pointer(file, uri));
  // lintian's note here is Perl's $_, which holds the file being visited.
  for (const mode of values('Service', 'KillMode')) if (mode.trim() === 'none') report('kill-mode-none', pointer(file, file.name));
  if (!wantedBy.length && !oneshot && standalone && /^(?:usr\/)?lib\/systemd\/[^/]+\/[^/]+\.service$/.test(file.name) && !file.name.endsWith('@.service')) {
    if (!values('Install', 'RequiredBy').length && !values('Install', 'Also').length) report('systemd-service-file-missing-install-key', pointer(file));
  }
  for (const pid of values('Service', 'PIDFile')) if (pid.startsWith('/var/run/')) report('systemd-service-file-refers-to-var-run', pointer(file, 'PIDFile', pid));
  if (!oneshot && !wantedBy.includes('sleep.target') && !HARDENING_KEYS.some((key) => values('Service', key).length)) {
    report('systemd-service-file-missing-hardening-features', pointer(file));
  }
  if (values('Unit', 'DefaultDependencies').length) {
    if (!values('Unit', 'Before').includes('shutdown.target') && values('Unit', 'Conflicts').includes('shutdown.target')) report('systemd-service-file-shutdown-problems', pointer(file));
  }
  for (const [key, bad] of [['User', 'nobody'], ['Group', 'nogroup']] as const) {
    if (values('Service', key).includes(bad)) report('systemd-service-file-uses-nobody-or-nogroup', pointer(file, `${key}=${bad}`));
  }
  for (const key of ['StandardError', 'StandardOutput']) {
    for (const bad of ['syslog', 'syslog-console']) if (values('Service', key).includes(bad)) report('systemd-service-file-uses-deprecated-syslog-facility', pointer(file, `${key}=${bad}`));
  }
}

/** lintian's /#.*Default-Start:.*S/, one line at a time: V8 takes quadratic time on it (linear-text.ts). */
export function defaultStartInComment(text: string): boolean {
  return jsLines(text).some((line) => {
    const hash = line.indexOf('#');
    const key = hash < 0 ? -1 : line.indexOf('Default-Start:', hash + 1);
    return key >= 0 && line.includes('S', key + 'Default-Start:'.length);
  });
}
