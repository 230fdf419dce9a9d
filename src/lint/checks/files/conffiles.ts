/** The conffiles control member against the files shipped, after lintian's conffiles check. */
import { tagMaker } from '../../tag.js';
import type { Check, LintPackage, TagInfo } from '../../types.js';
import { installed, isFile } from './installed.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';

const CHECK = 'conffiles';
const tag = tagMaker(CHECK);
const t = (name: string, explanation: string, fix: string, renamedFrom?: string[]): TagInfo => tag(name, 'error', explanation, fix, renamedFrom);

const TAGS: TagInfo[] = [
  t('conffile-has-bad-file-type', 'Only regular files can be conffiles; dpkg cannot track a directory or link as one.', 'set type: config only on regular file contents entries'),
  t('file-in-etc-not-marked-as-conffile', 'Files under /etc are configuration and must be conffiles, or dpkg overwrites local changes on upgrade.', 'set type: config (or config|noreplace) on the contents entry'),
  t('duplicate-conffile', 'The same path appears more than once in conffiles.', 'list each path once: remove the duplicate type: config entry'),
  t('relative-conffile', 'conffiles entries must be absolute paths.', 'give the contents entry an absolute dst'),
  t('file-in-etc-rc.d-marked-as-conffile', 'The /etc/rc?.d links are managed by update-rc.d and must not be conffiles.', 'drop type: config from the entry'),
  t('file-in-usr-marked-as-conffile', 'Files under /usr are not configuration and must not be conffiles.', 'drop type: config from the entry, or move the file to /etc'),
  t('non-etc-file-marked-as-conffile', 'Only files under /etc may be conffiles.', 'drop type: config from the entry, or move the file to /etc'),
  t('unknown-conffile-instruction', 'The conffiles line carries a flag dpkg does not know (only remove-on-upgrade exists).', 'remove the unknown flag'),
  t('missing-conffile', 'A conffile is listed but the package does not ship it.', 'ship the file or drop it from conffiles', ['conffile-is-not-in-package']),
  t('unexpected-conffile', 'A conffile marked remove-on-upgrade is still shipped.', 'stop shipping the file, or drop remove-on-upgrade'),
];

const KNOWN_INSTRUCTIONS = new Set(['remove-on-upgrade']);

export interface ConffileEntry {
  /** Package-relative (no leading slash). */
  relative: string;
  isRelative: boolean;
  instructions: string[];
  /** 1-based line number. */
  position: number;
}

/** Parses conffiles as Lintian::Conffiles: trailing blanks trimmed, the last word is the path. */
export function parseConffiles(text: string | undefined): Map<string, ConffileEntry[]> {
  const byFile = new Map<string, ConffileEntry[]>();
  if (text === undefined) return byFile;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (!line) return;
    const words = line.trim().split(/\s+/);
    const path = words.pop()!;
    const relative = path.replace(/^\//, '');
    const entry = { relative, isRelative: relative === path, instructions: words, position: index + 1 };
    const list = byFile.get(relative);
    if (list) list.push(entry);
    else byFile.set(relative, [entry]);
  });
  return byFile;
}

const cache = new WeakMap<LintPackage, Map<string, ConffileEntry[]>>();
export function declaredConffiles(pkg: LintPackage): Map<string, ConffileEntry[]> {
  let map = cache.get(pkg);
  if (!map) cache.set(pkg, (map = parseConffiles(pkg.controlMembers.get('conffiles')?.text)));
  return map;
}

export const conffilesCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    if (isUdeb(pkg)) return;
    const declared = declaredConffiles(pkg);
    const index = installed(pkg);
    for (const item of index.items) {
      if (!isFile(item)) {
        if (declared.has(item.name)) report('conffile-has-bad-file-type', pointed(item.name));
        continue;
      }
      if (
        item.name.startsWith('etc/') &&
        !declared.has(item.name) &&
        !item.name.endsWith('/README') &&
        !/^etc\/init\.d\/(?:skeleton|rcS?)$/.test(item.name)
      ) {
        report('file-in-etc-not-marked-as-conffile', pointed(item.name));
      }
    }
    for (const [relative, entries] of declared) {
      if (entries.length > 1) {
        const lines = entries.map((e) => e.position).sort((a, b) => a - b);
        report('duplicate-conffile', pointed('conffiles', relative, `(lines ${lines.join(' ')})`));
      }
      for (const entry of entries) {
        const at = `conffiles:${entry.position}`;
        if (entry.isRelative) report('relative-conffile', pointed(at, relative));
        if (/^etc\/rc.\.d\//.test(relative)) report('file-in-etc-rc.d-marked-as-conffile', pointed(at, relative));
        if (relative.startsWith('usr/')) report('file-in-usr-marked-as-conffile', pointed(at, relative));
        if (!relative.startsWith('etc/')) report('non-etc-file-marked-as-conffile', pointed(at, relative));
        for (const word of new Set(entry.instructions)) if (!KNOWN_INSTRUCTIONS.has(word)) report('unknown-conffile-instruction', pointed(at, word));
        const removeOnUpgrade = entry.instructions.includes('remove-on-upgrade');
        const shipped = index.lookup(relative) !== undefined;
        if (!removeOnUpgrade && !shipped) report('missing-conffile', pointed(at, relative));
        if (removeOnUpgrade && shipped) report('unexpected-conffile', pointed(at, relative));
      }
    }
  },
};
