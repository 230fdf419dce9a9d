import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWithCodeCache } from './code-cache.js';
import { parseLintArgs } from './lint-options.js';

describe('parseLintArgs (the fast path of debship lint)', () => {
  it('reads what commander would, defaults included', () => {
    expect(parseLintArgs(['lint', 'a.deb', '-I', '--fail-on=warning', '--format', 'json', 'b.deb', '--debug', '--no-color'])).toEqual({
      files: ['a.deb', 'b.deb'],
      flags: { failOn: 'warning', format: 'json', displayInfo: true, debug: true, color: false },
    });
    expect(parseLintArgs(['--debug', 'lint', '-j', '3', 'x.deb'])).toEqual({ files: ['x.deb'], flags: { failOn: 'error', format: 'text', jobs: '3', debug: true } });
  });

  it('leaves everything else to the full command line', () => {
    for (const argv of [['build'], ['lint', '--help'], ['lint', '-h'], ['lint', '--bogus'], ['lint', '--format'], [], ['--version']]) {
      expect(parseLintArgs(argv), argv.join(' ')).toBeUndefined();
    }
  });
});

describe('loadWithCodeCache', () => {
  it('runs a CommonJS bundle and reuses the cache it wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'debship-code-cache-'));
    const file = join(dir, 'mod.cjs');
    writeFileSync(file, 'exports.answer = () => 42; exports.dir = __dirname; exports.req = typeof require("node:path").join;');
    const previous = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = join(dir, 'cache');
    try {
      const first = loadWithCodeCache(file);
      expect((first.exports.answer as () => number)()).toBe(42);
      expect(first.exports).toMatchObject({ dir, req: 'function' });
      first.save();
      const second = loadWithCodeCache(file);
      expect((second.exports.answer as () => number)()).toBe(42);
      second.save();
      const caches = () => readdirSync(join(dir, 'cache', 'debship', 'code-cache'));
      expect(caches()).toHaveLength(1);

      // A shebang is blanked, and a rebuilt bundle's cache replaces the old one.
      writeFileSync(file, '#!/usr/bin/env node\nexports.answer = () => 43;');
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      const rebuilt = loadWithCodeCache(file);
      expect((rebuilt.exports.answer as () => number)()).toBe(43);
      rebuilt.save();
      expect(caches()).toHaveLength(1);
    } finally {
      if (previous === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = previous;
    }
  });
});
