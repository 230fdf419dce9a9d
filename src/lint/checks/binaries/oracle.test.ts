/**
 * Spot check against the oracle: packages built by dpkg-deb with compiled ELF objects, scripts,
 * maintainer scripts and systemd units, linted by real lintian (--no-cfg -I --pedantic); for every
 * tag the binaries, scripts and systemd checks declare, debship must print exactly lintian's lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findToolSync } from '../../elf/test-tools.js';
import { debshipLines, lintianLines, tagsOf } from '../../oracle-lines.js';
import type { Check } from '../../types.js';
import { scriptsChecks } from '../scripts/index.js';
import { systemdChecks } from '../systemd/index.js';
import { binariesChecks } from './index.js';
import { buildSpotPackage, type SpotPackage } from './oracle-fixtures.js';
import { bin, handmadeElf, haveToolchain } from './test-helpers.js';

const CHECKS: Check[] = [...binariesChecks, ...scriptsChecks, ...systemdChecks];
const ready = haveToolchain() && findToolSync('dpkg-deb', 'dpkg') && findToolSync('lintian', 'lintian');

const UNIT = ['[Unit]', 'Description=spot', 'Documentation=not-a-uri', 'After=syslog.target', '[Service]', 'ExecStart=/usr/bin/spot', 'PIDFile=/var/run/spot.pid', 'KillMode=none', '[Install]', 'WantedBy=spot.target', ''].join('\n');

function packages(): SpotPackage[] {
  const elf = (path: string, content: Buffer, mode = 0o755) => ({ path, content, mode });
  const script = (path: string, text: string, mode = 0o755) => ({ path, content: text, mode });
  return [
    {
      name: 'spot-elf',
      architecture: process.arch === 'arm64' ? 'arm64' : 'amd64',
      files: [
        elf('usr/bin/spot', bin.program()),
        elf('usr/bin/spot-static', bin.staticProgram()),
        elf('usr/bin/spot-foreign', handmadeElf({ machine: process.arch === 'arm64' ? 62 : 183 })),
        elf('usr/bin/spot-zlib', bin.zlibEmbedded()),
        elf('usr/bin/spot-rpath', bin.rpathProgram()),
        elf('usr/lib/spot/libpure.so.1', bin.pureLibrary(), 0o644),
        elf('usr/lib/spot/libexecstack.so.1', bin.execstackLibrary(), 0o755),
        elf('usr/lib/spot/libtext.so.1', bin.textrelLibrary(), 0o640),
        elf('usr/share/spot/helper', bin.stripped()),
        elf('etc/spot/helper', bin.stripped()),
        script('usr/bin/spot-py', '#!/usr/bin/python3\nprint(1)\n'),
        script('usr/bin/spot-env', '#!/usr/bin/env perl\nprint 1;\n'),
        script('usr/bin/spot-local', '#!/usr/local/bin/spot\n'),
        script('usr/bin/spot-binenv', '#!/bin/env bash\necho\n'),
        script('usr/bin/spot-lua', '#!/usr/bin/lua5.1\nprint(1)\n'),
        script('usr/bin/spot-noexec', '#!/bin/sh\necho\n', 0o644),
        { path: 'etc/systemd/system/spot.service', content: '[Unit]\nDescription=x\n[Service]\nUser=nobody\nExecStart=/usr/bin/spot\n' },
        { path: 'usr/lib/systemd/system/spot-odd.service', content: UNIT },
        { path: 'usr/lib/systemd/system/spot-masked.service', link: '/dev/null' },
        { path: 'etc/init.d/spot', content: '#!/bin/sh\necho\n', mode: 0o755 },
        { path: 'etc/cron.d/spot', content: '* * * * * root true\n' },
      ],
      control: {
        preinst: '#!/usr/bin/python3\nprint(1)\n',
        postinst: '#!/bin/sh\nadduser --system spot\nsystemctl enable spot.service\n/usr/sbin/useradd x\nchown a.b /x\nldconfig\n',
        prerm: '#!/usr/bin/spot-shell\n',
        postrm: '#!/bin/sh -e\nrm -f /tmp/spot.log\n',
      },
    },
    {
      name: 'spot-deps',
      architecture: process.arch === 'arm64' ? 'arm64' : 'amd64',
      fields: 'Depends: python3\n',
      files: [
        elf('usr/bin/spot-a', bin.stripped()),
        elf('usr/bin/spot-b', bin.stripped()),
        elf('usr/lib/spot/libcxx.so', bin.cxxOnlyLibrary(), 0o644),
        elf('usr/bin/spot-zonly', bin.zlibOnlyProgram()),
        script('usr/bin/spot-py', '#!/usr/bin/python3\nprint(1)\n'),
      ],
      control: { postinst: '#!/bin/sh\nset -e\nif [ -x /usr/bin/spot-a ]; then echo; fi\n' },
    },
    { name: 'spot-all', architecture: 'all', files: [elf('usr/lib/spot/tool', bin.stripped())] },
  ];
}

let dir: string;
let lintian = new Map<string, string[]>();
let debship = new Map<string, string[]>();

beforeAll(async () => {
  if (!ready) return;
  dir = mkdtempSync(join(tmpdir(), 'debship-binaries-oracle-'));
  const debs = packages().map((p) => buildSpotPackage(dir, p));
  lintian = await lintianLines('lintian', debs, tagsOf(CHECKS));
  debship = await debshipLines(debs, CHECKS);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('binaries, scripts and systemd checks against lintian 2.116', { skip: !ready }, () => {
  for (const name of ['spot-elf', 'spot-deps', 'spot-all']) {
    it(`${name}: the same tag lines`, () => {
      expect([...(debship.get(name) ?? [])].sort()).toEqual([...(lintian.get(name) ?? [])].sort());
      expect(debship.get(name)?.length).toBeGreaterThan(0);
    });
  }
});
