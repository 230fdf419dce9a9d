/**
 * Cached clean Debian roots: one mmdebstrap tarball per spec, plus the tarball extracted once as
 * the read-only lower layer of overlay working copies. Entries are built under a temporary name,
 * renamed into place under a lock, and never modified afterwards.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { exec, lastLines } from '../../src/core/exec.js';
import { DebshipError } from '../../src/core/errors.js';
import { withFileLock } from './lock.js';
import { removeTreeSync } from './cleanup.js';
import { requireRoot, requireTool } from './tools.js';

export interface RootSpec {
  suite: 'bookworm';
  arch: 'amd64' | 'arm64';
  variant: 'apt' | 'minbase';
  include: string[];
}

// Bump when the way roots are built changes, so stale caches are not reused.
const FORMAT = 1;

/** `$DEBSHIP_TEST_CACHE`, else `${XDG_CACHE_HOME:-$HOME/.cache}/debship-test`. */
export function testCacheDir(): string {
  const explicit = process.env.DEBSHIP_TEST_CACHE;
  if (explicit) return resolve(explicit);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'debship-test');
}

export function hostArch(): RootSpec['arch'] {
  return process.arch === 'arm64' ? 'arm64' : 'amd64';
}

export function describeSpec(spec: RootSpec): string {
  const extra = spec.include.length ? ` +${[...spec.include].sort().join(',')}` : '';
  return `${spec.suite}/${spec.arch}/${spec.variant}${extra}`;
}

/**
 * The host's apt sources for the suite, passed to mmdebstrap as MIRROR files so roots use
 * whatever mirror or proxy the host is configured with. Files not naming the suite (third-party
 * repositories such as nodesource) are left out: their keys are not in the new root.
 */
async function hostSources(suite: string): Promise<string[]> {
  const dir = '/etc/apt/sources.list.d';
  const names = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.sources')).sort() : [];
  const candidates = names.map((f) => join(dir, f));
  if (candidates.length === 0 && existsSync('/etc/apt/sources.list')) candidates.push('/etc/apt/sources.list');
  const chosen: string[] = [];
  for (const file of candidates) if (new RegExp(`\\b${suite}\\b`).test(await readFile(file, 'utf8'))) chosen.push(file);
  if (chosen.length === 0) {
    const where = `${dir}/*.sources and /etc/apt/sources.list`;
    throw new DebshipError('no-apt-sources', `no apt sources for ${suite} on this host (looked in ${where})`);
  }
  return chosen;
}

const PACKAGE = /^[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?$/;

async function entryFor(spec: RootSpec): Promise<{ base: string; sources: string[]; include: string[] }> {
  const include = [...new Set(spec.include)].sort();
  const bad = include.find((p) => !PACKAGE.test(p));
  if (bad !== undefined) throw new DebshipError('bad-root-spec', `not a Debian package name in include: ${JSON.stringify(bad)}`);
  const sources = await hostSources(spec.suite);
  // The mirror configuration is part of the key: a different mirror may serve different packages.
  const contents = await Promise.all(sources.map((f) => readFile(f, 'utf8')));
  const key = JSON.stringify({ FORMAT, suite: spec.suite, arch: spec.arch, variant: spec.variant, include, contents });
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return { base: join(testCacheDir(), 'roots', `${spec.suite}-${spec.arch}-${spec.variant}-${hash}`), sources, include };
}

/** A foreign-architecture root needs qemu registered with binfmt_misc (see clean-environments.md). */
async function requireForeignArchSupport(arch: RootSpec['arch']): Promise<void> {
  if (arch === hostArch()) return;
  const name = arch === 'arm64' ? 'qemu-aarch64' : 'qemu-x86_64';
  const entry = `/proc/sys/fs/binfmt_misc/${name}`;
  const enabled = existsSync(entry) && (await readFile(entry, 'utf8')).startsWith('enabled');
  if (!enabled) {
    const how =
      'apt-get install qemu-user-static; mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc; ' +
      `write the line from /usr/lib/binfmt.d/${name}.conf to /proc/sys/fs/binfmt_misc/register`;
    throw new DebshipError('no-binfmt', `an ${arch} root needs ${name} registered with binfmt_misc (${entry}): ${how}`);
  }
}

/** Removes leftovers of builds that were killed before they could clean up (we hold the lock). */
async function removeStale(base: string): Promise<void> {
  const dir = join(base, '..');
  const prefix = `${base.slice(dir.length + 1)}.tmp-`;
  for (const name of await readdir(dir)) if (name.startsWith(prefix)) removeTreeSync(join(dir, name));
}

/** Path of the cached root tarball for `spec`, building it with mmdebstrap on first use. */
export async function ensureRootTarball(spec: RootSpec): Promise<string> {
  const { base, sources, include } = await entryFor(spec);
  const tarball = `${base}.tar`;
  if (existsSync(tarball)) return tarball;
  const mmdebstrap = await requireTool('mmdebstrap', 'mmdebstrap');
  const setpriv = await requireTool('setpriv', 'util-linux');
  requireRoot('building a clean root with mmdebstrap --mode=root');
  await requireForeignArchSupport(spec.arch);
  await mkdir(join(base, '..'), { recursive: true });
  return withFileLock(`${base}.lock`, async () => {
    if (existsSync(tarball)) return tarball; // another process built it while we waited
    await removeStale(base);
    const tmp = `${base}.tmp-${process.pid}.tar`;
    const scratch = `${base}.tmp-${process.pid}.d`;
    await mkdir(scratch);
    const started = Date.now();
    process.stderr.write(`debship-test: building root ${describeSpec(spec)} with mmdebstrap\n`);
    // mmdebstrap runs as PID 1 of its own PID and mount namespaces, which die with this process
    // (setpriv) even on SIGKILL: no orphaned build, no leaked mounts. It ignores SIGTERM until
    // its current step ends, hence SIGKILL; its temp files go to `scratch`, swept by removeStale.
    const args = [
      '--pdeathsig=KILL', '--', 'unshare', '--mount', '--pid', '--fork', '--kill-child', '--',
      mmdebstrap, `--variant=${spec.variant}`, '--mode=root', `--arch=${spec.arch}`,
      ...(include.length ? [`--include=${include.join(',')}`] : []),
      spec.suite, tmp, ...sources,
    ];
    const env = { ...process.env, TMPDIR: scratch };
    const r = await exec(setpriv, args, { allowFailure: true, timeoutMs: 30 * 60_000, env });
    removeTreeSync(scratch);
    if (r.code !== 0) {
      await rm(tmp, { force: true });
      const why = lastLines(r.stderr, 15);
      throw new DebshipError('root-build-failed', `mmdebstrap failed for ${describeSpec(spec)} (exit ${r.code}):\n${why}`);
    }
    const info = { spec: { ...spec, include }, sources, builtAt: new Date().toISOString() };
    await writeFile(`${base}.json`, `${JSON.stringify(info, null, 2)}\n`);
    await rename(tmp, tarball);
    process.stderr.write(`debship-test: built root ${describeSpec(spec)} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
    return tarball;
  });
}

/** The cached tarball extracted once: the read-only lower layer for overlay working copies. */
export async function ensureLowerDir(spec: RootSpec): Promise<string> {
  const tarball = await ensureRootTarball(spec);
  const base = tarball.slice(0, -'.tar'.length);
  const lower = `${base}.root`;
  if (existsSync(lower)) return lower;
  return withFileLock(`${base}.lock`, async () => {
    if (existsSync(lower)) return lower;
    await removeStale(base);
    const tmp = `${base}.tmp-${process.pid}.root`;
    await mkdir(tmp);
    await exec('tar', ['-C', tmp, '--numeric-owner', '--xattrs', '--xattrs-include=*', '-xpf', tarball]);
    await rename(tmp, lower);
    return lower;
  });
}
