/** The md5sums control member against the files shipped, after lintian's md5sums check. */
import type { Check, TagInfo } from '../../types.js';
import { declaredConffiles } from './conffiles.js';
import { installed, isFile } from './installed.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';

const CHECK = 'md5sums';
const REBUILD = 'rebuild with debship, which writes md5sums from the packed data';

const TAGS: TagInfo[] = [
  {
    name: 'no-md5sums-control-file',
    severity: 'info',
    check: CHECK,
    explanation: 'Without md5sums, debsums and dpkg --verify cannot detect modified files.',
    fix: REBUILD,
  },
  {
    name: 'malformed-md5sums-control-file',
    severity: 'error',
    check: CHECK,
    explanation: 'A line of md5sums is not a 32-character checksum, two spaces and a path.',
    fix: REBUILD,
  },
  {
    name: 'md5sums-lists-nonexistent-file',
    severity: 'error',
    check: CHECK,
    explanation: 'md5sums names a file the package does not ship.',
    fix: REBUILD,
  },
  {
    name: 'file-missing-in-md5sums',
    severity: 'warning',
    check: CHECK,
    explanation: 'A shipped file (not a conffile) has no line in md5sums.',
    fix: REBUILD,
  },
  {
    name: 'md5sum-mismatch',
    severity: 'error',
    check: CHECK,
    explanation: 'The checksum in md5sums does not match the shipped file; the package was modified after md5sums was written.',
    fix: REBUILD,
  },
];

const LINE = /^(\\?\S{32}) {2}(.*)$/s;

/** Parses md5sums as Lintian::Util::read_md5sums: path → checksum, and error notes. */
export function readMd5sums(text: string): { sums: Map<string, string>; errors: string[] } {
  const sums = new Map<string, string>();
  const errors: string[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const m = LINE.exec(line);
    if (!m || !m[1] || !m[2]) {
      errors.push(`Odd text: ${line}`);
      continue;
    }
    let checksum = m[1];
    let path = m[2];
    if (checksum.startsWith('\\')) {
      // md5sum escapes names holding a backslash or newline and marks the line with a backslash
      checksum = checksum.slice(1);
      path = path.replace(/\\(.?)/gs, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    if (!path) errors.push(`Empty name for checksum ${checksum}`);
    sums.set(path.replace(/^\.\//, ''), checksum);
  }
  return { sums, errors };
}

export const md5sumsCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    if (isUdeb(pkg)) return; // lintian runs this check on binary packages only
    const index = installed(pkg);
    const conffiles = declaredConffiles(pkg);
    const member = pkg.controlMembers.get('md5sums');
    if (!member) {
      if (index.items.length === 0) return;
      // conffiles are left out of md5sums by debhelper, so a package of conffiles alone needs none
      if (index.items.some((i) => i.type === 'file' && !conffiles.has(i.name))) report('no-md5sums-control-file');
      return;
    }
    if (member.size === 0) return; // control-file-is-empty covers it
    const { sums, errors } = readMd5sums(member.text);
    for (const e of errors) report('malformed-md5sums-control-file', pointed('md5sums', e));
    const found = new Map(index.items.filter(isFile).map((i) => [i.name, i]));
    for (const [name, sum] of sums) {
      const item = found.get(name);
      if (!item) report('md5sums-lists-nonexistent-file', pointed('md5sums', name));
      else if (item.data?.md5 !== undefined && item.data.md5 !== sum) report('md5sum-mismatch', pointed('md5sums', name));
    }
    for (const name of found.keys()) {
      if (!sums.has(name) && !conffiles.has(name) && !/^var\/lib\/[ai]spell\/./.test(name)) report('file-missing-in-md5sums', pointed('md5sums', name));
    }
  },
};
