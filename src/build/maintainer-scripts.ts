/**
 * Composes the final preinst/postinst/prerm/postrm from the user's scripts and the generated
 * snippets, the way dh_installdeb does:
 * - snippets of one script are concatenated; in postinst users come before systemd (the service
 *   needs its user), in postrm systemd comes before users (debhelper's reverse order for removal);
 * - a user script containing `#DEBHELPER#` gets the snippets there, like debhelper;
 * - a user script without the token: debhelper would silently drop the snippets, debship does
 *   not. The snippets go after the user's code in preinst/postinst and before it in prerm/postrm
 *   (debhelper's append/prepend order), and in preinst/postinst the user's code runs in a
 *   subshell, so that an `exit 0` at its end does not skip starting the service.
 * A script made only of snippets, or a user script without a `#!` line, starts with `#!/bin/sh` and
 * `set -e`, as debhelper writes it.
 */
import type { SystemGroup, SystemUser, SystemdUnit, ProjectConfig } from '../config/types.js';
import type { MaintainerScript } from '../deb/types.js';
import { DebshipError } from '../core/errors.js';
import { renderSnippet, SCRIPT_HOOKS, type ScriptHook, type Snippets } from './snippets.js';
import { systemdSnippets } from './systemd-scripts.js';
import { ownershipSnippets, type OwnedPath } from './ownership-scripts.js';
import { userScriptDepends, userSnippets } from './user-scripts.js';

export type { ScriptHook } from './snippets.js';

/** ProjectConfig.scripts keys (nfpm's names) → the maintainer script each one becomes. */
export const USER_SCRIPT_HOOKS: Record<keyof ProjectConfig['scripts'], ScriptHook> = {
  preinstall: 'preinst',
  postinstall: 'postinst',
  preremove: 'prerm',
  postremove: 'postrm',
};

export interface ComposeInput {
  packageName: string;
  /** The user's script contents, by maintainer script. */
  userScripts: Partial<Record<ScriptHook, string>>;
  units: SystemdUnit[];
  users: SystemUser[];
  groups: SystemGroup[];
  /** Files and directories with a non-root owner or group (see ownership-scripts.ts). */
  ownedPaths?: OwnedPath[];
}

export interface ComposedScripts {
  scripts: Partial<Record<MaintainerScript, string>>;
  /** Packages the generated code needs in Depends. */
  depends: string[];
}

const TOKEN = '#DEBHELPER#';
const HEAD = '#!/bin/sh\nset -e\n';
/** Shells whose syntax the POSIX sh snippets are valid in. */
const SHELL_SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(?:sh|dash|bash)(?:\s|$)/;
const USER_KEY: Record<ScriptHook, string> = { preinst: 'preinstall', postinst: 'postinstall', prerm: 'preremove', postrm: 'postremove' };

export function composeScripts(input: ComposeInput): ComposedScripts {
  const systemd = systemdSnippets(input.units);
  const users = userSnippets(input.users, input.groups);
  const owned = ownershipSnippets(input.ownedPaths ?? []);
  // Debhelper order: other helpers' snippets, then the service ones; reversed for removal.
  const ordered: Snippets = {
    preinst: [...users.preinst, ...systemd.preinst],
    postinst: [...users.postinst, ...owned.postinst, ...systemd.postinst],
    prerm: [...systemd.prerm, ...users.prerm],
    postrm: [...systemd.postrm, ...users.postrm],
  };
  const scripts: Partial<Record<MaintainerScript, string>> = {};
  for (const hook of SCRIPT_HOOKS) {
    const generated = ordered[hook].map(renderSnippet).join('');
    const script = composeOne(input.packageName, hook, input.userScripts[hook], generated);
    if (script !== undefined) scripts[hook] = script;
  }
  return { scripts, depends: userScriptDepends(input.users, input.groups) };
}

function composeOne(pkg: string, hook: ScriptHook, user: string | undefined, generated: string): string | undefined {
  if (user === undefined) return generated === '' ? undefined : `${HEAD}${generated}`;
  const firstLine = user.split('\n', 1)[0]!;
  const shebang = firstLine.startsWith('#!') ? firstLine : undefined;
  // dpkg executes the script, so it needs a #! line; nfpm-style scripts sometimes lack one.
  if (generated === '') return (shebang ? '' : HEAD) + user.replaceAll(TOKEN, '');
  if (shebang !== undefined && !SHELL_SHEBANG.test(shebang)) {
    throw new DebshipError(
      'maintainer-script-not-shell',
      `scripts.${USER_KEY[hook]} of ${pkg} starts with "${shebang}", but debship must add shell code to it (systemd units or users)`,
      { hint: 'Write the script for /bin/sh (it may call your program), or drop the generated parts from the config.' },
    );
  }
  if (user.includes(TOKEN)) return (shebang ? '' : HEAD) + user.replaceAll(TOKEN, generated.replace(/\n$/, ''));

  const body = (shebang === undefined ? user : user.slice(firstLine.length + 1)).replace(/\n*$/, '\n');
  const head = shebang ? `${shebang}\nset -e\n` : HEAD;
  const label = `# From scripts.${USER_KEY[hook]}`;
  if (hook === 'prerm' || hook === 'postrm') return `${head}${generated}${label}\n${body}`;
  return `${head}${label}, in a subshell so that an exit in it does not skip what follows\n(\n${body})\n${generated}`;
}
