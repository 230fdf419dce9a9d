/**
 * Builds .deb files for loader, engine and CLI tests from a small recipe, byte by byte, so tests
 * can produce what debship's own writer never would (odd control text, bad modes, any codec).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAr } from '../deb/ar.js';
import { createCompressor, extensionOf, transformBuffer } from '../deb/compress/index.js';
import { buildTar, type TarHeader, type TarType } from '../deb/tar-writer.js';
import type { CompressionAlgo } from '../deb/types.js';

export interface TestEntry {
  /** `./usr/bin/foo`, directories with a trailing slash. */
  name: string;
  type?: TarType;
  mode?: number;
  uname?: string;
  gname?: string;
  uid?: number;
  content?: string | Buffer;
  linkTarget?: string;
}

export interface TestDeb {
  /** The control file exactly as written. */
  control: string;
  /** Other control members: name → text, or text with a mode. */
  members?: Record<string, string | { text: string; mode?: number; uname?: string }>;
  files?: TestEntry[];
  compression?: CompressionAlgo;
}

export const TEST_CONTROL = `Package: demo
Version: 1.0-1
Architecture: amd64
Maintainer: Demo Maintainer <demo@example.org>
Section: misc
Priority: optional
Description: demonstration package
 A package for the lint tests.
`;

function tar(entries: TestEntry[]): Buffer {
  return buildTar(
    entries.map((e) => {
      const body = typeof e.content === 'string' ? Buffer.from(e.content) : e.content;
      const type: TarType = e.type ?? (e.name.endsWith('/') ? 'dir' : e.linkTarget !== undefined ? 'symlink' : 'file');
      const header: TarHeader = {
        name: e.name,
        type,
        mode: e.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644),
        uid: e.uid ?? 0,
        gid: 0,
        uname: e.uname ?? 'root',
        gname: e.gname ?? 'root',
        size: body?.length ?? 0,
        mtime: 1_700_000_000,
        ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {}),
      };
      return body ? { header, body } : { header };
    }),
  );
}

export async function buildTestDeb(spec: TestDeb): Promise<Buffer> {
  const algo = spec.compression ?? 'gzip';
  const members: TestEntry[] = [{ name: './', type: 'dir' }, { name: './control', content: spec.control }];
  for (const [name, m] of Object.entries(spec.members ?? {})) {
    const { text, mode, uname } = typeof m === 'string' ? { text: m, mode: undefined, uname: undefined } : m;
    members.push({ name: `./${name}`, content: text, mode: mode ?? 0o644, uname: uname ?? 'root' });
  }
  const compress = (data: Buffer) => transformBuffer(createCompressor({ algo }), data);
  return buildAr(
    [
      { name: 'debian-binary', data: Buffer.from('2.0\n') },
      { name: `control.tar${extensionOf(algo)}`, data: await compress(tar(members)) },
      { name: `data.tar${extensionOf(algo)}`, data: await compress(tar(spec.files ?? [{ name: './', type: 'dir' }])) },
    ],
    1_700_000_000,
  );
}

export async function writeTestDeb(dir: string, name: string, spec: TestDeb): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await buildTestDeb(spec));
  return path;
}
