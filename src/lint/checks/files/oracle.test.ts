/**
 * Spot check against the oracle: packages with deliberate file-level defects, built by dpkg-deb
 * and linted by real lintian; for every tag the files checks declare, debship must print exactly
 * lintian's lines (tag and context). The agreement suite does this at scale.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debshipLines, lintianLines, tagsOf } from '../../oracle-lines.js';
import { requireRoot, requireTool } from '../../../../test/support/tools.js';
import { filesChecks } from './index.js';
import { buildRecipe, gz, type Recipe } from './oracle-fixtures.js';

const NOTICE = 'Copyright 2024 Demo Maintainer\nLicense: MIT\n';
const CHANGELOG = (name: string, version: string) =>
  `${name} (${version}) unstable; urgency=medium\n\n  * Spot check.\n\n -- Demo Maintainer <demo@example.org>  Tue, 14 Nov 2023 22:13:20 +0000\n`;
const doc = (name: string, version = '1.0-1') => [
  { path: `usr/share/doc/${name}/copyright`, content: NOTICE },
  { path: `usr/share/doc/${name}/changelog.Debian.gz`, content: gz(CHANGELOG(name, version), 9) },
];

const RECIPES: Recipe[] = [
  {
    name: 'spot-clean',
    version: '1.0-1',
    fields: 'Depends: python3\n',
    entries: [
      ...doc('spot-clean'),
      { path: 'usr/bin/spot', mode: 0o755, content: '#!/bin/sh\n' },
      { path: 'usr/lib/spot/', type: 'dir' },
      { path: 'usr/lib/spot/tool', type: 'symlink', target: '../../bin/spot' },
      { path: 'etc/spot/spot.conf', content: 'a=1\n' },
      { path: 'usr/lib/python3/dist-packages/spot/__init__.py' },
    ],
    control: { conffiles: { text: '/etc/spot/spot.conf\n' } },
  },
  {
    name: 'spot-tree',
    version: '1.0-1',
    entries: [
      ...doc('spot-tree'),
      { path: 'opt/spot/bin', mode: 0o755, content: 'x' },
      { path: 'srv/spot/data' },
      { path: 'usr/local/bin/spot', mode: 0o755, content: 'x' },
      { path: 'app/', type: 'dir' },
      { path: 'var/spotdata/', type: 'dir' },
      { path: 'usr/share/spot/empty/', type: 'dir' },
      { path: 'usr/share/spot/.gitignore' },
      { path: 'usr/share/spot/a?b' },
      { path: 'usr/share/spot/notes~' },
      { path: 'usr/lib/python3/dist-packages/spot/__pycache__/x.cpython-311.pyc' },
      { path: 'usr/lib/python3/dist-packages/tests/__init__.py' },
      { path: 'usr/lib/python3/dist-packages/README.md' },
      { path: 'usr/lib/python3.11/site-packages/spot/__init__.py' },
      { path: 'usr/lib/spot/', type: 'dir', mode: 0o700 },
      { path: 'usr/lib/spot/data', mode: 0o600, uid: 1234, gid: 1234 },
      { path: 'usr/lib/spot/tool', mode: 0o750, content: '#!/bin/sh\n' },
      { path: 'usr/lib/spot/hardlink', type: 'hardlink', target: 'usr/lib/spot/data' },
      { path: 'usr/share/spot/hard', type: 'hardlink', target: 'usr/lib/spot/data' },
      { path: 'usr/bin/spot-odd', mode: 0o4711, content: 'x' },
      { path: 'usr/bin/spot-su', mode: 0o4755, content: 'x' },
      { path: 'usr/bin/spot-tty', mode: 0o2755, gid: 5, content: 'x' },
      { path: 'usr/bin/spot-pipe', type: 'fifo', mode: 0o644 },
      { path: 'etc/sudoers.d/spot', mode: 0o644 },
      { path: 'usr/share/spot/abs', type: 'symlink', target: '/usr/share/spot/a?b' },
      { path: 'usr/share/spot/rel', type: 'symlink', target: '../../../etc/sudoers.d/spot' },
      { path: 'usr/share/spot/dot', type: 'symlink', target: './a?b' },
      { path: 'usr/share/spot/long', type: 'symlink', target: '../spot/a?b' },
      { path: 'usr/share/spot/double', type: 'symlink', target: 'x//y' },
      { path: 'usr/share/spot/up', type: 'symlink', target: '../../../../../x' },
      { path: 'usr/share/spot/unzipped', type: 'symlink', target: 'z.gz' },
      { path: 'usr/share/spot/stamped.gz', content: gz('x', 9, 1_800_000_000) },
      // stamped before the changelog's newest entry (2023-11-14): not reported
      { path: 'usr/share/spot/older.gz', content: gz('x', 9, 1_600_000_000) },
      { path: 'etc/spot/unmarked.conf' },
      { path: 'etc/spot/marked.conf' },
    ],
    control: {
      conffiles: { text: 'etc/spot/marked.conf\n/usr/share/spot/a?b\n/etc/spot/gone\nbogus /etc/spot/marked.conf\n' },
      postinst: { text: '#!/bin/sh\nset -e\n', mode: 0o775, uid: 1000 },
      prerm: { text: '', mode: 0o755 },
      extra: { text: 'x', mode: 0o644 },
    },
    md5sums: (s) => s.replace(/^\w+(?=  usr\/lib\/spot\/tool)/m, '0'.repeat(32)).replace(/^.*usr\/share\/spot\/notes~\n/m, '') + 'd41d8cd98f00b204e9800998ecf8427e  usr/gone\nnonsense\n',
  },
  {
    name: 'spot-docs',
    version: '2.0-1',
    entries: [
      { path: 'usr/share/doc/spot-docs/copyright', content: 'Released by Demo, all rights reserved.\r\nSee /usr/share/common-licenses/GPL-2.gz\n' },
      { path: 'usr/share/doc/spot-docs/changelog.html.gz', content: gz('<p>x</p>', 6, 1_600_000_000) },
      { path: 'usr/share/doc/spot-docs/NEWS.Debian', content: 'news\n' },
      { path: 'usr/bin/spot-docs', mode: 0o755, content: 'x' },
    ],
    md5sums: () => undefined,
  },
  {
    name: 'spot-native',
    version: '3.0',
    entries: [
      { path: 'usr/share/doc/spot-native/copyright', type: 'symlink', target: '../spot-clean/copyright' },
      { path: 'usr/share/doc/spot-native/changelog.debian.gz', content: gz('x', 9) },
      { path: 'usr/bin/spot-native', mode: 0o755, content: 'x' },
    ],
  },
  {
    name: 'spot-places',
    version: '1.0-1',
    entries: [
      { path: 'usr/share/doc/spot-places/copyright', content: 'Copyright (C) 1999 X\nsee /usr/share/common-licenses/GPL. version 2 or any later version\nFree Software Foundation, 675 Mass Ave, Cambridge, MA 02139\n' },
      { path: 'usr/share/doc/spot-places/changelog.Debian', content: 'x' },
      { path: 'usr/share/doc/spot-places/changelog.debian.gz', type: 'symlink', target: 'changelog.Debian' },
      { path: 'usr/share/doc/spot-places/CHANGES', content: 'x' },
      { path: 'usr/share/doc/spot-places/changelog.html.gz', type: 'symlink', target: 'changelog.Debian' },
      { path: 'usr/share/doc/spot-places/changelog.gz', type: 'symlink', target: '../spot-clean/changelog.gz' },
      { path: 'usr/share/doc/spot-places/news.debian.gz', content: gz('x', 9) },
      { path: 'usr/share/spot-places.txt' },
      { path: 'usr/bin/helpers/', type: 'dir' },
      { path: 'usr/bin/spot-empty', mode: 0o755 },
      { path: 'usr/bin/spot-space ', mode: 0o755, content: 'x' },
      { path: 'var/www/index.html' },
      { path: 'var/run/spot.pid' },
      { path: 'var/lib/spot/', type: 'dir' },
      { path: 'etc/spot/', type: 'dir' },
      { path: 'tmp/spot' },
      { path: 'home/spot/.rc' },
      { path: 'mnt/spot/', type: 'dir' },
      { path: 'run/spot/', type: 'dir' },
      { path: 'lib64/', type: 'dir' },
      { path: 'usr/man/', type: 'dir' },
      { path: 'usr/spot/', type: 'dir' },
      { path: 'usr/games/spot', mode: 0o2755, gid: 60, content: 'x' },
      { path: 'var/games/spot/', type: 'dir', mode: 0o2775, gid: 60 },
      { path: 'var/games/spot/scores', mode: 0o664, gid: 60 },
      { path: 'etc/sudoers.d/spot', mode: 0o440 },
      { path: 'etc/backup.d/spot', mode: 0o600 },
      { path: 'etc/skel/.spotrc' },
      { path: 'etc/bash_completion.d/spot' },
      { path: 'etc/spot/link', type: 'symlink', target: 'spot.conf' },
      { path: 'etc/spot/spot.conf' },
      { path: 'etc/spot/old.conf' },
      { path: 'usr/share/spot/.git/HEAD' },
      { path: 'usr/share/spot/svn-commit.tmp' },
      { path: 'usr/share/spot/.npmignore' },
      { path: 'usr/share/spot/.coverage' },
      { path: 'usr/share/spot/-' },
      { path: 'usr/share/spot/*' },
      { path: 'usr/share/spot/self', type: 'symlink', target: '.' },
      { path: 'usr/share/spot/slash', type: 'symlink', target: 'sub/' },
      { path: 'usr/share/spot/build', type: 'symlink', target: '/build/spot/x' },
      { path: 'usr/share/spot/tmp', type: 'symlink', target: '/tmp/spot' },
      { path: 'usr/share/spot/wild.so', type: 'symlink', target: 'wild*.so' },
      { path: 'spot-root-link', type: 'symlink', target: 'usr/share/spot' },
      { path: 'usr/lib/python3/dist-packages/spot/old.pyc' },
      { path: 'usr/share/spot/spot.egg' },
      { path: 'usr/lib/perl5/', type: 'dir' },
    ],
    control: {
      conffiles: { text: '/etc/spot/spot.conf\n/etc/spot/link\nremove-on-upgrade /etc/spot/old.conf\n' },
      isinstallable: { text: '#!/bin/sh\n' },
    },
  },
  {
    name: `spot-${'x'.repeat(70)}`,
    version: '1.0-1',
    entries: doc(`spot-${'x'.repeat(70)}`),
  },
  {
    name: 'spot-licenses',
    version: '1.0-1',
    entries: [
      {
        path: 'usr/share/doc/spot-licenses/copyright',
        content: [
          'This copyright info was automatically extracted from the sources.',
          'Upstream Author(s): <put author\'s name and email here>',
          'The Debian packaging is (C) 2020 Someone, url://example.org',
          'See common-licenses/Artistic and usr/share/common-licences/GPL-2 and /usr/doc/copyright',
          '# Please also look if there are files or directories which have a',
          '# different copyright/license attached and list them here.',
          ...['GPL-3', 'Apache-2.0', 'GFDL-1.2'].map((l) => readFileSync(`/usr/share/common-licenses/${l}`, 'utf8')),
        ].join('\n'),
      },
      { path: 'usr/share/doc/spot-licenses/changelog.Debian.gz', content: gz(CHANGELOG('spot-licenses', '1.0-1'), 9) },
    ],
  },
  ...[
    ['spot-gpl', 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: 2024 X\nLicense: GPL-2+\n This program is free software under the GNU General Public License.\n'],
    ['spot-perl', 'Copyright 2024 X\nYou can redistribute it under the same terms as Perl itself.\n'],
    ['spot-apache', 'Copyright 2024 X\nLicensed under the Apache License, Version 2.0.\n'],
    ['spot-lgpl', 'Files: *\nCopyright: 2024 X\nLicense: LGPL-2.1+\n GNU Lesser General Public License\n\nLicense: GPL-2\n'],
  ].map(([name, copyright]) => ({
    name: name!,
    version: '1.0-1',
    entries: [
      { path: `usr/share/doc/${name}/copyright`, content: copyright! },
      { path: `usr/share/doc/${name}/changelog.Debian.gz`, content: gz(CHANGELOG(name!, '1.0-1'), 9) },
      { path: `usr/share/${name}/data` },
    ],
  })),
  {
    name: 'spot-doclink',
    version: '1.0-1',
    entries: [{ path: 'usr/share/doc/spot-doclink', type: 'symlink', target: 'spot-clean' }],
    md5sums: () => undefined,
  },
];

let dir: string;
let lintian = new Map<string, string[]>();
let debship = new Map<string, string[]>();

beforeAll(async () => {
  requireRoot('building packages with real owners');
  const lintianBin = await requireTool('lintian', 'lintian');
  await requireTool('dpkg-deb', 'dpkg');
  dir = await mkdtemp(join(tmpdir(), 'debship-files-oracle-'));
  const debs = [];
  for (const r of RECIPES) debs.push(await buildRecipe(dir, r));
  lintian = await lintianLines(lintianBin, debs, tagsOf(filesChecks));
  debship = await debshipLines(debs, filesChecks);
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('files checks against lintian 2.116', () => {
  for (const r of RECIPES) {
    it(`${r.name}: the same tag lines`, () => {
      expect([...(debship.get(r.name) ?? [])].sort()).toEqual([...(lintian.get(r.name) ?? [])].sort());
    });
  }

  it('exercises the tags it claims to (the fixtures are not silently clean)', () => {
    const seen = new Set([...lintian.values()].flat().map((l) => l.split(' ')[2]));
    expect(seen.size).toBeGreaterThan(40);
    expect(lintian.get('spot-clean') ?? []).toEqual([]);
  });
});
