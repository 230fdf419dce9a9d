/**
 * ELF parsing for the binary checks: pure TypeScript, both classes and byte orders, every read
 * bounds-checked. A damaged file yields what could be read safely (and says so in `damaged`);
 * only a file that is not ELF at all yields undefined.
 */
import { readDynamic, readImports } from './dynamic.js';
import { PT_GNU_RELRO, PT_GNU_STACK, PT_INTERP, SHT_SYMTAB, readFileHeader, readSection, readTables, type FileHeader } from './headers.js';
import { scanStrings } from './strings.js';
import type { ElfInfo } from './types.js';
import { ElfView } from './view.js';

const PATH_MAX = 4096;

/** Parses an ELF object held in memory; undefined when it is not ELF or too damaged to read. */
export function parseElf(data: Buffer): ElfInfo | undefined {
  try {
    return readElf(data);
  } catch {
    // Every read is bounds-checked; this only keeps a bug from crashing a whole lint run.
    return undefined;
  }
}

/** parseElf without the safety net, so tests see any exception a hostile input provokes. */
export function readElf(data: Buffer): ElfInfo | undefined {
  if (data.length < 6 || data.readUInt32BE(0) !== 0x7f454c46) return undefined;
  const elfClass = data[4];
  const encoding = data[5];
  if ((elfClass !== 1 && elfClass !== 2) || (encoding !== 1 && encoding !== 2)) return undefined;
  const v = new ElfView(data, elfClass === 2, encoding === 1);
  const header = readFileHeader(v);
  const damage: string[] = [];
  if (header.shstrndx === undefined) damage.push('truncated ELF header');
  const tables = readTables(v, header);
  damage.push(...tables.damage);
  const { programs, sections } = tables;

  const shstrtab = tables.shstrndx === undefined ? undefined : sections[tables.shstrndx];
  const names = sections.map((s) => (shstrtab ? (v.cstring(shstrtab.offset + s.nameOffset, shstrtab.offset + shstrtab.size) ?? '') : ''));

  const interpHeader = programs.find((p) => p.type === PT_INTERP);
  const interpreter = interpHeader && readInterpreter(v, interpHeader.offset);
  const stack = programs.find((p) => p.type === PT_GNU_STACK);
  const dynamic = readDynamic(v, programs, sections, names);
  damage.push(...(dynamic?.damage ?? []));
  const type = header.type ?? 0;
  const needed = dynamic?.needed ?? [];
  const found = scanStrings(data);

  return {
    class: elfClass === 2 ? 64 : 32,
    endian: encoding === 1 ? 'little' : 'big',
    osabi: data[7] ?? 0,
    type,
    machine: header.machine ?? 0,
    ...(interpreter !== undefined ? { interpreter } : {}),
    dynamic: dynamic !== undefined,
    needed,
    ...(dynamic?.soname !== undefined ? { soname: dynamic.soname } : {}),
    rpath: dynamic?.rpath ?? [],
    runpath: dynamic?.runpath ?? [],
    textrel: dynamic?.textrel ?? false,
    pie: dynamic?.pie ?? false,
    bindNow: dynamic?.bindNow ?? false,
    relro: programs.some((p) => p.type === PT_GNU_RELRO),
    ...(stack ? { gnuStack: (stack.flags & 4 ? 'r' : '-') + (stack.flags & 2 ? 'w' : '-') + (stack.flags & 1 ? 'x' : '-') } : {}),
    sections: names.slice(1).filter((n) => n !== ''),
    importedSymbols: readImports(v, sections),
    symtab: sections.some((s) => s.type === SHT_SYMTAB),
    debugInfo: names.includes('.debug_info'),
    unstripped: fileSaysNotStripped(v, header),
    staticallyLinked: type === 2 && needed.length === 0,
    embeddedLibraries: [...found].filter((k) => k !== 'ocaml-bytecode').sort(),
    ocamlBytecode: found.has('ocaml-bytecode'),
    ...(damage.length ? { damaged: damage.join('; ') } : {}),
  };
}

/** readelf reads the interpreter with `%s`: up to a NUL or whitespace, at most PATH_MAX - 1 bytes. */
function readInterpreter(v: ElfView, offset: number): string | undefined {
  if (!v.fits(offset, 1)) return undefined;
  const bytes = v.data.subarray(offset, Math.min(v.size, offset + PATH_MAX - 1));
  let end = 0;
  while (end < bytes.length && bytes[end] !== 0 && !' \t\n\v\f\r'.includes(String.fromCharCode(bytes[end]!))) end++;
  return bytes.toString('latin1', 0, end);
}

/**
 * file(1) 5.44's "not stripped", which lintian reads: a SHT_SYMTAB section, or a section named
 * `.debug_info`. file looks at each name before reading that section's header, so the names it
 * compares are the string table's own and those of every section but the last; it says nothing
 * (neither stripped nor not) about objects other than ET_REL, ET_EXEC and ET_DYN, with a section
 * header size it does not expect, without section headers, or with more than 32768 of them.
 */
function fileSaysNotStripped(v: ElfView, h: Partial<FileHeader>): boolean {
  const size = v.is64 ? 64 : 40;
  const num = h.shnum ?? 0;
  if (h.type === undefined || h.type < 1 || h.type > 3) return false;
  if (h.shentsize !== size || num === 0 || num > 32768 || !h.shoff || h.shstrndx === undefined) return false;
  let previous = readSection(v, h.shoff + size * h.shstrndx);
  if (!previous) return false;
  const namesAt = previous.offset;
  let symtab = false;
  let debugInfo = false;
  for (let i = 0; i < num; i++) {
    if (nameAt(v, namesAt + previous.nameOffset) === '.debug_info') debugInfo = true;
    const current = readSection(v, h.shoff + i * size);
    if (!current) return false;
    if (current.type === SHT_SYMTAB) symtab = true;
    previous = current;
  }
  return symtab || debugInfo;
}

/** file reads section names into a 50-byte buffer: at most 49 bytes, cut at a NUL or the end of the file. */
function nameAt(v: ElfView, offset: number): string {
  if (!v.fits(offset, 0)) return '';
  const bytes = v.data.subarray(offset, Math.min(v.size, offset + 49));
  const nul = bytes.indexOf(0);
  return bytes.toString('latin1', 0, nul < 0 ? bytes.length : nul);
}
