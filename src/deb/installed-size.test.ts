import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedSize } from './installed-size.js';
import { planPackage } from './plan.js';
import { dir, file, haveTools, materialize, pkgOf, run, spreadPackage, symlink, tempDir } from './test-helpers.js';
import type { Package } from './types.js';

const tools = await haveTools('dpkg-gencontrol');
let work: string;
let n = 0;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Installed-Size as dpkg-gencontrol computes it for the package's tree at gencontrol time. */
async function gencontrolSize(pkg: Package): Promise<number> {
  const src = join(work, `src-${n++}`);
  await mkdir(join(src, 'debian'), { recursive: true });
  await writeFile(join(src, 'debian/control'), 'Source: sample\nMaintainer: A <a@example.org>\n\nPackage: sample\nArchitecture: all\nDescription: x\n y\n');
  await writeFile(join(src, 'debian/changelog'), 'sample (1.0-1) unstable; urgency=medium\n\n  * Initial.\n\n -- A <a@example.org>  Mon, 01 Jan 2024 00:00:00 +0000\n');
  // The tree as it stands when dh_gencontrol runs: DEBIAN/ without control and md5sums.
  await materialize({ ...pkg, files: planPackage(pkg).entries }, join(src, 'debian/sample'));
  const out = (await run('dpkg-gencontrol', ['-psample', '-Pdebian/sample', '-O'], { cwd: src })).toString();
  return Number(/^Installed-Size: (\d+)$/m.exec(out)![1]);
}

const ours = (pkg: Package): number => installedSize(pkg, planPackage(pkg));

describe.skipIf(!tools)('Installed-Size agrees with dpkg-gencontrol', () => {
  it('on the spread package', async () => {
    const pkg = await spreadPackage(work);
    expect(ours(pkg)).toBe(await gencontrolSize(pkg));
  });

  it('at the KiB edges of files, symlink targets and control members', async () => {
    const pkg = pkgOf(
      [
        file('/a/zero', ''),
        file('/a/one', 'x'),
        file('/a/exact', Buffer.alloc(1024)),
        file('/a/over', Buffer.alloc(1025)),
        symlink('/a/short', 'zero'),
        symlink('/a/long', 'z'.repeat(1500)),
        dir('/empty'),
      ],
      { scripts: { postinst: `#!/bin/sh\n${'#'.repeat(2000)}\n` }, controlExtras: { triggers: 'interest /a\n' } },
    );
    expect(ours(pkg)).toBe(await gencontrolSize(pkg));
  });

  it('on random trees', async () => {
    const name = fc.stringMatching(/^[a-z]{1,6}$/);
    const entry = fc.record({ dirs: fc.array(name, { maxLength: 3 }), leaf: name, kind: fc.constantFrom('file', 'symlink', 'dir'), size: fc.nat(5000) });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 12 }), async (specs) => {
        const files = new Map<string, Package['files'][number]>();
        for (const s of specs) {
          const path = `/${[...s.dirs.map((d) => `d${d}`), s.leaf].join('/')}`;
          if ([...files.keys()].some((p) => p.startsWith(`${path}/`) || path.startsWith(`${p}/`))) continue;
          files.set(path, s.kind === 'file' ? file(path, Buffer.alloc(s.size)) : s.kind === 'dir' ? dir(path) : symlink(path, 'x'.repeat(s.size % 3000 + 1)));
        }
        const pkg = pkgOf([...files.values()]);
        expect(ours(pkg)).toBe(await gencontrolSize(pkg));
      }),
      { numRuns: 12 },
    );
  });
});
