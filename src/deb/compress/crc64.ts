/**
 * CRC-64/XZ (ECMA-182 polynomial, reflected), the default integrity check of .xz files, with the
 * 64-bit state kept as two 32-bit halves so no BigInt arithmetic runs per byte.
 */

const POLY_HI = 0xc96c5795;
const POLY_LO = 0xd7870f42;

let tableHi: Uint32Array | undefined;
let tableLo: Uint32Array | undefined;

function tables(): [Uint32Array, Uint32Array] {
  if (!tableHi || !tableLo) {
    tableHi = new Uint32Array(256);
    tableLo = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let hi = 0;
      let lo = n;
      for (let k = 0; k < 8; k++) {
        const carry = lo & 1;
        lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
        hi >>>= 1;
        if (carry) {
          hi = (hi ^ POLY_HI) >>> 0;
          lo = (lo ^ POLY_LO) >>> 0;
        }
      }
      tableHi[n] = hi;
      tableLo[n] = lo;
    }
  }
  return [tableHi, tableLo];
}

/** The running state: the inverted CRC's high and low halves. */
export type Crc64State = [hi: number, lo: number];

export const crc64 = {
  initial: (): Crc64State => [0xffffffff, 0xffffffff],

  update([hi, lo]: Crc64State, data: Uint8Array): Crc64State {
    const [th, tl] = tables();
    for (let i = 0; i < data.length; i++) {
      const index = (lo ^ data[i]!) & 0xff;
      lo = ((lo >>> 8) | ((hi & 0xff) << 24)) >>> 0;
      hi >>>= 8;
      hi = (hi ^ th[index]!) >>> 0;
      lo = (lo ^ tl[index]!) >>> 0;
    }
    return [hi, lo];
  },

  /** Compares with the little-endian value stored in the file. */
  equals([hi, lo]: Crc64State, stored: Uint8Array): boolean {
    const u32 = (at: number) => (stored[at]! | (stored[at + 1]! << 8) | (stored[at + 2]! << 16) | (stored[at + 3]! << 24)) >>> 0;
    return stored.length >= 8 && u32(0) === ~lo >>> 0 && u32(4) === ~hi >>> 0;
  },

  value([hi, lo]: Crc64State): bigint {
    return (BigInt(~hi >>> 0) << 32n) | BigInt(~lo >>> 0);
  },
};
