/**
 * Hostile packages: damaged bytes anywhere in a .deb (gzip and xz members) must give a clear
 * error or findings, never a crash, a hang or an error that is not a DebshipError.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { haveTools } from '../deb/test-helpers.js';
import { lintPackages } from './engine.js';
import { buildTestDeb, TEST_CONTROL, type TestDeb } from './test-deb.js';

const xz = await haveTools('xz');

const sample: TestDeb = {
  control: TEST_CONTROL,
  members: { postinst: { text: '#!/bin/sh\nset -e\nsystemctl restart demo\n', mode: 0o755 }, md5sums: 'x  usr/bin/tool\n', conffiles: '/etc/demo.conf\n' },
  files: [
    { name: './', type: 'dir' },
    { name: './usr/bin/tool', mode: 0o755, content: '#!/usr/bin/python3\nprint(1)\n' },
    { name: './usr/lib/demo/lib.so', content: Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(2000, 7)]) },
    { name: './usr/share/lintian/overrides/demo', content: 'demo: no-such-tag\n[amd64] foo\n' },
    { name: './etc/demo.conf', content: 'x=1\n' },
    { name: './usr/lib/systemd/system/demo.service', content: '[Service]\nUser=nobody\n' },
    { name: './usr/share/man/man1/tool.1.gz', content: gzipSync('.TH TOOL 1\n.SH NAME\ntool \\- recieve things\n.so man1/x.1\n', { level: 9 }) },
  ],
};

describe('linting damaged packages', () => {
  it.each(['gzip', 'xz'] as const)('reports every damaged %s package as findings or an error of that package', async (compression) => {
    if (compression === 'xz' && !xz) return;
    const dir = mkdtempSync(join(tmpdir(), 'debship-lint-fuzz-'));
    const good = await buildTestDeb({ ...sample, compression });
    let seed = compression === 'xz' ? 99 : 42;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const files: string[] = [];
    for (let i = 0; i < 60; i++) {
      const b = Buffer.from(good);
      for (let k = 0; k <= rand(3); k++) b[rand(b.length)] = rand(256);
      const path = join(dir, `f${i}.deb`);
      writeFileSync(path, rand(6) === 0 ? b.subarray(0, rand(b.length)) : b);
      files.push(path);
    }
    const started = performance.now();
    const run = await lintPackages(files, { failOn: ['error'] });
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(run.packages).toHaveLength(files.length);
    for (const p of run.packages) {
      for (const e of p.errors) {
        expect(e.message, readFileSync(p.file).length.toString()).not.toMatch(/bug in debship|failed on/);
        expect(e.message).toContain(p.file);
      }
    }
  });
});
