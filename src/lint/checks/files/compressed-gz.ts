/** Timestamps in gzip headers break reproducible builds; after lintian's files/compressed/gz. */
import type { Check, TagInfo } from '../../types.js';
import { newestChangelogTime } from './changelog-date.js';
import { CHANGELOG_CONTENT } from './changelog.js';
import { installed, isFile } from './installed.js';
import { gzipType } from './text.js';
import { pointed } from '../../hint-text.js';

const CHECK = 'files/compressed/gz';
const TAGS: TagInfo[] = [
  {
    name: 'package-contains-timestamped-gzip',
    severity: 'warning',
    check: CHECK,
    explanation: 'The gzip header records a modification time later than the newest changelog entry, so rebuilding gives a different file.',
    fix: 'compress with `gzip -n` (debship does for files it compresses) or set SOURCE_DATE_EPOCH',
  },
  {
    name: 'gzip-file-is-not-multi-arch-same-safe',
    severity: 'error',
    check: CHECK,
    explanation: 'In a Multi-Arch: same package, a gzip file with a timestamp differs between architectures, so co-installing them fails.',
    fix: 'compress with `gzip -n`, or put the file in an architecture-specific path',
  },
];

export const compressedGzCheck: Check = {
  name: CHECK,
  tags: TAGS,
  wantsContent: CHANGELOG_CONTENT,
  run({ pkg, report }) {
    const index = installed(pkg);
    let changelogTime: number | undefined;
    const arch = pkg.field('Architecture') ?? '';
    const multiArchSame = (pkg.field('Multi-Arch') || 'no') === 'same';
    for (const item of index.items) {
      if (!isFile(item) || !item.data?.head || item.data.head.length < 8) continue;
      if (!gzipType(item.name, item.data).gzip) continue;
      const mtime = item.data.head.readUInt32LE(4);
      if (mtime === 0) continue;
      changelogTime ??= newestChangelogTime(pkg, index);
      if (mtime - changelogTime <= 0) continue;
      if (multiArchSame && !item.name.includes(arch)) report('gzip-file-is-not-multi-arch-same-safe', pointed(item.name));
      else report('package-contains-timestamped-gzip', pointed(item.name, new Date(mtime * 1000).toISOString().slice(0, 19)));
    }
  },
};
