/**
 * Decoding the first package's xz members while the lint bundle is still loading. `debship lint`
 * on one small package spends most of its time on two things in a row: compiling the checks (on
 * the main thread) and `xz -dc` decoding the payload (another process). Started before the
 * bundle loads, xz runs on the other core meanwhile, so the package is decoded by the time the
 * checks could look at it.
 *
 * The bundle's event loop is not running yet, so nothing is piped: one xz reads the members from
 * an unlinked temporary file holding the bytes already read (never the .deb again, which may have
 * changed since) and writes to another, capped at the size the members' indexes declare (a
 * hostile member cannot fill the disk: the kernel stops xz at the cap). Anything unexpected — a
 * member that is not one xz stream, xz or prlimit missing, a failed decode, a size other than
 * declared — just leaves the members to the usual path, which reports the problem properly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArMembers } from '../deb/ar.js';
import { xzStreamInfo } from '../deb/compress/xz.js';
import { bufferAccess } from '../deb/random-access.js';

/**
 * Packages up to this size are read whole, with one synchronous read (load.ts), and only those are
 * decoded early.
 */
export const SMALL_DEB = 16 * 1024 * 1024;
/**
 * What a member may decode to here: it is read into memory whole, where the usual path streams it
 * with bounded memory, so a larger one goes that way.
 */
export const EARLY_MAX_OUTPUT = 16 * 1024 * 1024;

const MEMBERS = ['control.tar.xz', 'data.tar.xz'];

/** One xz process decoding the members' streams one after the other into one output file. */
interface Decoding {
  child: ChildProcess;
  /** The unlinked output file; xz writes to it through its own copy of the descriptor. */
  out: number;
  /** What the members' indexes declare together: the output's size when xz succeeds. */
  size: number;
  /** How xz ended: `exit 0` when it decoded every member, else the status, signal or spawn error. */
  ended: Promise<string>;
  /** Members not taken yet; the output is closed when none is left. */
  untaken: number;
  /** The output was closed: every member taken, or the decoding stopped. */
  closed: boolean;
}

/** A member's place in its decoding's output. */
interface Part {
  decoding: Decoding;
  offset: number;
  size: number;
}

export class EarlyDecode {
  private readonly parts = new Map<string, Part>();
  private readonly running: Decoding[] = [];
  /** Why members were left to the usual path after all, by name. */
  readonly fallbacks = new Map<string, string>();

  constructor(
    /** The .deb as given on the command line. */
    readonly file: string,
    /** Its bytes, read once: what the members were decoded from. */
    private bytes: Buffer | undefined,
  ) {}

  /** The .deb's bytes, once: the loader reads these instead of the file, and the run does not keep them. */
  takeBytes(): Buffer | undefined {
    const bytes = this.bytes;
    this.bytes = undefined;
    return bytes;
  }

  /** Records a started xz and the members whose streams it decodes, in their order in its input. */
  add(decoding: Decoding, members: Array<{ name: string; size: number }>): void {
    let offset = 0;
    for (const { name, size } of members) {
      this.parts.set(name, { decoding, offset, size });
      offset += size;
    }
    this.running.push(decoding);
  }

  /** How every xz started here ended, once all have (tests). */
  settled(): Promise<string[]> {
    return Promise.all(this.running.map((d) => d.ended));
  }

  get members(): string[] {
    return [...this.parts.keys()];
  }

  /** The decoded member, once; undefined when it was not decoded early or the decode failed. */
  async take(name: string): Promise<Buffer | undefined> {
    const part = this.parts.get(name);
    if (!part) return undefined;
    this.parts.delete(name);
    const d = part.decoding;
    const fallBack = (why: string): undefined => void this.fallbacks.set(name, why);
    try {
      const ended = await d.ended;
      // dispose() may have run while this waited.
      if (d.closed) return fallBack('stopped before it was taken');
      if (ended !== 'exit 0') return fallBack(`xz: ${ended}`);
      const written = fstatSync(d.out).size;
      if (written !== d.size) return fallBack(`decoded ${written} bytes, the indexes declare ${d.size}`);
      const data = Buffer.allocUnsafe(part.size);
      for (let n = 0; n < part.size; ) {
        const got = readSync(d.out, data, n, part.size - n, part.offset + n);
        if (got === 0) return fallBack('the decoded member shrank');
        n += got;
      }
      return data;
    } finally {
      if (--d.untaken === 0) close(d);
    }
  }

  /** Stops what was not taken (a package that failed before its members were read). */
  dispose(): void {
    for (const d of this.running) {
      if (d.closed) continue;
      d.child.kill('SIGKILL');
      close(d);
    }
    this.parts.clear();
    this.bytes = undefined;
  }
}

/** Starts decoding `file`'s xz members, or returns undefined when it is not a small .deb with any. */
export async function startEarlyDecode(file: string): Promise<EarlyDecode | undefined> {
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > SMALL_DEB) return undefined;
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const early = new EarlyDecode(file, bytes);
  const members: Array<{ name: string; stream: Buffer; size: number }> = [];
  try {
    // The archive is in memory: the reader's promises settle without any I/O.
    for await (const m of readArMembers(bufferAccess(bytes), file)) {
      if (MEMBERS.includes(m.name)) {
        // A second member of the same name is the loader's to reject.
        if (members.some((o) => o.name === m.name)) break;
        const stream = bytes.subarray(m.offset, m.offset + m.size);
        const info = xzStreamInfo(stream);
        if (info?.single && info.uncompressed <= EARLY_MAX_OUTPUT) members.push({ name: m.name, stream, size: info.uncompressed });
      }
      if (m.name.startsWith('data.tar')) break;
    }
  } catch {
    /* a damaged archive: the members before the damage are still usable, the loader reports it */
  }
  if (members.length) decode(early, members);
  return early;
}

/**
 * One xz for all the members: each is exactly one .xz stream, so their concatenation is a valid
 * input whose output is their decoded bytes one after the other. xz checks every stream against
 * its index, so a clean exit means each member decoded to the size its index declares.
 */
function decode(early: EarlyDecode, members: Array<{ name: string; stream: Buffer; size: number }>): void {
  let input: number | undefined;
  let out: number | undefined;
  try {
    input = unlinkedTempFile();
    // Positioned writes leave the descriptor's offset at 0, where xz starts reading.
    let at = 0;
    for (const { stream } of members) {
      for (let n = 0; n < stream.length; ) n += writeSync(input, stream, n, stream.length - n, at + n);
      at += stream.length;
    }
    out = unlinkedTempFile();
    const size = members.reduce((sum, m) => sum + m.size, 0);
    // The cap is a little above the declared size, so honest streams never meet it.
    const child = spawn('prlimit', [`--fsize=${size + 4096}`, '--core=0', 'xz', '-dcq'], { stdio: [input, out, 'ignore'] });
    const ended = new Promise<string>((resolve) => {
      child.once('error', (e) => resolve(e.message));
      child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exit ${code}`));
    });
    early.add({ child, out, size, ended, untaken: members.length, closed: false }, members);
    out = undefined;
  } catch {
    /* no temporary file or no process: the members go the usual way */
  } finally {
    if (input !== undefined) closeQuietly(input);
    if (out !== undefined) closeQuietly(out);
  }
}

function close(d: Decoding): void {
  if (d.closed) return;
  d.closed = true;
  closeQuietly(d.out);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    /* already unusable: nothing to release */
  }
}

let tempFiles = 0;

/** A new file only this process can reach: created exclusively, then unlinked at once. */
function unlinkedTempFile(): number {
  const path = join(tmpdir(), `debship-lint-${process.pid}-${++tempFiles}-${Math.random().toString(36).slice(2)}`);
  const fd = openSync(path, 'wx+', 0o600);
  try {
    unlinkSync(path);
  } catch (e) {
    closeQuietly(fd);
    throw e;
  }
  return fd;
}
