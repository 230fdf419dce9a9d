import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDirs } from './make-dirs.js';

describe('makeDirs', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'debship-dirs-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing levels with the mode asked for, and accepts an existing directory', () => {
    const deep = join(dir, 'a', 'b', 'c');
    makeDirs(deep, 0o700);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o700);
    makeDirs(deep);
    mkdirSync(join(dir, 'x'));
    makeDirs(join(dir, 'x'));
  });

  it('fails on a file in the way and under a dangling symlink', () => {
    writeFileSync(join(dir, 'f'), '');
    expect(() => makeDirs(join(dir, 'f'))).toThrow(/EEXIST/);
    expect(() => makeDirs(join(dir, 'f', 'sub'))).toThrow(/ENOTDIR/);
    symlinkSync(join(dir, 'missing'), join(dir, 'link'));
    expect(() => makeDirs(join(dir, 'link', 'sub'))).toThrow(/ENOENT|EEXIST/);
  });

  // Node 20's mkdir { recursive: true } never returns here.
  it.runIf(existsSync('/proc/self'))('ends under /proc, where a parent exists but cannot hold directories', () => {
    expect(() => makeDirs('/proc/debship-none/cache')).toThrow(/ENOENT/);
  });
});
