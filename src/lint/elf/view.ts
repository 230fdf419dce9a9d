/**
 * Bounds-checked reads of an ELF image in either class and byte order. Every read past the end
 * returns undefined instead of throwing, and 64-bit values too large to be offsets in a file held
 * in memory come back as Infinity, so a range check against the file size rejects them.
 */
export class ElfView {
  /** Bytes left for C strings; a hostile file cannot make us scan its string tables forever. */
  private stringBudget: number;

  constructor(
    readonly data: Buffer,
    readonly is64: boolean,
    readonly little: boolean,
  ) {
    this.stringBudget = 64 * 1024 * 1024;
  }

  get size(): number {
    return this.data.length;
  }

  /** True when [offset, offset + length) lies inside the file. */
  fits(offset: number, length: number): boolean {
    return Number.isFinite(offset) && Number.isFinite(length) && offset >= 0 && length >= 0 && offset + length <= this.data.length;
  }

  u8(offset: number): number | undefined {
    return this.fits(offset, 1) ? this.data[offset] : undefined;
  }

  u16(offset: number): number | undefined {
    if (!this.fits(offset, 2)) return undefined;
    return this.little ? this.data.readUInt16LE(offset) : this.data.readUInt16BE(offset);
  }

  u32(offset: number): number | undefined {
    if (!this.fits(offset, 4)) return undefined;
    return this.little ? this.data.readUInt32LE(offset) : this.data.readUInt32BE(offset);
  }

  u64(offset: number): number | undefined {
    if (!this.fits(offset, 8)) return undefined;
    const v = this.little ? this.data.readBigUInt64LE(offset) : this.data.readBigUInt64BE(offset);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(v);
  }

  /** A word of the file's class: 4 bytes in ELF32, 8 in ELF64 (addresses, offsets, sizes). */
  word(offset: number): number | undefined {
    return this.is64 ? this.u64(offset) : this.u32(offset);
  }

  /** A signed dynamic tag (d_tag) of the file's class; values beyond 2^53 come back as Infinity. */
  tag(offset: number): number | undefined {
    if (!this.is64) {
      if (!this.fits(offset, 4)) return undefined;
      return this.little ? this.data.readInt32LE(offset) : this.data.readInt32BE(offset);
    }
    if (!this.fits(offset, 8)) return undefined;
    const v = this.little ? this.data.readBigInt64LE(offset) : this.data.readBigInt64BE(offset);
    return v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER) ? Infinity : Number(v);
  }

  /**
   * The NUL-terminated string at `offset`, read no further than `end` (a table's end) nor `max`
   * bytes; undefined when it starts outside the file, has no terminator in reach, or the string
   * budget is spent.
   */
  cstring(offset: number, end: number, max = 4096): string | undefined {
    const limit = Math.min(end, this.data.length, offset + max);
    if (!Number.isFinite(offset) || offset < 0 || offset >= limit || this.stringBudget <= 0) return undefined;
    const nul = this.data.subarray(offset, limit).indexOf(0);
    this.stringBudget -= nul < 0 ? limit - offset : nul + 1;
    return nul < 0 ? undefined : this.data.toString('latin1', offset, offset + nul);
  }
}
