/** Reading small package files (copyright, changelogs, gzip headers) the way lintian reads them. */
import { gunzipSync } from 'node:zlib';
import type { LintFile } from '../../types.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The whole content when the loader kept it (wantsContent) or the head already holds it all. */
export function bytesOf(file: LintFile): Buffer | undefined {
  if (file.content) return file.content;
  if (file.head && file.head.length >= file.size) return file.head;
  return undefined;
}

/** Files the checks read are kept up to 1 MiB; inflated, they may not pass this (a compression bomb would). */
export const MAX_INFLATED = 64 * 1024 * 1024;

/** gzip data inflated, or undefined when it is damaged or inflates past `limit`. */
export function inflate(bytes: Uint8Array, limit = MAX_INFLATED): Buffer | undefined {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch {
    return undefined;
  }
}

/**
 * The file as text, gunzipped first when `gzip`; undefined when unreadable or not valid UTF-8
 * (lintian then skips the file and another check reports the encoding).
 */
export function readText(file: LintFile, opts: { gzip: boolean }): string | undefined {
  const bytes = bytesOf(file);
  const raw = bytes && opts.gzip ? inflate(bytes) : bytes;
  return raw && strictUtf8(raw);
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8 (Unicode::UTF8's valid_utf8). */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Perl's `length` on a decoded string: code points, not UTF-16 units. */
export function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

export interface GzipType {
  gzip: boolean;
  /** file(1) says "max compression" (XFL byte 2, as gzip -9 writes it). */
  maxCompression: boolean;
}

/**
 * What lintian's file type says about gzip for a file: file(1) recognises the magic from 4 bytes
 * and prints "max compression" when byte 8 is exactly 2 (from 10 bytes); for `*.gz` names file(1)
 * missed, lintian reads the magic itself and tests byte 8 as a flag. `*.tfm` are never gzip.
 */
export function gzipType(name: string, file: LintFile | undefined): GzipType {
  const head = file?.head;
  const size = file?.size ?? 0;
  const no = { gzip: false, maxCompression: false };
  if (!head || head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) return no;
  if (size >= 4) {
    if (/\.tfm$/i.test(name)) return no;
    return { gzip: true, maxCompression: size >= 10 && head[8] === 2 };
  }
  if (/\.gz$/i.test(name)) return { gzip: true, maxCompression: ((head[8] ?? 0) & 2) !== 0 };
  return no;
}
