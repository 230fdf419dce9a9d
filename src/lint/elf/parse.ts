/**
 * ELF parsing for the binary checks. (Placeholder signature; the parser replaces this body.)
 */
import type { ElfInfo } from './types.js';

/** Parses an ELF object held in memory; undefined when it is not ELF or too damaged to read. */
export function parseElf(data: Buffer): ElfInfo | undefined {
  void data;
  return undefined;
}
