import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWithCodeCache } from './code-cache.js';

let dir: string;
let file: string;
let previous: string | undefined;
const cacheDir = () => join(dir, 'cache', 'debship', 'code-cache');
const caches = () => readdirSync(cacheDir());
/** The one cache file: its first byte (the kind of run that wrote it) and when it was written. */
const cacheFile = () => {
  const [name] = caches();
  const path = join(cacheDir(), name!);
  return { kind: readFileSync(path)[0], ino: statSync(path).ino, path };
};

let runs = 0;
const BUILT = new Date('2026-01-01T00:00:00Z');

/**
 * Loads the bundle as a new process would. V8 keeps what it compiled for the life of the process
 * and would not even look at a cache for the same source again, so each load changes a comment in
 * it, keeping its size and time: the same cache file, which V8 accepts (it checks the length).
 */
function load(body = 'exports.answer = () => 42; exports.dir = __dirname; exports.req = typeof require("node:path").join;') {
  writeFileSync(file, `/* run ${String(++runs).padStart(6, '0')} */\n${body}`);
  utimesSync(file, BUILT, BUILT);
  return loadWithCodeCache(file);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'debship-code-cache-'));
  file = join(dir, 'mod.cjs');
  previous = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = join(dir, 'cache');
});

afterEach(() => {
  if (previous === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = previous;
});

describe('loadWithCodeCache', () => {
  it('runs a CommonJS bundle and reuses the cache it wrote', () => {
    const first = load();
    expect(first.fromCache).toBe(false);
    expect((first.exports.answer as () => number)()).toBe(42);
    expect(first.exports).toMatchObject({ dir, req: 'function' });
    first.save();
    const written = cacheFile();
    const second = load();
    expect(second.fromCache).toBe(true);
    expect((second.exports.answer as () => number)()).toBe(42);
    second.save();
    expect(caches()).toHaveLength(1);
    expect(cacheFile().ino).toBe(written.ino);

    // A shebang is blanked, and a rebuilt bundle's cache replaces the old one.
    writeFileSync(file, '#!/usr/bin/env node\nexports.answer = () => 43;');
    const rebuilt = loadWithCodeCache(file);
    expect(rebuilt.fromCache).toBe(false);
    expect((rebuilt.exports.answer as () => number)()).toBe(43);
    rebuilt.save();
    expect(caches()).toHaveLength(1);
  });

  it('replaces a cache an untypical run wrote with the next typical run\'s, once', () => {
    load().save(false);
    const untypical = cacheFile();
    expect(untypical.kind).toBe(0);
    // Another untypical run keeps it: it is valid, and no better.
    const again = load();
    expect(again.fromCache).toBe(true);
    again.save(false);
    expect(cacheFile().ino).toBe(untypical.ino);
    // A typical run uses it, then writes its own.
    const typical = load();
    expect(typical.fromCache).toBe(true);
    typical.save(true);
    const replaced = cacheFile();
    expect(replaced.ino).not.toBe(untypical.ino);
    expect(replaced.kind).toBe(1);
    // From then on nobody rewrites it.
    for (const kind of [true, false]) {
      const later = load();
      expect(later.fromCache).toBe(true);
      later.save(kind);
    }
    expect(cacheFile().ino).toBe(replaced.ino);
  });

  it('compiles as usual from a damaged or foreign cache file, and writes a good one', () => {
    load().save();
    const { path } = cacheFile();
    const good = readFileSync(path);
    // Random bytes; V8's cache without the kind byte (as written before it had one); one cut short.
    for (const bad of [Buffer.from('not a cache at all'), good.subarray(1), good.subarray(0, good.length >> 1), Buffer.alloc(0)]) {
      writeFileSync(path, bad, { mode: 0o600 });
      const run = load();
      expect(run.fromCache).toBe(false);
      expect((run.exports.answer as () => number)()).toBe(42);
      run.save(false);
      expect(load().fromCache).toBe(true);
    }
  });

  it('ignores a cache other users could have written', () => {
    load().save();
    const { path } = cacheFile();
    chmodSync(path, 0o666);
    expect(load().fromCache).toBe(false);
  });
});
