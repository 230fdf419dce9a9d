/**
 * Reads a .deb into the LintPackage every check works on, in one streaming pass with bounded
 * memory: control members are kept (they are small and capped), data.tar entries keep their
 * metadata, MD5 and first 4 KiB; ELF objects are buffered one at a time only to be parsed, and
 * files a check asked for are kept up to a cap. Small packages are read with one synchronous
 * read; control and data are decompressed concurrently (or were, before the checks loaded:
 * early-decode.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { DebshipError } from '../core/errors.js';
import { decompressed, guard, locateMembers, MAX_CONTROL_MEMBER, MAX_CONTROL_TOTAL, type LocatedMember } from '../deb/reader.js';
import { bufferAccess, fileAccess, type RandomAccess } from '../deb/random-access.js';
import { debEntryOf, readTar, type TarEntry } from '../deb/tar-reader.js';
import { xzStreamInfo } from '../deb/compress/xz.js';
import { XzPool } from '../deb/compress/xz-pool.js';
import { fieldLookup, parseVerbatim } from './deb822.js';
import { SMALL_DEB, type EarlyDecode } from './early-decode.js';
import { FileSink, type ContentWanted } from './file-sink.js';
import type { Check, ControlMember, LintFile, LintPackage } from './types.js';

/** Up to this compressed size, xz members share the run's xz processes; larger ones get their own, multi-threaded. */
const POOLED_XZ = 16 * 1024 * 1024;

export interface LoadOptions {
  /** xz processes shared by the packages of a run (one is made for this package otherwise). */
  xz?: XzPool;
  /** This package's members, decoded while the lint bundle loaded (src/cli/bin.ts). */
  early?: EarlyDecode;
}

/**
 * A member's decompressed bytes: decoded early, from the run's shared xz processes, or through its
 * own codec process.
 */
async function memberData(src: RandomAccess, m: LocatedMember, pool: () => XzPool, early?: EarlyDecode): Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>> {
  const decoded = await early?.take(m.member.name);
  if (decoded) return [decoded];
  if (m.algo === 'xz' && m.member.size <= POOLED_XZ) {
    const bytes = await src.read(m.member.offset, m.member.size);
    const info = xzStreamInfo(bytes);
    if (info?.single) return pool().decode(bytes, info.uncompressed);
  }
  return decompressed(src, m.member, m.algo, { threads: true });
}

export async function loadLintPackage(path: string, checks: readonly Check[], opts: LoadOptions = {}): Promise<LintPackage> {
  let own: XzPool | undefined;
  const pool = () => opts.xz ?? (own ??= new XzPool(1));
  const early = opts.early;
  const bytes = early?.takeBytes();
  const src = bytes ? bufferAccess(bytes) : await openDeb(path);
  try {
    const { members, control, data, corrupt } = await locateMembers(src, path);
    const wanted = checks.flatMap((c) => (c.wantsContent ? [c.wantsContent.bind(c) as ContentWanted] : []));
    const [ctrl, files] = await Promise.all([
      guard(control.member.name, () => readControl(src, control, pool, early, `${control.member.name} in ${path}`), corrupt),
      guard(data.member.name, () => readData(src, data, wanted, pool, early, `${data.member.name} in ${path}`), corrupt),
    ]);
    const controlText = ctrl.get('control');
    if (controlText === undefined) throw corrupt(`${control.member.name} has no control file`);
    ctrl.delete('control');
    const fields = parseVerbatim(controlText.text, `${path}: control`);
    const field = fieldLookup(fields);
    const trimmed = (name: string) => (field(name) ?? '').trim();
    return {
      file: path,
      // Like lintian, name a package without a Package field after its file (foo_1.0_amd64.deb: foo).
      name: trimmed('Package') || basename(path).replace(/\.[^.]*$/, '').replace(/_.*$/, ''),
      version: trimmed('Version'),
      architecture: trimmed('Architecture'),
      fields,
      field,
      controlMembers: ctrl,
      files,
      byPath: new Map(files.map((f) => [f.path, f])),
      members,
    };
  } finally {
    own?.close();
    await src.close();
  }
}

async function openDeb(path: string): Promise<RandomAccess> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new DebshipError('file-unreadable', `${path} is not a regular file`, { file: path });
    size = st.size;
  } catch (e) {
    if (e instanceof DebshipError) throw e;
    throw new DebshipError('file-unreadable', `cannot open ${path}: ${(e as Error).message}`, { file: path, cause: e });
  }
  // Larger ones are read with positioned reads, so memory stays bounded.
  if (size > SMALL_DEB) return fileAccess(path);
  try {
    return bufferAccess(readFileSync(path));
  } catch (e) {
    throw new DebshipError('file-unreadable', `cannot read ${path}: ${(e as Error).message}`, { file: path, cause: e });
  }
}

async function readControl(src: RandomAccess, m: LocatedMember, pool: () => XzPool, early: EarlyDecode | undefined, what: string): Promise<Map<string, ControlMember>> {
  const out = new Map<string, ControlMember>();
  let total = 0;
  const collect = (e: { size: number; path: string }): boolean => {
    if ((total += e.size) > MAX_CONTROL_TOTAL) throw new DebshipError('deb-corrupt', `${what}: control members exceed ${MAX_CONTROL_TOTAL} bytes in total`);
    return e.path !== '/';
  };
  for await (const { entry: e, body } of readTar(await memberData(src, m, pool, early), { what, collect, maxCollect: MAX_CONTROL_MEMBER })) {
    if (!body) continue;
    const name = e.path.slice(1);
    if (name === 'control' && !isUtf8(body)) throw new DebshipError('deb-corrupt', `${what}: the control file is not UTF-8`, { hint: 'dpkg and lintian expect UTF-8 control data; re-encode the field values' });
    // A copy: the body may be a view into a large decoded piece the run would otherwise keep.
    out.set(name, { name, text: body.toString('utf8'), bytes: Buffer.from(body), mode: e.mode, owner: e.uname, group: e.gname, uid: e.uid, gid: e.gid, size: e.size });
  }
  return out;
}

async function readData(src: RandomAccess, m: LocatedMember, wanted: ContentWanted[], pool: () => XzPool, early: EarlyDecode | undefined, what: string): Promise<LintFile[]> {
  const files: LintFile[] = [];
  // readTar calls the visitor for a regular file, streams its body, then yields the entry.
  let pending: LintFile | undefined;
  const visit = (entry: TarEntry): FileSink => {
    pending = toLintFile(entry);
    return new FileSink(pending, wanted);
  };
  for await (const { entry } of readTar(await memberData(src, m, pool, early), { what, visit })) {
    files.push(entry.type === 'file' && pending ? pending : toLintFile(entry));
    pending = undefined;
  }
  return files;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(data: Buffer): boolean {
  try {
    utf8.decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * The package entry with what the loader fills in later already declared: every file then has one
 * object shape for the checks' property reads. (Added to the entry rather than spread into a new
 * object: a spread costs the batch's main thread 2 % more instructions.)
 */
function toLintFile(e: TarEntry): LintFile {
  const file = debEntryOf(e) as LintFile;
  file.name = e.path === '/' ? '' : e.path.slice(1) + (e.type === 'dir' ? '/' : '');
  file.md5 = undefined;
  file.head = undefined;
  file.content = undefined;
  file.elf = undefined;
  return file;
}
