/** The tags of lintian's `systemd` check. */
import { experimental, tagMaker } from '../../tag.js';
import type { TagInfo } from '../../types.js';

const t = tagMaker('systemd');

const UNIT = 'edit the unit file given in `systemd:`';

export const SYSTEMD_TAGS: TagInfo[] = [
  // lintian 2.116 replaced systemd-service-file-outside-lib with this tag; its tag file names no predecessor.
  t('systemd-service-in-odd-location', 'error', 'A systemd service file is installed under /etc/systemd/system, which belongs to the administrator; packages install units in /usr/lib/systemd/system.', 'list the unit under `systemd:` (debship installs it in /usr/lib/systemd/system) instead of in `contents`'),
  t('service-file-is-not-a-file', 'error', 'A systemd service file is neither a regular file nor a link to one in the package (nor a link to /dev/null, which masks a unit).', 'install the unit as a regular file'),
  t('systemd-service-file-refers-to-obsolete-target', 'warning', 'The unit orders itself After= syslog.target or dbus.target, which no longer exist.', `${UNIT}: drop syslog.target and dbus.target from After=`),
  t('systemd-service-file-refers-to-obsolete-bindto', 'warning', 'The unit uses BindTo=, which systemd renamed BindsTo=.', `${UNIT}: write BindsTo=`),
  t('systemd-service-file-wraps-init-script', 'warning', 'The unit only runs the package’s /etc/init.d script instead of starting the daemon itself.', `${UNIT}: run the daemon in ExecStart=`),
  t('systemd-service-file-refers-to-unusual-wantedby-target', 'warning', 'The unit is wanted by a target other than the usual ones (multi-user.target, graphical.target…), which may never be started.', `${UNIT}: use WantedBy=multi-user.target`),
  t('systemd-service-file-missing-documentation-key', 'info', 'The unit has no Documentation= key pointing to its manual.', `${UNIT}: add Documentation= with a man: or https: URI`),
  t('invalid-systemd-documentation', 'info', 'A Documentation= entry is not a valid URI.', `${UNIT}: use URIs such as man:foo(8) or https://…`),
  t('kill-mode-none', 'warning', 'The unit uses KillMode=none, which leaves processes behind when it stops and is deprecated.', `${UNIT}: use KillMode=mixed or control-group`),
  experimental(
    t('systemd-service-file-missing-hardening-features', 'pedantic', 'The service enables none of systemd’s sandboxing options (PrivateTmp=, ProtectSystem=, NoNewPrivileges=, CapabilityBoundingSet= …), so the daemon runs with every privilege its user has.', `${UNIT}: add what the daemon allows, such as NoNewPrivileges=yes, PrivateTmp=yes, ProtectSystem=strict and ProtectHome=yes (see systemd.exec(5), and \`systemd-analyze security\`)`),
  ),
  t('systemd-service-file-missing-install-key', 'info', 'The unit has no [Install] section saying what wants it, so enabling it does nothing.', `${UNIT}: add [Install] WantedBy=multi-user.target`),
  t('systemd-service-file-refers-to-var-run', 'info', 'The unit names a path under /var/run, which is a compatibility link to /run.', `${UNIT}: write /run instead of /var/run`, ['systemd-service-file-pidfile-refers-to-var-run']),
  t('systemd-service-file-shutdown-problems', 'warning', 'The unit conflicts with shutdown.target without ordering itself Before= it, so it may still run during shutdown.', `${UNIT}: add Before=shutdown.target`),
  t('systemd-service-file-uses-nobody-or-nogroup', 'warning', 'The service runs as nobody or nogroup, which other services share: a compromise of one reaches the others’ files.', 'run the service as its own system user: declare it under `users:` and set User= to it (or use DynamicUser=yes)'),
  t('systemd-service-file-uses-deprecated-syslog-facility', 'warning', 'The unit sends its output to syslog with StandardOutput=/StandardError=, which systemd no longer supports.', `${UNIT}: use journal`),
  t('systemd-service-alias-without-extension', 'warning', 'An Alias= of a service lacks the .service extension.', `${UNIT}: write the alias with .service`),
  t('init.d-script-does-not-source-init-functions', 'warning', 'An /etc/init.d script does not source /lib/lsb/init-functions, which lets systemd redirect it to the unit.', 'source /lib/lsb/init-functions in the init script, or drop the init script'),
  t('init-script-is-not-a-file', 'error', 'An entry in /etc/init.d is not a regular file.', 'install the init script as a regular file'),
  t('missing-systemd-service-for-init.d-rcS-script', 'error', 'An init script runs in the rcS runlevel but the package has no systemd unit of the same name.', 'ship a unit with the init script’s name under `systemd:`', ['systemd-no-service-for-init-rcS-script']),
  t('omitted-systemd-service-for-init.d-script', 'error', 'The package has systemd units, but none of the name of this init script, so systemd runs the init script too.', 'name the unit like the init script, or add the init script name as Alias=', ['systemd-no-service-for-init-script']),
  t('missing-systemd-service-for-init.d-script', 'warning', 'An init script has no systemd unit; systemd falls back to running the script.', 'ship a unit under `systemd:`'),
  t('missing-systemd-timer-for-cron-script', 'warning', 'The package runs jobs from cron but ships no systemd timer.', 'add a .service and .timer pair under `systemd:`'),
];
