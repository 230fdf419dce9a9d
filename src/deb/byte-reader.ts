/**
 * Pulls exact byte counts out of a chunked stream. Holds at most one chunk plus what the caller
 * asked for, so a parser built on it has bounded memory whatever the input claims.
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

  /** Up to `n` bytes; fewer only at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n && (await this.fill())) {
      const take = Math.min(n - got, this.chunk.length);
      parts.push(this.chunk.subarray(0, take));
      this.chunk = this.chunk.subarray(take);
      got += take;
    }
    this.position += got;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, got);
  }

  /** Discards up to `n` bytes; returns how many were skipped. */
  async skip(n: number): Promise<number> {
    let done = 0;
    while (done < n && (await this.fill())) {
      const take = Math.min(n - done, this.chunk.length);
      this.chunk = this.chunk.subarray(take);
      done += take;
    }
    this.position += done;
    return done;
  }

  /** Hands up to `n` bytes to `sink` piece by piece, without copying; returns how many were read. */
  async forEach(n: number, sink: (piece: Buffer) => void): Promise<number> {
    let done = 0;
    while (done < n && (await this.fill())) {
      const take = Math.min(n - done, this.chunk.length);
      sink(this.chunk.subarray(0, take));
      this.chunk = this.chunk.subarray(take);
      done += take;
    }
    this.position += done;
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
