/**
 * Decoding the first package's xz members while the lint bundle is still loading. `debship lint`
 * on one small package spends most of its time on two things in a row: compiling the checks (on
 * the main thread) and `xz -dc` decoding the payload (another process). Started before the
 * bundle loads, xz runs on the other core meanwhile, so the package is decoded by the time the
 * checks could look at it.
 *
 * The bundle's event loop is not running yet, so nothing is piped: xz reads the member from an
 * unlinked temporary file holding the bytes already read (never the .deb again, which may have
 * changed since) and writes to another, capped at the size the member's index declares (a
 * hostile member cannot fill the disk: the kernel stops xz at the cap). Anything unexpected — a
 * member that is not one xz stream, xz or prlimit missing, a failed decode, a size other than
 * declared — just leaves that member to the usual path, which reports the problem properly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArMembers, type ArMember } from '../deb/ar.js';
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

interface Decoding {
  child: ChildProcess;
  /** The unlinked output file; xz writes to it through its own copy of the descriptor. */
  out: number;
  size: number;
  /** How xz ended: `exit 0` when it decoded the member, else the status, signal or spawn error. */
  ended: Promise<string>;
}

export class EarlyDecode {
  private readonly decodings = new Map<string, Decoding>();
  private readonly started: Array<Promise<string>> = [];
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

  has(name: string): boolean {
    return this.decodings.has(name);
  }

  add(name: string, decoding: Decoding): void {
    this.decodings.set(name, decoding);
    this.started.push(decoding.ended);
  }

  /** How every xz started here ended, once all have (tests). */
  settled(): Promise<string[]> {
    return Promise.all(this.started);
  }

  get members(): string[] {
    return [...this.decodings.keys()];
  }

  /** The decoded member, once; undefined when it was not decoded early or the decode failed. */
  async take(name: string): Promise<Buffer | undefined> {
    const d = this.decodings.get(name);
    if (!d) return undefined;
    this.decodings.delete(name);
    const fallBack = (why: string): undefined => void this.fallbacks.set(name, why);
    try {
      const ended = await d.ended;
      if (ended !== 'exit 0') return fallBack(`xz: ${ended}`);
      const written = fstatSync(d.out).size;
      if (written !== d.size) return fallBack(`decoded ${written} bytes, the index declares ${d.size}`);
      const data = Buffer.allocUnsafe(d.size);
      for (let n = 0; n < d.size; ) {
        const got = readSync(d.out, data, n, d.size - n, n);
        if (got === 0) return fallBack('the decoded member shrank');
        n += got;
      }
      return data;
    } finally {
      closeQuietly(d.out);
    }
  }

  /** Stops what was not taken (a package that failed before its members were read). */
  dispose(): void {
    for (const d of this.decodings.values()) {
      d.child.kill('SIGKILL');
      closeQuietly(d.out);
    }
    this.decodings.clear();
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
  try {
    // The archive is in memory: the reader's promises settle without any I/O.
    for await (const m of readArMembers(bufferAccess(bytes), file)) {
      if (MEMBERS.includes(m.name)) decodeMember(early, m, bytes);
      if (m.name.startsWith('data.tar')) break;
    }
  } catch {
    /* a damaged archive: whatever started is still usable, the loader reports the damage */
  }
  return early;
}

function decodeMember(early: EarlyDecode, m: ArMember, bytes: Buffer): void {
  // A second member of the same name is the loader's to reject.
  if (early.has(m.name)) return;
  const member = bytes.subarray(m.offset, m.offset + m.size);
  const info = xzStreamInfo(member);
  if (!info?.single || info.uncompressed > EARLY_MAX_OUTPUT) return;
  let input: number | undefined;
  let out: number | undefined;
  try {
    input = unlinkedTempFile();
    // A positioned write leaves the descriptor's offset at 0, where xz starts reading.
    for (let n = 0; n < member.length; ) n += writeSync(input, member, n, member.length - n, n);
    out = unlinkedTempFile();
    // The cap is a little above the declared size, so an honest stream never meets it.
    const child = spawn('prlimit', [`--fsize=${info.uncompressed + 4096}`, '--core=0', 'xz', '-dcq', '--single-stream'], {
      stdio: [input, out, 'ignore'],
    });
    const ended = new Promise<string>((resolve) => {
      child.once('error', (e) => resolve(e.message));
      child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exit ${code}`));
    });
    early.add(m.name, { child, out, size: info.uncompressed, ended });
    out = undefined;
  } catch {
    /* no temporary file or no process: the member goes the usual way */
  } finally {
    if (input !== undefined) closeQuietly(input);
    if (out !== undefined) closeQuietly(out);
  }
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
