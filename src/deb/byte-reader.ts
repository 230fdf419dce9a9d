/**
 * Pulls exact byte counts out of a chunked stream. Holds at most one chunk plus what the caller
 * asked for, so a parser built on it has bounded memory whatever the input claims.
 *
 * Each operation has a synchronous form (`…Now`) serving only what the current chunk holds:
 * most tar headers and small files lie within one chunk, and a parser that tries that first
 * skips the promise and microtask round trips of the asynchronous form.
 */
export class ByteReader {
  private readonly it: AsyncIterator<Uint8Array>;
  private chunk: Buffer = Buffer.alloc(0);
  private ended = false;
  /** Bytes consumed so far (for error messages). */
  position = 0;

  constructor(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.it = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : fromSync(source);
  }

  /** Exactly `n` bytes when the current chunk holds them, else undefined (nothing consumed). */
  readNow(n: number): Buffer | undefined {
    if (this.chunk.length < n) return undefined;
    const bytes = this.chunk.subarray(0, n);
    this.chunk = this.chunk.subarray(n);
    this.position += n;
    return bytes;
  }

  /** Up to `n` bytes; fewer only at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    const now = this.readNow(n);
    if (now) return now;
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n && (await this.fill())) got += this.forEachNow(n - got, (piece) => parts.push(piece));
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, got);
  }

  /** Discards up to `n` bytes of the current chunk; returns how many. */
  skipNow(n: number): number {
    const take = Math.min(n, this.chunk.length);
    this.chunk = this.chunk.subarray(take);
    this.position += take;
    return take;
  }

  /** Discards up to `n` bytes; returns how many were skipped. */
  async skip(n: number): Promise<number> {
    let done = this.skipNow(n);
    while (done < n && (await this.fill())) done += this.skipNow(n - done);
    return done;
  }

  /** Hands up to `n` bytes of the current chunk to `sink`, without copying; returns how many. */
  forEachNow(n: number, sink: (piece: Buffer) => void): number {
    const take = Math.min(n, this.chunk.length);
    if (take === 0) return 0;
    sink(this.chunk.subarray(0, take));
    this.chunk = this.chunk.subarray(take);
    this.position += take;
    return take;
  }

  /** Hands up to `n` bytes to `sink` piece by piece, without copying; returns how many were read. */
  async forEach(n: number, sink: (piece: Buffer) => void): Promise<number> {
    let done = this.forEachNow(n, sink);
    while (done < n && (await this.fill())) done += this.forEachNow(n - done, sink);
    return done;
  }

  /** Stops the underlying stream (a decompressor child gets killed by its destroy). */
  async close(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      await this.it.return?.();
    }
  }

  private async fill(): Promise<boolean> {
    while (this.chunk.length === 0) {
      if (this.ended) return false;
      const r = await this.it.next();
      if (r.done) {
        this.ended = true;
        return false;
      }
      this.chunk = Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
    }
    return true;
  }
}

async function* fromSync(source: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* source;
}
