/**
 * The same facts parseElf extracts, read from `readelf -W -h -l -d -S` output: the reference the
 * parser's tests compare against. Test-only.
 */
import { execFileSync } from 'node:child_process';

export interface ReadelfFacts {
  type: number;
  machine: string;
  interpreter?: string;
  needed: string[];
  soname?: string;
  rpath: string[];
  runpath: string[];
  sections: string[];
  /** A GNU_RELRO program header. */
  relro: boolean;
  /** Bound at load time as lintian reads this output: NOW among FLAGS_1's flags, or BIND_NOW among FLAGS'. */
  bindNow: boolean;
}

const TYPES: Record<string, number> = { NONE: 0, REL: 1, EXEC: 2, DYN: 3, CORE: 4 };

/** readelf's machine names for the e_machine values the tests meet. */
export const READELF_MACHINES: Record<number, string> = {
  3: 'Intel 80386',
  8: 'MIPS R3000',
  20: 'PowerPC',
  21: 'PowerPC64',
  22: 'IBM S/390',
  40: 'ARM',
  62: 'Advanced Micro Devices X86-64',
  183: 'AArch64',
  243: 'RISC-V',
  258: 'LoongArch',
};

export function readelf(path: string): ReadelfFacts {
  const out = execFileSync('readelf', ['-W', '-h', '-l', '-d', '-S', path], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 }).toString();
  const facts: ReadelfFacts = { type: -1, machine: '', needed: [], rpath: [], runpath: [], sections: [], relro: false, bindNow: false };
  for (const line of out.split('\n')) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^\s+Type:\s+(\w+)/))) facts.type = TYPES[m[1]!] ?? -1;
    else if ((m = line.match(/^\s+Machine:\s+(.*?)\s*$/))) facts.machine = m[1]!;
    else if ((m = line.match(/\[Requesting program interpreter: ([^\]]+)\]/))) facts.interpreter = m[1]!;
    else if ((m = line.match(/\(NEEDED\)\s+Shared library: \[(.*)\]/))) facts.needed.push(m[1]!);
    else if ((m = line.match(/\(SONAME\)\s+Library soname: \[(.*)\]/))) facts.soname = m[1]!;
    else if ((m = line.match(/\(RPATH\)\s+Library rpath: \[(.*)\]/))) facts.rpath.push(...m[1]!.split(':'));
    else if ((m = line.match(/\(RUNPATH\)\s+Library runpath: \[(.*)\]/))) facts.runpath.push(...m[1]!.split(':'));
    else if ((m = line.match(/^\s+\[\s*(\d+)\] (\S*)\s+\S+/)) && m[1] !== '0' && m[2]) facts.sections.push(m[2]);
    else if (/^\s+GNU_RELRO\s/.test(line)) facts.relro = true;
    else if (/\(FLAGS_1\)\s+Flags:.*\bNOW\b/.test(line) || /\(FLAGS\)\s+.*\bBIND_NOW\b/.test(line)) facts.bindNow = true;
  }
  return facts;
}
