/**
 * Loads a CommonJS bundle through vm.Script with a V8 code cache, so later runs skip parsing and
 * compiling it (and the functions the run compiled lazily): most of a short `debship lint`'s own
 * time. The cache lives in the user's cache directory, is used only when the user owns it, and
 * any failure to read or write it just means compiling as usual.
 *
 * What a cache holds depends on the run that wrote it, and short runs are the ones it matters
 * for: one written by a long run (a batch of packages, a large one) made linting one small package
 * about 4 % slower than one written while linting one small package. So a cache file starts with
 * a byte saying whether its run was typical, and the next typical run replaces one that was not.
 */
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { makeDirs } from '../core/make-dirs.js';

export interface CachedModule {
  exports: Record<string, unknown>;
  /** Whether V8 took the cache: false when there was none, or it was stale or damaged. */
  readonly fromCache: boolean;
  /**
   * Writes the cache when it was missing or stale, or when a run that was not `typical` wrote it
   * and this one is; call after the work, to include what it compiled.
   */
  save(typical?: boolean): void;
}

/** The first byte of a cache file: what kind of run wrote it. */
const TYPICAL = 1;
const OTHER = 0;

export function loadWithCodeCache(file: string): CachedModule {
  // Decoded as Latin-1 when it is ASCII (the bundles are): the same string, without UTF-8 validation.
  const bytes = readFileSync(file);
  // A shebang line is not JavaScript inside the wrapper; blank it, keeping line numbers.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8').replace(/^#!.*/, '');
  const cacheFile = cachePath(file);
  const cached = cacheFile ? readOwned(cacheFile) : undefined;
  const writtenBy = cached?.[0];
  // V8 checks the rest against its version, its flags and the source's length, and rejects a mismatch.
  const cachedData = cached?.subarray(1);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    fromCache,
    save(typical = true) {
      if (!cacheFile || (fromCache && (writtenBy === TYPICAL || !typical))) return;
      try {
        makeDirs(dirname(cacheFile), 0o700);
        const tmp = `${cacheFile}.${process.pid}`;
        writeFileSync(tmp, Buffer.concat([Buffer.of(typical ? TYPICAL : OTHER), script.createCachedData()]), { mode: 0o600 });
        renameSync(tmp, cacheFile);
        removeOlderCaches(cacheFile);
      } catch {
        /* an unwritable cache only costs speed */
      }
    },
  };
}

/** Caches of earlier builds of the same bundle, for this Node, are never read again: remove them. */
function removeOlderCaches(current: string): void {
  const dir = dirname(current);
  const name = basename(current);
  const prefix = `${name.split('-').slice(0, -4).join('-')}-`;
  const suffix = `-${process.version}-${process.arch}.v8`;
  for (const other of readdirSync(dir)) {
    if (other !== name && other.startsWith(prefix) && other.endsWith(suffix)) rmSync(join(dir, other), { force: true });
  }
}

/** One cache file per bundle version and Node build: a stale one is never even read. */
function cachePath(file: string): string | undefined {
  try {
    const st = statSync(file);
    const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : '');
    if (!base) return undefined;
    const key = `${basename(file)}-${st.size}-${Math.round(st.mtimeMs)}-${process.version}-${process.arch}.v8`;
    return join(base, 'debship', 'code-cache', key);
  } catch {
    return undefined;
  }
}

function readOwned(path: string): Buffer | undefined {
  try {
    const st = statSync(path);
    // Only a cache this user wrote: V8 would run whatever bytecode a planted file holds.
    if (process.getuid && st.uid !== process.getuid()) return undefined;
    if (st.mode & 0o022) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
