/**
 * An LZMA2 decoder (the codec inside .xz), after the LZMA specification's reference decoder:
 * a range decoder, adaptive bit probabilities, literals, matches and repeated matches over a
 * sliding dictionary. Written for hostile input: every distance is checked against what has
 * been decoded, every chunk against its declared sizes, so a damaged stream is an error, never
 * a hang or an out-of-bounds read. Output comes out chunk by chunk (at most 2 MiB each).
 */

export class XzDataError extends Error {}

const BIT_MODEL_TOTAL = 1 << 11;
const MOVE_BITS = 5;
const STATES = 12;
const POS_STATES_MAX = 1 << 4;
const LEN_LOW = 8;
const LEN_MID = 8;
const LEN_HIGH = 256;
const LEN_STATES = 4;
const END_POS_MODEL = 14;
const FULL_DISTANCES = 1 << (END_POS_MODEL >> 1);
const ALIGN_BITS = 4;

/** The growing, then circular, window of recent output that matches copy from. */
class Dictionary {
  buf: Uint8Array;
  pos = 0;
  /** Bytes written since the last reset (distances must not reach further back). */
  total = 0;
  /** Whether pos has wrapped at least once. */
  private wrapped = false;
  /** Where the output not yet handed out starts. */
  private flushed = 0;
  private readonly out: Uint8Array[] = [];

  /** `expected`: how much the block decodes to, when known, so small blocks get small buffers. */
  constructor(
    readonly size: number,
    expected = 1 << 16,
  ) {
    this.buf = new Uint8Array(Math.max(1, Math.min(size, expected, 1 << 20)));
  }

  reset(): void {
    this.total = 0;
  }

  private grow(): void {
    if (this.pos < this.buf.length) return;
    if (this.buf.length < this.size) {
      const next = new Uint8Array(Math.min(this.size, this.buf.length * 2));
      next.set(this.buf);
      this.buf = next;
      return;
    }
    this.takeOutput();
    this.pos = 0;
    this.flushed = 0;
    this.wrapped = true;
  }

  put(byte: number): void {
    this.grow();
    this.buf[this.pos++] = byte;
    this.total++;
  }

  /** The byte `distance + 1` back; the caller has checked that it exists. */
  get(distance: number): number {
    const i = this.pos - distance - 1;
    return this.buf[i >= 0 ? i : i + this.buf.length]!;
  }

  copy(distance: number, length: number): void {
    if (distance >= this.total || distance >= this.size) throw new XzDataError('match distance beyond the decoded data');
    for (let n = 0; n < length; n++) this.put(this.get(distance));
  }

  putBytes(data: Uint8Array): void {
    for (const b of data) this.put(b);
  }

  /** Moves what was written since the last call to the output list. */
  takeOutput(): void {
    if (this.pos > this.flushed) this.out.push(this.buf.slice(this.flushed, this.pos));
    this.flushed = this.pos;
  }

  drain(): Uint8Array[] {
    this.takeOutput();
    return this.out.splice(0);
  }

  get hasWrapped(): boolean {
    return this.wrapped;
  }
}

class RangeDecoder {
  range = 0xffffffff;
  code = 0;
  pos: number;

  constructor(
    private readonly input: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    if (end - start < 5 || input[start] !== 0) throw new XzDataError('bad range coder start');
    this.pos = start + 1;
    for (let i = 0; i < 4; i++) this.code = ((this.code << 8) | input[this.pos++]!) >>> 0;
    if (this.code === this.range) throw new XzDataError('bad range coder start');
  }

  private next(): number {
    if (this.pos >= this.end) throw new XzDataError('compressed chunk ends too early');
    return this.input[this.pos++]!;
  }

  bit(probs: Uint16Array, i: number): number {
    const p = probs[i]!;
    const bound = (this.range >>> 11) * p;
    let bit: number;
    if (this.code < bound) {
      this.range = bound;
      probs[i] = p + ((BIT_MODEL_TOTAL - p) >>> MOVE_BITS);
      bit = 0;
    } else {
      this.range = (this.range - bound) >>> 0;
      this.code = (this.code - bound) >>> 0;
      probs[i] = p - (p >>> MOVE_BITS);
      bit = 1;
    }
    if (this.range < 0x1000000) {
      this.range = (this.range << 8) >>> 0;
      this.code = ((this.code << 8) | this.next()) >>> 0;
    }
    return bit;
  }

  direct(count: number): number {
    let result = 0;
    for (let i = 0; i < count; i++) {
      this.range >>>= 1;
      let bit = 0;
      if (this.code >= this.range) {
        this.code = (this.code - this.range) >>> 0;
        bit = 1;
      }
      result = ((result << 1) | bit) >>> 0;
      if (this.range < 0x1000000) {
        this.range = (this.range << 8) >>> 0;
        this.code = ((this.code << 8) | this.next()) >>> 0;
      }
    }
    return result;
  }

  tree(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) | this.bit(probs, offset + m);
    return m - (1 << bits);
  }

  reverseTree(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < bits; i++) {
      const bit = this.bit(probs, offset + m);
      m = (m << 1) | bit;
      symbol |= bit << i;
    }
    return symbol;
  }

  /** A finished LZMA chunk leaves the range coder with code 0 (the encoder flushed it). */
  get finishedCleanly(): boolean {
    return this.code === 0;
  }
}

/** Probabilities of one length decoder: choice, choice2, low[16][8], mid[16][8], high[256]. */
const LEN_PROBS = 2 + POS_STATES_MAX * LEN_LOW + POS_STATES_MAX * LEN_MID + LEN_HIGH;

class LengthDecoder {
  readonly probs = new Uint16Array(LEN_PROBS);

  reset(): void {
    this.probs.fill(BIT_MODEL_TOTAL >> 1);
  }

  decode(rc: RangeDecoder, posState: number): number {
    if (rc.bit(this.probs, 0) === 0) return rc.tree(this.probs, 2 + posState * LEN_LOW, 3);
    if (rc.bit(this.probs, 1) === 0) return LEN_LOW + rc.tree(this.probs, 2 + POS_STATES_MAX * LEN_LOW + posState * LEN_MID, 3);
    return LEN_LOW + LEN_MID + rc.tree(this.probs, 2 + POS_STATES_MAX * (LEN_LOW + LEN_MID), 8);
  }
}

/** The LZMA state that LZMA2 chunks carry over (or reset). */
class LzmaState {
  lc = 0;
  lp = 0;
  pb = 0;
  literal = new Uint16Array(0x300 << 4);
  isMatch = new Uint16Array(STATES << 4);
  isRep = new Uint16Array(STATES);
  isRepG0 = new Uint16Array(STATES);
  isRepG1 = new Uint16Array(STATES);
  isRepG2 = new Uint16Array(STATES);
  isRep0Long = new Uint16Array(STATES << 4);
  posSlot = new Uint16Array(LEN_STATES << 6);
  posDecoders = new Uint16Array(1 + FULL_DISTANCES - END_POS_MODEL);
  align = new Uint16Array(1 << ALIGN_BITS);
  len = new LengthDecoder();
  repLen = new LengthDecoder();
  state = 0;
  reps = [0, 0, 0, 0];

  setProps(props: number): void {
    if (props >= 9 * 5 * 5) throw new XzDataError('bad LZMA properties');
    this.lc = props % 9;
    this.lp = Math.floor(props / 9) % 5;
    this.pb = Math.floor(props / 45);
    if (this.lc + this.lp > 4) throw new XzDataError('bad LZMA2 properties: lc + lp > 4');
    this.literal = new Uint16Array(0x300 << (this.lc + this.lp));
  }

  reset(): void {
    for (const p of [this.literal, this.isMatch, this.isRep, this.isRepG0, this.isRepG1, this.isRepG2, this.isRep0Long, this.posSlot, this.posDecoders, this.align]) {
      p.fill(BIT_MODEL_TOTAL >> 1);
    }
    this.len.reset();
    this.repLen.reset();
    this.state = 0;
    this.reps = [0, 0, 0, 0];
  }

  /** Decodes until the chunk's `size` bytes have been written to `dict`. */
  decode(rc: RangeDecoder, dict: Dictionary, size: number): void {
    const pbMask = (1 << this.pb) - 1;
    const lpMask = (1 << this.lp) - 1;
    const end = dict.total + size;
    const reps = this.reps;
    let state = this.state;
    while (dict.total < end) {
      const posState = dict.total & pbMask;
      if (rc.bit(this.isMatch, (state << 4) + posState) === 0) {
        const prev = dict.total > 0 ? dict.get(0) : 0;
        const base = 0x300 * (((dict.total & lpMask) << this.lc) + (prev >>> (8 - this.lc)));
        let symbol = 1;
        if (state >= 7) {
          if (reps[0]! >= dict.total) throw new XzDataError('match distance beyond the decoded data');
          let matchByte = dict.get(reps[0]!);
          do {
            const matchBit = (matchByte >>> 7) & 1;
            matchByte <<= 1;
            const bit = rc.bit(this.literal, base + ((1 + matchBit) << 8) + symbol);
            symbol = (symbol << 1) | bit;
            if (matchBit !== bit) break;
          } while (symbol < 0x100);
        }
        while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(this.literal, base + symbol);
        dict.put(symbol & 0xff);
        state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
        continue;
      }
      let len: number;
      if (rc.bit(this.isRep, state) !== 0) {
        if (dict.total === 0) throw new XzDataError('repeated match before any data');
        if (rc.bit(this.isRepG0, state) === 0) {
          if (rc.bit(this.isRep0Long, (state << 4) + posState) === 0) {
            state = state < 7 ? 9 : 11;
            dict.copy(reps[0]!, 1);
            continue;
          }
        } else {
          let dist: number;
          if (rc.bit(this.isRepG1, state) === 0) dist = reps[1]!;
          else {
            if (rc.bit(this.isRepG2, state) === 0) dist = reps[2]!;
            else {
              dist = reps[3]!;
              reps[3] = reps[2]!;
            }
            reps[2] = reps[1]!;
          }
          reps[1] = reps[0]!;
          reps[0] = dist;
        }
        len = this.repLen.decode(rc, posState);
        state = state < 7 ? 8 : 11;
      } else {
        reps[3] = reps[2]!;
        reps[2] = reps[1]!;
        reps[1] = reps[0]!;
        len = this.len.decode(rc, posState);
        state = state < 7 ? 7 : 10;
        reps[0] = this.distance(rc, len);
        if (reps[0] === 0xffffffff) throw new XzDataError('end marker inside an LZMA2 chunk');
      }
      len += 2;
      if (len > end - dict.total) throw new XzDataError('match runs past the end of the chunk');
      dict.copy(reps[0]!, len);
    }
    this.state = state;
  }

  private distance(rc: RangeDecoder, len: number): number {
    const lenState = Math.min(len, LEN_STATES - 1);
    const slot = rc.tree(this.posSlot, lenState << 6, 6);
    if (slot < 4) return slot;
    const directBits = (slot >>> 1) - 1;
    let dist = ((2 | (slot & 1)) << directBits) >>> 0;
    if (slot < END_POS_MODEL) return (dist + rc.reverseTree(this.posDecoders, dist - slot, directBits)) >>> 0;
    dist = (dist + ((rc.direct(directBits - ALIGN_BITS) << ALIGN_BITS) >>> 0)) >>> 0;
    return (dist + rc.reverseTree(this.align, 0, ALIGN_BITS)) >>> 0;
  }
}

/**
 * Decodes the LZMA2 data of one .xz block starting at `start`, yielding the output chunk by chunk
 * (so a consumer that stops pulling stops the work); returns the offset after the end marker.
 */
export function* decodeLzma2(input: Uint8Array, start: number, dictSize: number, expected?: number): Generator<Uint8Array, number> {
  const dict = new Dictionary(dictSize, expected);
  const lzma = new LzmaState();
  let pos = start;
  let needDictReset = true;
  let needProps = true;
  const byte = (): number => {
    if (pos >= input.length) throw new XzDataError('truncated LZMA2 data');
    return input[pos++]!;
  };
  for (;;) {
    const control = byte();
    if (control === 0) break;
    if (control >= 0xe0 || control === 0x01) {
      needProps = true;
      needDictReset = false;
      dict.reset();
    } else if (needDictReset) throw new XzDataError('LZMA2 data does not start with a dictionary reset');
    if (control < 0x80) {
      if (control > 0x02) throw new XzDataError(`bad LZMA2 control byte ${control}`);
      const size = ((byte() << 8) | byte()) + 1;
      if (input.length - pos < size) throw new XzDataError('truncated LZMA2 data');
      dict.putBytes(input.subarray(pos, pos + size));
      pos += size;
    } else {
      const size = ((control & 0x1f) << 16) + ((byte() << 8) | byte()) + 1;
      const packed = ((byte() << 8) | byte()) + 1;
      if (control >= 0xc0) {
        lzma.setProps(byte());
        needProps = false;
      } else if (needProps) throw new XzDataError('LZMA2 chunk without properties');
      if (control >= 0xa0) lzma.reset();
      if (input.length - pos < packed) throw new XzDataError('truncated LZMA2 data');
      const rc = new RangeDecoder(input, pos, pos + packed);
      lzma.decode(rc, dict, size);
      if (rc.pos !== pos + packed || !rc.finishedCleanly) throw new XzDataError('LZMA2 chunk size mismatch');
      pos += packed;
    }
    yield* dict.drain();
  }
  return pos;
}
