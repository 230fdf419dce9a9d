/** Small builders shared by the corpus families. */
import { gzipSync } from 'node:zlib';
import type { ControlFile, Entry } from '../recipe.js';

/** A gzip -9n manual page, so programs in bin/ do not raise no-manual-page. */
export function manPage(cmd: string, section = 1): Entry {
  const text = `.TH ${cmd.toUpperCase()} ${section}\n.SH NAME\n${cmd} \\- corpus program\n.SH DESCRIPTION\nPart of the lint agreement corpus.\n`;
  return { path: `/usr/share/man/man${section}/${cmd}.${section}.gz`, content: gzipSync(Buffer.from(text), { level: 9 }) };
}

/** An executable in /usr/bin with its manual page. */
export function program(name: string, content: Entry['content'], mode = 0o755): Entry[] {
  return [{ path: `/usr/bin/${name}`, content, mode }, manPage(name)];
}

/** A maintainer script with the given body under a `#!/bin/sh` + `set -e` header unless `shebang` replaces it. */
export function script(body: string, opts: { shebang?: string; setE?: boolean; mode?: number; uid?: number; gid?: number } = {}): ControlFile {
  const head = opts.shebang ?? '#!/bin/sh';
  const setE = (opts.setE ?? true) ? 'set -e\n' : '';
  return { text: `${head}\n${setE}${body}\n`, mode: opts.mode, uid: opts.uid, gid: opts.gid };
}

/** A systemd service unit; `keys` replace or drop (`null`) the defaults. */
export function unit(keys: { service?: Record<string, string | null>; unit?: Record<string, string | null>; install?: Record<string, string | null> | null } = {}): string {
  const section = (name: string, base: Record<string, string>, over: Record<string, string | null> = {}) =>
    `[${name}]\n` +
    Object.entries({ ...base, ...over })
      .filter((kv): kv is [string, string] => kv[1] !== null)
      .map(([k, v]) => `${k}=${v}\n`)
      .join('');
  const parts = [
    section('Unit', { Description: 'Corpus service', Documentation: 'man:corpusd(8)' }, keys.unit),
    section('Service', { ExecStart: '/usr/sbin/corpusd', ProtectSystem: 'full' }, keys.service),
  ];
  if (keys.install !== null) parts.push(section('Install', { WantedBy: 'multi-user.target' }, keys.install));
  return parts.join('\n');
}

/** gzip -9n, the way lintian wants compressed documentation. */
export const gz = (text: string): Buffer => gzipSync(Buffer.from(text), { level: 9 });

/** Data files (`{}`) at the given paths. */
export const data = (...paths: string[]): Entry[] => paths.map((path) => ({ path, content: '{}\n' }));
