/**
 * Finds text signatures in a binary the way lintian does with `strings --all`: a "string" is a
 * run of at least 4 printable ASCII characters (tab included) and each run is a line of its own.
 *
 * Running dozens of regexes over a large binary costs about 10 ms per MiB; instead one pass reads
 * the file as aligned 32-bit words and looks each up in a small hash filter of 4-byte pieces of
 * the signatures' literals (every literal of 7 or more bytes has one such piece at an aligned
 * offset, whatever its position). Only a run that holds a piece is decoded and given to the
 * signature's regex, once per run and signature. Linear in the file size, whatever its content.
 */
import { EMBEDDED_LIBRARY_SIGNATURES, OCAML_BYTECODE_SIGNATURE, type Signature } from './signatures.js';

const WINDOW = 7;
const FILTER_BITS = 16;
const GOLDEN = -1640531535; // 0x9E3779B1 as int32: multiplicative hashing

interface Table {
  signatures: Signature[];
  filter: Uint8Array;
  /** Native-endian 32-bit value of a 4-byte piece → indexes of the signatures it belongs to. */
  owners: Map<number, number[]>;
}

let table: Table | undefined;

const bucket = (word: number): number => Math.imul(word, GOLDEN) >>> (32 - FILTER_BITS);

/**
 * What each ASCII byte costs in a window: letters common in English text 3, other letters 1,
 * anything else 0, so the window with the rarest bytes wins.
 */
const COST = Uint8Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c).toLowerCase();
  return ' etaoinsrhl'.includes(ch) ? 3 : ch >= 'a' && ch <= 'z' ? 1 : 0;
});

/** The literal's window of WINDOW bytes with the lowest cost; the first of equals. */
function rarestWindow(literal: string): string {
  const cost = (i: number): number => COST[literal.charCodeAt(i)] ?? 0;
  let sum = 0;
  for (let i = 0; i < WINDOW; i++) sum += cost(i);
  let best = 0;
  let bestSum = sum;
  for (let i = 1; i + WINDOW <= literal.length; i++) {
    // Slide: the byte leaving, the byte entering.
    sum += cost(i + WINDOW - 1) - cost(i - 1);
    if (sum < bestSum) {
      best = i;
      bestSum = sum;
    }
  }
  return literal.slice(best, best + WINDOW);
}

function caseVariants(piece: string, ignoreCase: boolean): string[] {
  if (!ignoreCase) return [piece];
  let out = [''];
  for (const ch of piece) {
    const forms = [...new Set([ch.toLowerCase(), ch.toUpperCase()])];
    out = out.flatMap((prefix) => forms.map((f) => prefix + f));
  }
  return out;
}

function buildTable(): Table {
  const signatures = [...EMBEDDED_LIBRARY_SIGNATURES, OCAML_BYTECODE_SIGNATURE];
  const filter = new Uint8Array(1 << FILTER_BITS);
  const owners = new Map<number, number[]>();
  const word = new Uint32Array(1);
  const bytes = new Uint8Array(word.buffer);
  signatures.forEach((sig, index) => {
    for (const literal of sig.literals) {
      if (literal.length < WINDOW) throw new Error(`signature ${sig.key}: literal "${literal}" is shorter than ${WINDOW}`);
      // Strings are runs of printable ASCII: any other byte could never be found.
      if (!/^[\t\x20-\x7e]*$/.test(literal)) throw new Error(`signature ${sig.key}: literal "${literal}" is not printable ASCII`);
      const window = rarestWindow(literal);
      for (let shift = 0; shift < 4; shift++) {
        for (const piece of caseVariants(window.slice(shift, shift + 4), sig.regex.ignoreCase)) {
          for (let k = 0; k < 4; k++) bytes[k] = piece.charCodeAt(k);
          const value = word[0]!;
          filter[bucket(value)] = 1;
          const list = owners.get(value) ?? [];
          if (!list.includes(index)) list.push(index);
          owners.set(value, list);
        }
      }
    }
  });
  return { signatures, filter, owners };
}

const isPrintable = (c: number): boolean => (c >= 0x20 && c <= 0x7e) || c === 0x09;

/** Keys of the signatures found in `data`'s strings. */
export function scanStrings(data: Uint8Array): Set<string> {
  table ??= buildTable();
  const { signatures, filter, owners } = table;
  const found = new Set<string>();
  const start = (4 - (data.byteOffset & 3)) & 3;
  if (data.length < start + 4) return found;
  const words = new Uint32Array(data.buffer, data.byteOffset + start, (data.length - start) >>> 2);
  // The run around the latest hit, and which signatures were already tried on it.
  let runStart = -1;
  let runEnd = -1;
  let runText: string | undefined;
  let tried = new Set<number>();
  const n = words.length;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    if (filter[Math.imul(w, GOLDEN) >>> (32 - FILTER_BITS)] === 0) continue;
    const candidates = owners.get(w);
    if (!candidates) continue;
    const pos = start + 4 * i;
    if (pos >= runEnd) {
      runStart = pos;
      while (runStart > 0 && isPrintable(data[runStart - 1]!)) runStart--;
      runEnd = pos;
      while (runEnd < data.length && isPrintable(data[runEnd]!)) runEnd++;
      runText = undefined;
      tried = new Set();
    }
    for (const index of candidates) {
      const sig = signatures[index]!;
      if (found.has(sig.key) || tried.has(index)) continue;
      tried.add(index);
      runText ??= Buffer.from(data.buffer, data.byteOffset + runStart, runEnd - runStart).toString('latin1') + '\n';
      if (sig.regex.test(runText)) found.add(sig.key);
    }
  }
  return found;
}
