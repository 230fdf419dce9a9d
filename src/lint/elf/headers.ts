/**
 * The ELF header and the program and section header tables, read defensively: counts are clamped
 * to what the file can hold, and a table that does not fit is reported as damage, not thrown.
 */
import type { ElfView } from './view.js';

export interface FileHeader {
  type: number;
  machine: number;
  phoff: number;
  shoff: number;
  phentsize: number;
  phnum: number;
  shentsize: number;
  /** e_shnum as stored (0 means "see section 0" when there are section headers). */
  shnum: number;
  shstrndx: number;
}

export interface ProgramHeader {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

export interface SectionHeader {
  nameOffset: number;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  entsize: number;
}

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_GNU_STACK = 0x6474e551;
export const PT_GNU_RELRO = 0x6474e552;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_DYNAMIC = 6;
export const SHT_NOBITS = 8;
export const SHT_DYNSYM = 11;

const PN_XNUM = 0xffff;
const SHN_XINDEX = 0xffff;
/** More section headers than any real object has; also bounds the work a hostile count can cause. */
export const MAX_SECTIONS = 1 << 20;

/** Fields after e_ident; undefined ones are beyond the end of a truncated file. */
export function readFileHeader(v: ElfView): Partial<FileHeader> {
  const at = (o32: number, o64: number) => (v.is64 ? o64 : o32);
  return {
    type: v.u16(16),
    machine: v.u16(18),
    phoff: v.word(at(28, 32)),
    shoff: v.word(at(32, 40)),
    phentsize: v.u16(at(42, 54)),
    phnum: v.u16(at(44, 56)),
    shentsize: v.u16(at(46, 58)),
    shnum: v.u16(at(48, 60)),
    shstrndx: v.u16(at(50, 62)),
  };
}

export function readSection(v: ElfView, at: number): SectionHeader | undefined {
  const w = v.is64 ? 8 : 4;
  const nameOffset = v.u32(at);
  const type = v.u32(at + 4);
  const flags = v.word(at + 8);
  const addr = v.word(at + 8 + w);
  const offset = v.word(at + 8 + 2 * w);
  const size = v.word(at + 8 + 3 * w);
  const link = v.u32(at + 8 + 4 * w);
  const info = v.u32(at + 12 + 4 * w);
  const entsize = v.word(at + 16 + 5 * w);
  if (nameOffset === undefined || type === undefined || flags === undefined || addr === undefined || offset === undefined) return undefined;
  if (size === undefined || link === undefined || info === undefined || entsize === undefined) return undefined;
  return { nameOffset, type, flags, addr, offset, size, link, info, entsize };
}

export function readProgram(v: ElfView, at: number): ProgramHeader | undefined {
  const type = v.u32(at);
  const flags = v.is64 ? v.u32(at + 4) : v.u32(at + 24);
  const offset = v.is64 ? v.u64(at + 8) : v.u32(at + 4);
  const vaddr = v.is64 ? v.u64(at + 16) : v.u32(at + 8);
  const filesz = v.is64 ? v.u64(at + 32) : v.u32(at + 16);
  if (type === undefined || flags === undefined || offset === undefined || vaddr === undefined || filesz === undefined) return undefined;
  return { type, flags, offset, vaddr, filesz };
}

/** How many entries of `size` bytes fit in the file from `offset` on. */
function room(v: ElfView, offset: number, size: number): number {
  return v.fits(offset, 0) ? Math.floor((v.size - offset) / size) : 0;
}

export interface Tables {
  programs: ProgramHeader[];
  sections: SectionHeader[];
  /** Index of the section-name string table, when valid. */
  shstrndx?: number;
  /** e_shnum after the extended-numbering rule, before clamping: file(1) refuses more than 32768. */
  declaredSections: number;
  damage: string[];
}

export function readTables(v: ElfView, h: Partial<FileHeader>): Tables {
  const damage: string[] = [];
  const sectionSize = v.is64 ? 64 : 40;
  const programSize = v.is64 ? 56 : 32;
  // Section 0 holds the real counts when they overflow the 16-bit header fields.
  const zero = h.shoff && h.shentsize === sectionSize ? readSection(v, h.shoff) : undefined;
  let shnum = h.shnum ?? 0;
  if (shnum === 0 && zero) shnum = zero.size;
  let phnum = h.phnum ?? 0;
  if (phnum === PN_XNUM && zero) phnum = zero.info;
  let shstrndx: number | undefined = h.shstrndx;
  if (shstrndx === SHN_XINDEX && zero) shstrndx = zero.link;

  const sections: SectionHeader[] = [];
  if (h.shoff && shnum > 0) {
    if (h.shentsize !== sectionSize) damage.push(`section header size ${h.shentsize ?? '?'}`);
    else {
      const fit = Math.min(shnum, MAX_SECTIONS, room(v, h.shoff, sectionSize));
      if (fit < shnum) damage.push('section headers beyond the end of the file');
      for (let i = 0; i < fit; i++) {
        const s = readSection(v, h.shoff + i * sectionSize);
        if (s) sections.push(s);
      }
    }
  }
  const programs: ProgramHeader[] = [];
  if (h.phoff && phnum > 0) {
    if (h.phentsize !== programSize) damage.push(`program header size ${h.phentsize ?? '?'}`);
    else {
      const fit = Math.min(phnum, room(v, h.phoff, programSize));
      if (fit < phnum) damage.push('program headers beyond the end of the file');
      for (let i = 0; i < fit; i++) {
        const p = readProgram(v, h.phoff + i * programSize);
        if (p) programs.push(p);
      }
    }
  }
  const validShstrndx = shstrndx !== undefined && shstrndx > 0 && shstrndx < sections.length ? shstrndx : undefined;
  return { programs, sections, declaredSections: shnum, damage, ...(validShstrndx !== undefined ? { shstrndx: validShstrndx } : {}) };
}
