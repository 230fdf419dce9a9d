/**
 * System users and groups: created in postinst `configure` (before the units start, as adduser's
 * documentation and Debian practice have it), kept on remove, deleted on purge only when asked.
 *
 * The scripts call useradd/groupadd/userdel/groupdel from `passwd`, not adduser: passwd is
 * Priority: required, so it is in every minbase root, while adduser (Priority: important) is not
 * and would need `Depends: adduser` (lintian's maintainer-script-needs-depends-on-adduser). With
 * useradd there is nothing to pull in and no lint tag; passwd is not Essential, so the package
 * still declares `Depends: passwd` as Policy 3.5 asks. Existence is checked with getent (libc-bin,
 * Essential), which also sees NSS users, and nothing is done for a user or group that exists.
 */
import type { SystemGroup, SystemUser } from '../config/types.js';
import { emptySnippets, shq, type Snippets } from './snippets.js';

interface GroupPlan {
  name: string;
  removeOnPurge: boolean;
}

/** Declared groups, then users' primary groups that were not declared (created implicitly). */
function plannedGroups(users: readonly SystemUser[], groups: readonly SystemGroup[]): GroupPlan[] {
  const plan = new Map<string, GroupPlan>();
  for (const g of groups) plan.set(g.name, { name: g.name, removeOnPurge: g.removeOnPurge });
  for (const u of users) {
    // An implicit group goes with its user, unless a kept user also uses it.
    const existing = plan.get(u.group);
    if (!existing) plan.set(u.group, { name: u.group, removeOnPurge: u.removeOnPurge });
    else if (!groups.some((g) => g.name === u.group)) existing.removeOnPurge &&= u.removeOnPurge;
  }
  return [...plan.values()];
}

function createCode(users: readonly SystemUser[], groups: GroupPlan[]): string {
  const lines = ['if [ "$1" = "configure" ]; then'];
  for (const g of groups) {
    lines.push(`\tif ! getent group ${shq(g.name)} >/dev/null; then`, `\t\tgroupadd --system ${shq(g.name)}`, '\tfi');
  }
  for (const u of users) {
    const args = [
      '--system',
      `--gid ${shq(u.group)}`,
      `--home-dir ${shq(u.home)}`,
      '--no-create-home',
      `--shell ${shq(u.shell)}`,
      `--comment ${shq(u.gecos)}`,
      shq(u.name),
    ];
    lines.push(`\tif ! getent passwd ${shq(u.name)} >/dev/null; then`, `\t\tuseradd ${args.join(' ')}`, '\tfi');
  }
  lines.push('fi', '');
  return lines.join('\n');
}

/**
 * On purge the package's files are gone, so a failing userdel (say, a process still running as the
 * user) is reported by userdel itself but does not fail the purge. passwd may be gone by then too.
 */
function removeCode(users: readonly SystemUser[], groups: GroupPlan[]): string {
  const lines = ['if [ "$1" = "purge" ]; then'];
  for (const u of users) {
    lines.push(
      `\tif command -v userdel >/dev/null 2>&1 && getent passwd ${shq(u.name)} >/dev/null; then`,
      `\t\tuserdel ${shq(u.name)} || true`,
      '\tfi',
    );
  }
  // userdel may already have removed a same-named group (USERGROUPS_ENAB), hence the check.
  for (const g of groups) {
    lines.push(
      `\tif command -v groupdel >/dev/null 2>&1 && getent group ${shq(g.name)} >/dev/null; then`,
      `\t\tgroupdel ${shq(g.name)} || true`,
      '\tfi',
    );
  }
  lines.push('fi', '');
  return lines.join('\n');
}

export function userSnippets(users: readonly SystemUser[], groups: readonly SystemGroup[]): Snippets {
  const out = emptySnippets();
  const plan = plannedGroups(users, groups);
  if (plan.length === 0) return out;
  const what = (us: readonly SystemUser[], gs: GroupPlan[]) =>
    [...gs.map((g) => `group ${g.name}`), ...us.map((u) => `user ${u.name}`)].join(', ');
  out.postinst.push({ title: `users: create ${what(users, plan)}`, code: createCode(users, plan) });

  const goUsers = users.filter((u) => u.removeOnPurge);
  const goGroups = plan.filter((g) => g.removeOnPurge);
  if (goUsers.length + goGroups.length > 0) {
    out.postrm.push({ title: `users: on purge, remove ${what(goUsers, goGroups)}`, code: removeCode(goUsers, goGroups) });
  }
  return out;
}

/** Packages the user snippets need in Depends. */
export function userScriptDepends(users: readonly SystemUser[], groups: readonly SystemGroup[]): string[] {
  return users.length + groups.length > 0 ? ['passwd'] : [];
}
