/**
 * Files owned by the package's own system users. dpkg resolves tar owner names when it unpacks,
 * which is before postinst has created those users, so on a first install such files land as
 * root. This postinst snippet (run after the users exist) sets the declared owner and mode again,
 * unless the administrator has a dpkg-statoverride for the path, which always wins.
 */
import { emptySnippets, shq, type Snippets } from './snippets.js';

export interface OwnedPath {
  path: string;
  owner: string;
  group: string;
  mode: number;
}

export function ownershipSnippets(paths: readonly OwnedPath[]): Snippets {
  const snippets = emptySnippets();
  const owned = paths.filter((p) => p.owner !== 'root' || p.group !== 'root').sort((a, b) => (a.path < b.path ? -1 : 1));
  if (owned.length === 0) return snippets;
  const lines = ['if [ "$1" = "configure" ]; then'];
  for (const p of owned) {
    lines.push(
      `\tif ! dpkg-statoverride --list ${shq(p.path)} >/dev/null 2>&1; then`,
      `\t\tchown ${shq(`${p.owner}:${p.group}`)} ${shq(p.path)}`,
      // chown clears setuid/setgid bits, so the mode is set again after it.
      `\t\tchmod ${p.mode.toString(8).padStart(4, '0')} ${shq(p.path)}`,
      '\tfi',
    );
  }
  lines.push('fi', '');
  snippets.postinst.push({ title: 'give files to the package\'s system users once they exist', code: lines.join('\n') });
  return snippets;
}
