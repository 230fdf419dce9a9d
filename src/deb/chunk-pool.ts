/**
 * Fixed-size buffers the data archive is written into. Fresh memory for every megabyte of a large
 * payload costs page faults, zeroing by the kernel and garbage collection — more than reading the
 * files. A consumer that knows when it is done with a chunk (the bytes reached a child's pipe)
 * gives it back for reuse; one that does not simply lets it be collected.
 */
export class ChunkPool {
  private readonly free: Buffer[] = [];

  constructor(readonly size: number) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(this.size);
  }

  /** Only whole chunks come back; a piece of one (the archive's last, short chunk) is left alone. */
  give(chunk: Buffer): void {
    if (chunk.length === this.size && chunk.byteOffset === 0 && chunk.buffer.byteLength === this.size) this.free.push(chunk);
  }
}
