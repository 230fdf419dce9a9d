/**
 * What the loader derives from one regular file's content as it streams past: its MD5, its first
 * 4 KiB, the parsed ELF structure of ELF objects, and the whole content when a check asked for
 * it. Only a file that is kept is held in memory, and only until its last byte.
 */
import * as crypto from 'node:crypto';
import type { BodySink } from '../deb/tar-reader.js';
import { parseElf } from './elf/parse.js';
import { MAX_OVERRIDES_SIZE, mayBeOverridesFile } from './own-overrides.js';
import type { LintFile } from './types.js';

export type ContentWanted = (file: { path: string; size: number; head: Buffer }) => boolean;

export const HEAD_BYTES = 4096;
/** Checks read whole files only when they are this small (copyright, scripts, units…; overrides files: own-overrides.ts). */
export const MAX_CONTENT = 1024 * 1024;
/** Larger ELF objects are not parsed: buffering them would cost more memory than they are worth. */
export const MAX_ELF = 512 * 1024 * 1024;

const ELF_MAGIC = Buffer.from('\x7fELF', 'latin1');
const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

/** crypto.hash (Node 20.12+) hashes a whole buffer without a Hash object: most files arrive in one piece. */
const md5Once: ((data: Buffer) => string) | undefined = typeof crypto.hash === 'function' ? (data) => crypto.hash('md5', data, 'hex') : undefined;
/**
 * Files up to this size that arrive in several pieces are hashed once, joined, at their end:
 * a Hash object costs more to make than copying that much (a large package has a thousand such
 * files, most of them straddling two decompressed chunks).
 */
const JOIN_TO_HASH = 256 * 1024;

export class FileSink implements BodySink {
  private hash: crypto.Hash | undefined;
  /** Pieces of a small file not hashed yet (see JOIN_TO_HASH). */
  private unhashed: Buffer[] | undefined;
  private pieces: Buffer[] = [];
  private held = 0;
  /**
   * A kept file still arriving is copied into one buffer of its size as its pieces come, so the
   * decompressor's buffers behind them can go: joining them at the end held a 300 MB program twice.
   */
  private whole: Buffer | undefined;
  /** Undecided until the head is known; then whether the whole content is kept. */
  private keep: boolean | undefined;
  private wantContent = false;
  private isElf = false;

  constructor(
    private readonly file: LintFile,
    private readonly wanted: readonly ContentWanted[],
  ) {}

  write(piece: Buffer): void {
    if (md5Once && piece.length === this.file.size) this.file.md5 = md5Once(piece);
    else if (md5Once && this.file.size <= JOIN_TO_HASH) (this.unhashed ??= []).push(piece);
    else (this.hash ??= crypto.createHash('md5')).update(piece);
    if (this.keep === false) return;
    if (this.whole) {
      this.held += piece.copy(this.whole, this.held);
      return;
    }
    // Pieces are views into the decompressor's buffers, which are never reused: no copy needed.
    this.pieces.push(piece);
    this.held += piece.length;
    if (this.keep === undefined && this.held >= HEAD_BYTES) this.decide();
  }

  end(): void {
    if (this.keep === undefined) this.decide();
    // A kept file is all there, in its own buffer (see decide) or in the pieces, joined once here;
    // the hash of a small file comes from the same bytes.
    const single = !this.whole && this.pieces.length === 1;
    const data = !this.keep ? undefined : this.whole ? this.whole.subarray(0, this.held) : single ? this.pieces[0]! : Buffer.concat(this.pieces, this.held);
    this.pieces = [];
    this.whole = undefined;
    if (this.hash) this.file.md5 = this.hash.digest('hex');
    else if (this.unhashed) this.file.md5 = md5Once!(data ?? Buffer.concat(this.unhashed));
    else if (this.file.size === 0) this.file.md5 = EMPTY_MD5;
    if (data === undefined) return;
    // A lone piece is a view into a decompressor buffer: copy what outlives this file.
    if (this.wantContent) this.file.content = single ? Buffer.from(data) : data;
    if (this.isElf) this.file.elf = safeParseElf(data);
  }

  private decide(): void {
    // A copy of the first bytes only, so a small head does not pin a large decompressor buffer for
    // the whole run.
    const head = Buffer.concat(this.pieces, Math.min(this.held, HEAD_BYTES));
    this.file.head = head;
    const { path, size } = this.file;
    this.isElf = head.length >= 4 && head.subarray(0, 4).equals(ELF_MAGIC) && size <= MAX_ELF;
    const cap = mayBeOverridesFile(path) ? MAX_OVERRIDES_SIZE : MAX_CONTENT;
    this.wantContent = size <= cap && this.wanted.some((w) => w({ path, size, head }));
    this.keep = this.isElf || this.wantContent;
    if (!this.keep) {
      this.pieces = [];
      this.held = 0;
    } else if (this.held < size) {
      this.whole = Buffer.allocUnsafe(size);
      let at = 0;
      for (const piece of this.pieces) at += piece.copy(this.whole, at);
      this.pieces = [];
    }
  }
}

/** A damaged ELF object is a finding for the checks (no `elf`), never a failure of the run. */
function safeParseElf(data: Buffer) {
  try {
    return parseElf(data);
  } catch {
    return undefined;
  }
}
