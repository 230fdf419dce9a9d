/**
 * Reading scalar values the way nfpm (Go's yaml.v3) reads them, so an nfpm.yaml means the same
 * here: integers may be written `0644` (octal, not decimal as YAML 1.2 would say), `0o644`, `0x1a4`
 * or `420`; booleans accept YAML 1.1's yes/no/on/off; timestamps are RFC 3339 or a bare date.
 */
import type { Compression, CompressionAlgo } from '../deb/types.js';

const BOOL_TRUE = new Set(['true', 'True', 'TRUE', 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['false', 'False', 'FALSE', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** A plain YAML scalar read as a boolean, as yaml.v3 does for a bool field; undefined if it is not one. */
export function parseYamlBool(text: string): boolean | undefined {
  if (BOOL_TRUE.has(text)) return true;
  if (BOOL_FALSE.has(text)) return false;
  return undefined;
}

/** A plain YAML scalar read as an integer with Go's base-0 rules (leading `0` is octal). */
export function parseYamlInt(text: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const digits = m[2]!;
  let n: number;
  if (/^0[xX]/.test(digits)) n = parseInt(digits.slice(2), 16);
  else if (/^0[oO]/.test(digits)) n = parseInt(digits.slice(2), 8);
  else if (/^0[bB]/.test(digits)) n = parseInt(digits.slice(2), 2);
  else if (digits.length > 1 && digits.startsWith('0')) n = parseInt(digits.slice(1), 8);
  else n = parseInt(digits, 10);
  return Number.isSafeInteger(n) ? sign * n : undefined;
}

/**
 * A decimal integer written as if it were octal (`644`, `755`, `22`): nfpm reads it as decimal
 * (644 = 0o1204), which is almost never what was meant.
 */
export function looksLikeOctalWrittenAsDecimal(text: string): boolean {
  return /^[1-7][0-7]+$/.test(text);
}

/** An octal mode given as a string: `0644`, `644`, `0o644`. */
export function parseOctalString(text: string): number | undefined {
  const m = /^(?:0[oO]?)?([0-7]{1,4})$/.exec(text.trim());
  return m ? parseInt(m[1]!, 8) : undefined;
}

/** A mode or umask as written (number already read by the YAML stage, or an octal string). */
export function modeValue(v: number | string): number | undefined {
  return typeof v === 'number' ? v : parseOctalString(v);
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?\s*([Zz]|[+-]\d{2}:\d{2})?)?$/;

/** RFC 3339 (or YAML's bare date, taken as UTC midnight) to whole seconds since the epoch. */
export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined; // 31 Feb
  let offset = 0;
  const zone = m[8];
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
  }
  return Math.floor(ms / 1000) - offset;
}

/** Allowed levels per algorithm (what dpkg-deb and the codecs accept). */
export const COMPRESSION_LEVELS: Record<CompressionAlgo, [number, number] | undefined> = {
  gzip: [0, 9],
  xz: [0, 9],
  zstd: [1, 22],
  none: undefined,
};

/** nfpm's `algo` or `algo:level` syntax; undefined when it is not that shape. */
export function parseCompressionSyntax(text: string): { algo: string; level?: number } | undefined {
  const m = /^([a-z0-9]+)(?::(-?\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  return m[2] === undefined ? { algo: m[1]! } : { algo: m[1]!, level: Number(m[2]) };
}

/** Why a compression setting is not acceptable (a phrase following the value), or undefined. */
export function compressionProblem(text: string): string | undefined {
  const parsed = parseCompressionSyntax(text);
  if (!parsed || !Object.prototype.hasOwnProperty.call(COMPRESSION_LEVELS, parsed.algo)) {
    return 'is not a supported compression (gzip, xz, zstd or none)';
  }
  if (parsed.level === undefined || parsed.level === -1) return undefined;
  const range = COMPRESSION_LEVELS[parsed.algo as CompressionAlgo];
  if (!range) return `has a level, but ${parsed.algo} takes none`;
  if (parsed.level < range[0] || parsed.level > range[1]) {
    return `has a level out of range: ${parsed.algo} levels go from ${range[0]} to ${range[1]}`;
  }
  return undefined;
}

/** A validated compression string as the .deb writer's `Compression`; nfpm's `-1` means the default level. */
export function toCompression(text: string): Compression {
  const parsed = parseCompressionSyntax(text)!;
  const algo = parsed.algo as CompressionAlgo;
  return parsed.level === undefined || parsed.level === -1 ? { algo } : { algo, level: parsed.level };
}
