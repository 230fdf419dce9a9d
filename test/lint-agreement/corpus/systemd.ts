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

function service(name: string, about: string, text: string, tags: string[], dir = '/usr/lib/systemd/system', extra: Partial<Recipe> = {}): Recipe {
  const all = dir.includes('/lib/') ? [...tags, ALT] : tags;
  return { name, about, files: [...daemon, { path: `${dir}/corpus.service`, content: text }], control: SCRIPTS, tags: all, ...extra };
}

export const systemdRecipes: Recipe[] = [
  service('unit-ok', 'a complete service unit with its helper calls (control)', unit(), []),
  service('unit-in-etc', 'a unit under /etc/systemd/system', unit(), ['systemd-service-in-odd-location'], '/etc/systemd/system'),
  service('unit-in-lib', 'a unit under /lib/systemd/system', unit(), [], '/lib/systemd/system'),
  service('unit-undocumented', 'a unit without Documentation=', unit({ unit: { Documentation: null } }), ['systemd-service-file-missing-documentation-key']),
  service('unit-no-install', 'a unit without an [Install] section', unit({ install: null }), ['systemd-service-file-missing-install-key']),
  service('unit-nobody', 'a unit running as nobody', unit({ service: { User: 'nobody' } }), ['systemd-service-file-uses-nobody-or-nogroup']),
  service('unit-nogroup', 'a unit running as group nogroup', unit({ service: { Group: 'nogroup' } }), ['systemd-service-file-uses-nobody-or-nogroup']),
  service('unit-no-scripts', 'a unit without maintainer scripts (lintian does not mind)', unit(), [], '/usr/lib/systemd/system', { control: {} }),
  service('unit-deprecated-target', 'a unit wanted by a deprecated target', unit({ unit: { After: 'syslog.target' } }), ['systemd-service-file-refers-to-obsolete-target']),
  service('unit-pidfile-run', 'a PIDFile under /var/run', unit({ service: { Type: 'forking', PIDFile: '/var/run/corpusd.pid' } }), ['systemd-service-file-refers-to-var-run']),
];
