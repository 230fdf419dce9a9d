import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { changelogTime } from './changelog-date.js';
import { compressedGzCheck } from './compressed-gz.js';

/** gzip output with the header's MTIME set (zlib always writes 0). */
const stamped = (text: string, mtime: number): Buffer => {
  const b = gzipSync(text, { level: 9 });
  b.writeUInt32LE(mtime, 4);
  return b;
};
const CHANGELOG = 'demo (1.0-1) unstable; urgency=medium\n\n  * Initial release.\n\n -- Demo <demo@example.org>  Tue, 14 Nov 2023 22:13:20 +0000\n';
const lint = (files: FakeFile[], fields: Record<string, string> = {}) => runCheck(compressedGzCheck, fakePackage({ files, fields }));

describe('files/compressed/gz', () => {
  it('parses changelog dates with their zone', () => {
    expect(changelogTime('Tue, 14 Nov 2023 22:13:20 +0000')).toBe(1_700_000_000);
    expect(changelogTime('14 Nov 2023 23:13:20 +0100')).toBe(1_700_000_000);
    expect(changelogTime('14 Foo 2023 23:13:20 +0100')).toBeUndefined();
  });

  it('reports gzip members stamped after the newest changelog entry, with the UTC time', async () => {
    const files = [
      { path: 'usr/share/doc/demo/changelog.Debian.gz', content: stamped(CHANGELOG, 0) },
      { path: 'usr/share/demo/old.gz', content: stamped('x', 1_600_000_000) },
      { path: 'usr/share/demo/new.gz', content: stamped('x', 1_700_000_001) },
      { path: 'usr/share/demo/hidden', content: stamped('x', 1_700_000_001) },
    ];
    expect(await lint(files)).toEqual([
      'package-contains-timestamped-gzip 2023-11-14T22:13:21 [usr/share/demo/hidden]',
      'package-contains-timestamped-gzip 2023-11-14T22:13:21 [usr/share/demo/new.gz]',
    ]);
  });

  it('compares with 0 when there is no changelog, and knows Multi-Arch: same', async () => {
    expect(await lint([{ path: 'usr/share/demo/a.gz', content: stamped('x', 5) }])).toEqual(['package-contains-timestamped-gzip 1970-01-01T00:00:05 [usr/share/demo/a.gz]']);
    const fields = { 'Multi-Arch': 'same', Architecture: 'amd64' };
    expect(await lint([{ path: 'usr/share/demo/a.gz', content: stamped('x', 5) }, { path: 'usr/lib/amd64/b.gz', content: stamped('x', 5) }], fields)).toEqual([
      'gzip-file-is-not-multi-arch-same-safe [usr/share/demo/a.gz]',
      'package-contains-timestamped-gzip 1970-01-01T00:00:05 [usr/lib/amd64/b.gz]',
    ]);
  });

  it('ignores gzip -n output and non-gzip files', async () => {
    expect(await lint([{ path: 'usr/share/demo/a.gz', content: gzipSync('x') }, { path: 'usr/share/demo/b.gz', content: 'not gzip at all' }])).toEqual([]);
  });
});
