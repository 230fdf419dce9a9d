/** What the binary checks need to know about an ELF object, parsed in TypeScript (no readelf). */
export interface ElfInfo {
  class: 32 | 64;
  endian: 'little' | 'big';
  /** e_type: 1 relocatable, 2 executable, 3 shared object (PIE executables are 3 too), 4 core. */
  type: number;
  /** e_machine, e.g. 62 x86-64, 183 AArch64. */
  machine: number;
  /** Has a PT_INTERP program header (a dynamically linked executable). */
  interpreter?: string;
  /** Has a PT_DYNAMIC segment / .dynamic section. */
  dynamic: boolean;
  /** DT_NEEDED entries. */
  needed: string[];
  /** DT_SONAME, when present. */
  soname?: string;
  /** Section names present (e.g. `.debug_info`, `.symtab`, `.note.go.buildid`). */
  sections: string[];
  /** Names of undefined dynamic symbols (imports), when the dynamic symbol table is readable. */
  importedSymbols?: string[];
}
