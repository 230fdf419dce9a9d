/**
 * Reads any .deb — ours or dpkg-deb's, every compression dpkg knows — into a `DebInfo` without
 * extracting anything: members are streamed through their decompressor into the tar reader, only
 * control members are kept in memory (each capped), and data.tar contributes metadata only.
 * Member order follows dpkg: debian-binary, control.tar, data.tar; `_`-prefixed members are
 * skipped and anything after data.tar is ignored.
 */
import { closeSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DebshipError, isDebshipError } from '../core/errors.js';
import { memberEnd, readArMembers, type ArMember } from './ar.js';
import { algoOfExtension, createDecompressor, xzFromFd, type AnyAlgo } from './compress/index.js';
import { parseControl } from './control.js';
import { fileAccess, type RandomAccess } from './random-access.js';
import { debEntryOf, readTar, type TarEntry } from './tar-reader.js';
import type { Conffile, DebEntry, DebInfo, MaintainerScript } from './types.js';

const SCRIPTS: readonly string[] = ['preinst', 'postinst', 'prerm', 'postrm', 'config'] satisfies MaintainerScript[];
const CONTROL_ALGOS: readonly AnyAlgo[] = ['gzip', 'xz', 'zstd', 'none'];
/** Per control member; real ones are kilobytes, debconf templates rarely above a megabyte. */
export const MAX_CONTROL_MEMBER = 16 * 1024 * 1024;
export const MAX_CONTROL_TOTAL = 64 * 1024 * 1024;

export async function readDeb(path: string): Promise<DebInfo> {
  const src = await fileAccess(path);
  try {
    return await readDebFrom(src, path);
  } finally {
    await src.close();
  }
}

export async function readDebFrom(src: RandomAccess, what: string): Promise<DebInfo> {
  const { members, control, data, corrupt } = await locateMembers(src, what);
  const texts = await guard(control.member.name, () => readControlMembers(src, control.member, control.algo, `${control.member.name} in ${what}`), corrupt);
  const controlText = texts.get('control');
  if (controlText === undefined) throw corrupt(`${control.member.name} has no control file`);
  const files = await guard(data.member.name, () => readDataEntries(src, data.member, data.algo, `${data.member.name} in ${what}`), corrupt);
  texts.delete('control');
  const scripts: DebInfo['scripts'] = {};
  for (const name of SCRIPTS) if (texts.has(name)) scripts[name as MaintainerScript] = texts.get(name)!;
  return {
    control: parseControl(controlText, `${what}: control`),
    controlMembers: Object.fromEntries(texts),
    conffiles: parseConffiles(texts.get('conffiles') ?? ''),
    scripts,
    files,
    members,
    compression: { control: control.algo, data: data.algo },
  };
}

/** A member to decompress: where it is and how it is compressed. */
export interface LocatedMember {
  member: ArMember;
  algo: AnyAlgo;
}

export interface DebLayout {
  members: DebInfo['members'];
  control: LocatedMember;
  data: LocatedMember;
  /** Makes the `deb-corrupt` error for this file. */
  corrupt: (msg: string, cause?: unknown) => DebshipError;
}

/** Validates the ar layout as dpkg does and finds the control and data members. */
export async function locateMembers(src: RandomAccess, what: string): Promise<DebLayout> {
  const corrupt = (msg: string, cause?: unknown): DebshipError =>
    new DebshipError('deb-corrupt', `${what}: ${msg}`, { file: what, cause, hint: 'the file is damaged or not a Debian package' });
  const members: DebInfo['members'] = [];
  let control: LocatedMember | undefined;
  let data: LocatedMember | undefined;
  for await (const m of readArMembers(src, what)) {
    members.push({ name: m.name, size: m.size });
    if (data) continue; // dpkg ignores whatever follows data.tar
    if (members.length === 1) {
      if (m.name !== 'debian-binary') throw corrupt(`first member is "${m.name}", expected "debian-binary"`);
      const version = m.size <= 64 ? (await src.read(m.offset, m.size)).toString('latin1') : '';
      if (!/^2\.\d+\n/.test(version)) throw corrupt(`unsupported format version ${JSON.stringify(version.slice(0, 16))} (expected 2.0)`);
      continue;
    }
    if (m.name.startsWith('_')) continue;
    const kind = /^(control|data)\.tar(.*)$/.exec(m.name);
    const algo = kind && algoOfExtension(kind[2]!);
    if (!kind || !algo || (kind[1] === 'control' && !CONTROL_ALGOS.includes(algo))) {
      throw corrupt(`unexpected or unsupported member "${m.name}"`);
    }
    if (kind[1] === 'control') {
      if (control) throw corrupt('two control members');
      control = { member: m, algo };
    } else {
      if (!control) throw corrupt(`member "${m.name}" comes before the control member`);
      data = { member: m, algo };
    }
  }
  if (!control) throw corrupt('no control.tar member');
  if (!data) throw corrupt('no data.tar member');
  return { members, control, data, corrupt };
}

/** Wraps codec and stream failures (zlib errors, a decompressor's exit) as corruption of `member`. */
export async function guard<T>(member: string, fn: () => Promise<T>, corrupt: (msg: string, cause?: unknown) => DebshipError): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isDebshipError(e) && e.code !== 'exec-failed') throw e;
    throw corrupt(`cannot decompress ${member}: ${(e as Error).message}`, e);
  }
}

/**
 * From this compressed size, xz's output is read with blocking reads from a named pipe: below
 * it, what that saves is less than making the pipe costs (a `mkfifo`, about 2 ms).
 */
const BLOCKING_READS_FROM = 8 * 1024 * 1024;

/**
 * A member's decompressed bytes; `threads` lets xz decode multi-block members in parallel. xz
 * reads the archive's last member (the data.tar of any ordinary .deb) from the file itself, not
 * through this process: it stops at the end of the first stream, as dpkg does, and past the
 * member there is at most the archive's padding byte. A large one's output is then read from a
 * named pipe with blocking reads (core/blocking-output.ts).
 */
export function decompressed(src: RandomAccess, m: ArMember, algo: AnyAlgo, opts: { threads?: boolean } = {}): AsyncIterable<Uint8Array> {
  const last = memberEnd(m) >= src.size;
  const inputFd = algo === 'xz' && last ? src.openFrom?.(m.offset) : undefined;
  if (inputFd !== undefined) {
    try {
      return (m.size >= BLOCKING_READS_FROM && xzFromFd(inputFd, opts)) || createDecompressor(algo, { ...opts, inputFd }).end();
    } finally {
      // The child has its own copy.
      closeSync(inputFd);
    }
  }
  const d = createDecompressor(algo, opts);
  // Errors surface through `d`, which the tar reader iterates.
  pipeline(Readable.from(src.stream(m.offset, m.size)), d).catch(() => {});
  return d;
}

async function readControlMembers(src: RandomAccess, m: ArMember, algo: AnyAlgo, what: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let total = 0;
  const collect = (e: TarEntry): boolean => {
    // Each member is capped by the tar reader; the sum is capped here against many large members.
    if ((total += e.size) > MAX_CONTROL_TOTAL) throw new DebshipError('deb-corrupt', `${what}: control members exceed ${MAX_CONTROL_TOTAL} bytes in total`);
    return e.path !== '/';
  };
  for await (const { entry, body } of readTar(decompressed(src, m, algo), { what, collect, maxCollect: MAX_CONTROL_MEMBER })) {
    if (body) texts.set(entry.path.slice(1), body.toString('utf8'));
  }
  return texts;
}

async function readDataEntries(src: RandomAccess, m: ArMember, algo: AnyAlgo, what: string): Promise<DebEntry[]> {
  const files: DebEntry[] = [];
  for await (const { entry: e } of readTar(decompressed(src, m, algo), { what })) {
    files.push(debEntryOf(e));
  }
  return files;
}

/** deb-conffiles(5): a path per line, optionally preceded by the flag `remove-on-upgrade`. */
export function parseConffiles(text: string): Conffile[] {
  const out: Conffile[] = [];
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const path = words.at(-1)!;
    out.push(words.includes('remove-on-upgrade') ? { path, removeOnUpgrade: true } : { path });
  }
  return out;
}
