/**
 * What the binary checks need to know about an ELF object, parsed in TypeScript (no readelf, no
 * file(1), no strings(1)). The loader drops the bytes after parsing, so everything a check asks
 * of an ELF file is computed once, here.
 */
export interface ElfInfo {
  class: 32 | 64;
  endian: 'little' | 'big';
  /** e_ident[EI_OSABI]: 0 System V, 3 GNU/Linux; file(1) prints it and lintian's ARM regexes read it. */
  osabi: number;
  /** e_type: 1 relocatable, 2 executable, 3 shared object (PIE executables are 3 too), 4 core. */
  type: number;
  /** e_machine, e.g. 62 x86-64, 183 AArch64. */
  machine: number;
  /** PT_INTERP contents (a dynamically linked executable). */
  interpreter?: string;
  /** Has a PT_DYNAMIC segment. */
  dynamic: boolean;
  /** DT_NEEDED entries, in order. */
  needed: string[];
  /** DT_SONAME, when present. */
  soname?: string;
  /** DT_RPATH and DT_RUNPATH, split at `:`. */
  rpath: string[];
  runpath: string[];
  /** DT_TEXTREL: relocations against read-only code. */
  textrel: boolean;
  /** DT_FLAGS_1 has DF_1_PIE, which is what makes file(1) say "pie executable". */
  pie: boolean;
  /** Bound at load time (`-z now`): DF_1_NOW in DT_FLAGS_1 or DF_BIND_NOW in DT_FLAGS, as lintian reads them. */
  bindNow: boolean;
  /** Has a PT_GNU_RELRO segment (`-z relro`). */
  relro: boolean;
  /** PT_GNU_STACK permissions as lintian spells them (`rw-`, `rwx`); absent without the header. */
  gnuStack?: string;
  /** Section names in header order, without the null section. */
  sections: string[];
  /** Names of undefined dynamic symbols (imports), from .dynsym. */
  importedSymbols: string[];
  /** A SHT_SYMTAB section is present. */
  symtab: boolean;
  /** A `.debug_info` section is present. */
  debugInfo: boolean;
  /**
   * file(1)'s "not stripped", which is what lintian's unstripped-binary-or-object tests: a symbol
   * table or a .debug_info section, found the way file 5.44 walks the section headers.
   */
  unstripped: boolean;
  /** lintian's "statically linked": an ET_EXEC object without DT_NEEDED entries. */
  staticallyLinked: boolean;
  /** Keys of lintian's binaries/embedded-libs table whose signature occurs in the file's strings. */
  embeddedLibraries: string[];
  /** An OCaml bytecode executable (a `Caml1999X0NN` string), which lintian never calls unstripped. */
  ocamlBytecode: boolean;
  /** Set when part of the file could not be read (truncated, offsets out of bounds); says what. */
  damaged?: string;
}
