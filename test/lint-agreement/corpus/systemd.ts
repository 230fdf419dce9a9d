/** systemd units: location, keys, users. Each ships the daemon and manual pages its unit names. */
import type { Entry, Recipe } from '../recipe.js';
import { manPage, script, unit } from './helpers.js';

const daemon: Entry[] = [{ path: '/usr/sbin/corpusd', content: '#!/bin/sh\nexec sleep infinity\n', mode: 0o755 }, manPage('corpusd', 8)];

// What deb-systemd-helper and deb-systemd-invoke snippets look like, so a unit does not raise
// the tags about missing enable/start calls.
const auto = (body: string) => script(`# Automatically added by dh_installsystemd/13.11.4\n${body}\n# End automatically added section`);
const SCRIPTS = {
  postinst: auto(
    'if [ "$1" = configure ]; then\n  deb-systemd-helper enable corpus.service >/dev/null || true\n' +
      '  if [ -d /run/systemd/system ]; then deb-systemd-invoke start corpus.service >/dev/null || true; fi\nfi',
  ),
  prerm: auto('if [ -d /run/systemd/system ] && [ "$1" = remove ]; then\n  deb-systemd-invoke stop corpus.service >/dev/null || true\nfi'),
  postrm: auto('if [ "$1" = purge ] && [ -x /usr/bin/deb-systemd-helper ]; then\n  deb-systemd-helper purge corpus.service >/dev/null || true\nfi'),
};
// lintian asks every unit under lib/ for an init.d script too; that tag is part of each recipe.
const ALT = 'package-supports-alternative-init-but-no-init.d-script';

function service(
  name: string, about: string, units: Record<string, string>, tags: string[], dir = '/usr/lib/systemd/system',
  { extraFiles = [], ...extra }: Partial<Recipe> & { extraFiles?: Entry[] } = {},
): Recipe {
  const all = dir.includes('/lib/') ? [...tags, ALT] : tags;
  const files = Object.entries(units).map(([unitName, text]) => ({ path: `${dir}/${unitName}.service`, content: text }));
  return { name, about, files: [...daemon, ...files, ...extraFiles], control: SCRIPTS, tags: all, ...extra };
}

export const systemdRecipes: Recipe[] = [
  service('unit-ok', 'a complete service unit with its helper calls (control)', { corpus: unit() }, []),
  service(
    'units-unhardened',
    'services without any sandboxing key, or with one emptied; not reported: a oneshot service, one wanted by sleep.target, one with only UMask=, a masked one',
    {
      'corpus-open': unit({ service: { ProtectSystem: null } }),
      'corpus-emptied': unit({ service: { ProtectSystem: '' } }),
      'corpus-oneshot': unit({ service: { ProtectSystem: null, Type: 'oneshot' } }),
      'corpus-sleep': unit({ service: { ProtectSystem: null }, install: { WantedBy: 'sleep.target' } }),
      'corpus-umask': unit({ service: { ProtectSystem: null, UMask: '0027' } }),
    },
    ['systemd-service-file-missing-hardening-features'],
    '/usr/lib/systemd/system',
    { extraFiles: [{ path: '/usr/lib/systemd/system/corpus-masked.service', symlink: '/dev/null' }] },
  ),
  service('unit-in-etc', 'a unit under /etc/systemd/system', { corpus: unit() }, ['systemd-service-in-odd-location'], '/etc/systemd/system'),
  service('unit-in-lib', 'a unit under /lib/systemd/system', { corpus: unit() }, [], '/lib/systemd/system'),
  service('unit-no-scripts', 'a unit without maintainer scripts (lintian does not mind)', { corpus: unit() }, [], '/usr/lib/systemd/system', { control: {} }),
  service(
    'units-flawed',
    'units without Documentation= or [Install], running as nobody or nogroup, after an obsolete target, with a PIDFile in /var/run',
    {
      'corpus-undocumented': unit({ unit: { Documentation: null } }),
      'corpus-uninstalled': unit({ install: null }),
      'corpus-nobody': unit({ service: { User: 'nobody' } }),
      'corpus-nogroup': unit({ service: { Group: 'nogroup' } }),
      'corpus-syslog': unit({ unit: { After: 'syslog.target' } }),
      'corpus-forking': unit({ service: { Type: 'forking', PIDFile: '/var/run/corpusd.pid' } }),
    },
    [
      'systemd-service-file-missing-documentation-key', 'systemd-service-file-missing-install-key', 'systemd-service-file-uses-nobody-or-nogroup',
      'systemd-service-file-refers-to-obsolete-target', 'systemd-service-file-refers-to-var-run',
    ],
  ),
  service(
    'units-more',
    'units with BindTo=, wrapping an init script, an unusual or empty target, an invalid or empty Documentation=, KillMode=none, shutdown conflicts, syslog output, an alias without .service, a dangling symbolic link as a unit; init scripts not sourcing init-functions',
    {
      'corpus-bindto': unit({ unit: { BindTo: 'corpus.service' } }),
      'corpus-wraps': unit({ service: { ExecStart: '/etc/init.d/corpus start' } }),
      'corpus-wanted': unit({ install: { WantedBy: 'corpus.target' } }),
      'corpus-baddoc': unit({ unit: { Documentation: 'not-a-uri' } }),
      // Empty quoted values: no URI at all to check, and a target lintian names by nothing.
      'corpus-emptydoc': unit({ unit: { Documentation: '""' } }),
      'corpus-emptywanted': unit({ install: { WantedBy: '""' } }),
      'corpus-killnone': unit({ service: { KillMode: 'none' } }),
      'corpus-shutdown': unit({ unit: { DefaultDependencies: 'no', Conflicts: 'shutdown.target' } }),
      'corpus-syslog-out': unit({ service: { StandardOutput: 'syslog' } }),
      'corpus-alias': unit({ install: { WantedBy: 'multi-user.target', Alias: 'corpus-other' } }),
    },
    [
      'init-script-is-not-a-file',
      'init.d-script-does-not-implement-required-option',
      'init.d-script-does-not-implement-status-option',
      'init.d-script-does-not-source-init-functions',
      'init.d-script-missing-lsb-keyword',
      'init.d-script-missing-lsb-section',
      'init.d-script-missing-lsb-short-description',
      'invalid-systemd-documentation',
      'kill-mode-none',
      'missing-systemd-service-for-init.d-rcS-script',
      'omitted-systemd-service-for-init.d-script',
      'script-in-etc-init.d-not-registered-via-update-rc.d',
      'service-file-is-not-a-file',
      'systemd-service-alias-without-extension',
      'systemd-service-file-refers-to-obsolete-bindto',
      'systemd-service-file-refers-to-unusual-wantedby-target',
      'systemd-service-file-shutdown-problems',
      'systemd-service-file-uses-deprecated-syslog-facility',
      'systemd-service-file-wraps-init-script',
    ],
    '/usr/lib/systemd/system',
    {
      extraFiles: [
        { path: '/usr/lib/systemd/system/corpus-link.service', symlink: 'corpus-missing.service' },
        { path: '/etc/init.d/corpus', content: '#!/bin/sh\necho corpus\n', mode: 0o755 },
        { path: '/etc/init.d/corpus-early', content: '#!/bin/sh\n### BEGIN INIT INFO\n# Default-Start: S\n### END INIT INFO\necho corpus\n', mode: 0o755 },
        { path: '/etc/init.d/corpus-alias', symlink: 'corpus' },
      ],
    },
  ),
  {
    name: 'initd-only',
    about: 'an init script and a cron job without systemd units, tmpfiles in /var/run and in /etc',
    files: [
      { path: '/etc/init.d/initd-only', content: '#!/bin/sh\n. /lib/lsb/init-functions\necho corpus\n', mode: 0o755 },
      { path: '/etc/cron.daily/initd-only', content: '#!/bin/sh\necho corpus\n', mode: 0o755 },
      { path: '/usr/lib/tmpfiles.d/initd-only.conf', content: 'd /var/run/initd-only 0755 root root -\n' },
      { path: '/etc/tmpfiles.d/initd-only.conf', content: 'd /run/initd-only 0755 root root -\n' },
    ],
    tags: ['init.d-script-does-not-implement-required-option', 'init.d-script-does-not-implement-status-option', 'init.d-script-missing-lsb-section', 'misplaced-systemd-tmpfiles', 'missing-systemd-service-for-init.d-script', 'missing-systemd-timer-for-cron-script', 'script-in-etc-init.d-not-registered-via-update-rc.d', 'systemd-tmpfile-in-var-run'],
  },
];
