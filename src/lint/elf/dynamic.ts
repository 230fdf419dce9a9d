/**
 * The dynamic section (DT_NEEDED, DT_SONAME, DT_RPATH/RUNPATH, DT_TEXTREL, DT_FLAGS, DT_FLAGS_1) and the
 * undefined symbols of .dynsym, located the way readelf locates them.
 */
import { PT_DYNAMIC, PT_LOAD, SHT_DYNAMIC, SHT_DYNSYM, SHT_NOBITS, type ProgramHeader, type SectionHeader } from './headers.js';
import type { ElfView } from './view.js';
import { perlFields } from '../linear-text.js';

const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const DT_SONAME = 14;
const DT_RPATH = 15;
const DT_TEXTREL = 22;
const DT_RUNPATH = 29;
const DT_FLAGS = 30;
const DT_FLAGS_1 = 0x6ffffffb;
const DF_BIND_NOW = 0x8;
const DF_1_NOW = 0x1;
const DF_1_PIE = 0x08000000;
/** Far more entries than any real dynamic section or symbol table has. */
const MAX_ENTRIES = 1 << 20;

export interface DynamicInfo {
  needed: string[];
  soname?: string;
  rpath: string[];
  runpath: string[];
  textrel: boolean;
  pie: boolean;
  /**
   * Bound at load time (`-z now`) as lintian reads readelf: DF_1_NOW in DT_FLAGS_1 or DF_BIND_NOW
   * in DT_FLAGS. An old-style DT_BIND_NOW entry alone does not count: readelf prints it with no
   * value, and lintian's line pattern wants one.
   */
  bindNow: boolean;
  damage: string[];
}

/** File offset of a virtual address, through the PT_LOAD segment that maps it from the file. */
function fileOffset(programs: ProgramHeader[], addr: number): number | undefined {
  for (const p of programs) {
    if (p.type === PT_LOAD && addr >= p.vaddr && addr < p.vaddr + p.filesz) return addr - p.vaddr + p.offset;
  }
  return undefined;
}

/** Printable ASCII only: lintian drops readelf lines with anything else in them. */
const printable = (s: string | undefined): s is string => s !== undefined && /^[\x20-\x7f]*$/.test(s);

export function readDynamic(v: ElfView, programs: ProgramHeader[], sections: SectionHeader[], names: string[]): DynamicInfo | undefined {
  const segment = programs.find((p) => p.type === PT_DYNAMIC);
  if (!segment) return undefined;
  const info: DynamicInfo = { needed: [], rpath: [], runpath: [], textrel: false, pie: false, bindNow: false, damage: [] };
  // readelf prefers the .dynamic section's extent over the segment's when there is one.
  const sectionIndex = sections.findIndex((s, i) => names[i] === '.dynamic' && s.type === SHT_DYNAMIC);
  const section = sections[sectionIndex];
  if (section?.type === SHT_NOBITS) return info;
  const start = section ? section.offset : segment.offset;
  const size = section ? section.size : segment.filesz;
  if (!v.fits(start, 0)) {
    info.damage.push('dynamic section beyond the end of the file');
    return info;
  }
  const entry = v.is64 ? 16 : 8;
  const count = Math.min(MAX_ENTRIES, Math.floor(Math.min(size, v.size - start) / entry));
  const tags: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const tag = v.tag(start + i * entry);
    const value = v.word(start + i * entry + entry / 2);
    if (tag === undefined || value === undefined || tag === DT_NULL) break;
    tags.push([tag, value]);
  }
  const strtab = tags.find(([t]) => t === DT_STRTAB)?.[1];
  const strsz = tags.find(([t]) => t === DT_STRSZ)?.[1];
  let strOffset = strtab === undefined ? undefined : fileOffset(programs, strtab);
  let strEnd = strOffset === undefined ? undefined : strOffset + (strsz ?? v.size);
  if (strOffset === undefined && section && sections[section.link]) {
    // No usable DT_STRTAB mapping: fall back on the string table the section links to.
    const linked = sections[section.link]!;
    strOffset = linked.offset;
    strEnd = linked.offset + linked.size;
  }
  const str = (value: number): string | undefined =>
    strOffset === undefined || strEnd === undefined ? undefined : v.cstring(strOffset + value, strEnd);
  for (const [tag, value] of tags) {
    if (tag === DT_TEXTREL) info.textrel = true;
    // `&` works on the low 32 bits, where DF_1_PIE lives (Infinity, an absurd value, gives 0).
    else if (tag === DT_FLAGS_1) {
      info.pie = (value & DF_1_PIE) !== 0;
      if (value & DF_1_NOW) info.bindNow = true;
    } else if (tag === DT_FLAGS && value & DF_BIND_NOW) info.bindNow = true;
    else if (tag === DT_NEEDED || tag === DT_SONAME || tag === DT_RPATH || tag === DT_RUNPATH) {
      const s = str(value);
      if (!printable(s)) {
        info.damage.push(`unreadable string for dynamic tag ${tag}`);
        continue;
      }
      if (tag === DT_NEEDED) info.needed.push(s);
      else if (tag === DT_SONAME) info.soname ??= s;
      else (tag === DT_RPATH ? info.rpath : info.runpath).push(...splitPath(s));
    }
  }
  return info;
}

/** Perl's split(/:/, …), as lintian splits RPATH. */
const splitPath = (s: string): string[] => perlFields(s.split(':'));

/** Names of undefined symbols in .dynsym (st_shndx == SHN_UNDEF), without duplicates. */
export function readImports(v: ElfView, sections: SectionHeader[]): string[] {
  const dynsym = sections.find((s) => s.type === SHT_DYNSYM);
  const strings = dynsym && sections[dynsym.link];
  if (!dynsym || !strings || !v.fits(dynsym.offset, 0)) return [];
  const entry = v.is64 ? 24 : 16;
  const count = Math.min(MAX_ENTRIES, Math.floor(Math.min(dynsym.size, v.size - dynsym.offset) / entry));
  const names = new Set<string>();
  for (let i = 1; i < count; i++) {
    const at = dynsym.offset + i * entry;
    const name = v.u32(at);
    const shndx = v.u16(at + (v.is64 ? 6 : 14));
    if (name === undefined || shndx === undefined || shndx !== 0 || name === 0) continue;
    const s = v.cstring(strings.offset + name, strings.offset + strings.size);
    if (s) names.add(s);
  }
  return [...names];
}
