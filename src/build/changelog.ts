/**
 * The Debian changelog shipped in /usr/share/doc/<name>. Made from nfpm's `changelog:` file (the
 * chglog YAML format) when given, else a single entry for this version. lintian wants it named
 * changelog.gz for a native version (no `-revision`) and changelog.Debian.gz otherwise.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { parse } from 'yaml';
import { DebshipError } from '../core/errors.js';

export interface ChangelogEntry {
  version: string;
  date: number;
  packager: string;
  urgency: string;
  distribution: string;
  changes: string[];
}

export function changelogFileName(debianVersion: string): string {
  return debianVersion.includes('-') ? 'changelog.Debian.gz' : 'changelog.gz';
}

export function formatChangelog(pkg: string, entries: ChangelogEntry[]): string {
  return entries
    .map((e) => {
      const changes = (e.changes.length ? e.changes : [`Release ${e.version}.`]).map((c) => wrapBullet(c)).join('\n');
      return `${pkg} (${e.version}) ${e.distribution}; urgency=${e.urgency}\n\n${changes}\n\n -- ${e.packager}  ${rfc2822(e.date)}\n`;
    })
    .join('\n');
}

/** gzip -9n: maximum compression and no timestamp, as lintian expects. */
export function gzipChangelog(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'), { level: constants.Z_BEST_COMPRESSION });
}

/** Reads an nfpm/chglog changelog file; the newest entry is first, as in debian/changelog. */
export async function readChglog(dir: string, file: string, fallbackPackager: string): Promise<ChangelogEntry[]> {
  const path = resolve(dir, file);
  let doc: unknown;
  try {
    doc = parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new DebshipError('changelog-unreadable', `cannot read changelog ${path}: ${(err as Error).message}`, {
      hint: 'changelog must name a YAML file in chglog format (a list of {semver, date, packager, changes})',
    });
  }
  if (!Array.isArray(doc)) {
    throw new DebshipError('changelog-format', `${path}: expected a list of changelog entries`, { hint: 'each entry has semver, date, packager and changes' });
  }
  return doc.map((raw: Record<string, unknown>, i) => {
    const date = Date.parse(String(raw.date ?? ''));
    if (!raw.semver || Number.isNaN(date)) {
      throw new DebshipError('changelog-format', `${path}: entry ${i + 1} needs semver and an RFC 3339 date`, { hint: 'e.g. semver: 1.2.0, date: 2024-05-01T12:00:00Z' });
    }
    const deb = (raw.deb ?? {}) as { urgency?: string; distributions?: string[] };
    const changes = Array.isArray(raw.changes) ? raw.changes.map((c: { note?: string } | string) => (typeof c === 'string' ? c : String(c.note ?? ''))) : [];
    return {
      version: String(raw.semver),
      date: Math.floor(date / 1000),
      packager: String(raw.packager ?? fallbackPackager),
      urgency: deb.urgency ?? 'medium',
      distribution: deb.distributions?.join(' ') ?? 'unstable',
      changes: changes.filter(Boolean),
    };
  });
}

function wrapBullet(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '  *';
  for (const w of words) {
    if (line.length + 1 + w.length > 78 && line.trim() !== '*') {
      lines.push(line);
      line = '   ';
    }
    line += ' ' + w;
  }
  lines.push(line);
  return lines.join('\n');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function rfc2822(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
