import { describe, expect, it } from 'vitest';
import { DEBIAN_ARCHES, elfMachineForArch, hostDebianArch, parseArchList, toDebianArch } from './arch.js';

describe('toDebianArch', () => {
  it('accepts every Debian name as is', () => {
    for (const arch of DEBIAN_ARCHES) expect(toDebianArch(arch)).toBe(arch);
  });

  it.each([
    ['x86_64', 'amd64'], ['X86_64', 'amd64'], ['x64', 'amd64'],
    ['aarch64', 'arm64'],
    ['armv7l', 'armhf'], ['arm7', 'armhf'], ['armv7', 'armhf'], ['armv6l', 'armhf'], ['arm6', 'armhf'], ['armv6', 'armhf'],
    ['arm5', 'armel'], ['armv5tel', 'armel'],
    ['386', 'i386'], ['i686', 'i386'], ['x86', 'i386'],
    ['ppc64le', 'ppc64el'], ['mips64le', 'mips64el'], ['loongarch64', 'loong64'], ['s390', 's390x'],
    // GOARCH names
    ['amd64', 'amd64'], ['arm64', 'arm64'], ['arm', 'armhf'], ['s390x', 's390x'], ['riscv64', 'riscv64'], ['loong64', 'loong64'],
  ])('%s → %s', (alias, want) => expect(toDebianArch(alias)).toBe(want));

  it('refines GOARCH arm with GOARM like nfpm (5 → armel, 6 and 7 → armhf)', () => {
    expect(toDebianArch('arm', '5')).toBe('armel');
    expect(toDebianArch('arm', '6')).toBe('armhf');
    expect(toDebianArch('arm', '7')).toBe('armhf');
    expect(toDebianArch('arm', '7,softfloat')).toBe('armhf');
    expect(() => toDebianArch('arm', '8')).toThrow(/GOARM=8/);
  });

  it('names the closest architecture and lists the valid ones', () => {
    expect(() => toDebianArch('amd46')).toThrow(expect.objectContaining({ code: 'unknown-arch', message: expect.stringContaining('did you mean amd64?') }));
    expect(() => toDebianArch('aarch46')).toThrow(/did you mean arm64 \(aarch64\)\?/);
    expect(() => toDebianArch('sparc')).toThrow(expect.objectContaining({ message: 'unknown architecture "sparc"', hint: expect.stringContaining('amd64, arm64, armhf') }));
  });
});

describe('parseArchList', () => {
  it('maps, keeps order and drops duplicates', () => {
    expect(parseArchList('amd64,arm64')).toEqual(['amd64', 'arm64']);
    expect(parseArchList(' x86_64, aarch64 amd64 ')).toEqual(['amd64', 'arm64']);
    expect(parseArchList('all')).toEqual(['all']);
  });
  it('rejects an empty list, unknown names and all mixed with others', () => {
    expect(() => parseArchList(' , ')).toThrow(/no architecture/);
    expect(() => parseArchList('amd64,amd46')).toThrow(/amd46/);
    expect(() => parseArchList('all,amd64')).toThrow(/"all" cannot be combined/);
  });
});

describe('hostDebianArch', () => {
  it.each([
    [{ arch: 'x64', endianness: 'LE' }, 'amd64'],
    [{ arch: 'arm64', endianness: 'LE' }, 'arm64'],
    [{ arch: 'arm', endianness: 'LE', armFloatAbi: 'hard' }, 'armhf'],
    [{ arch: 'arm', endianness: 'LE', armFloatAbi: 'softfp' }, 'armel'],
    [{ arch: 'ia32', endianness: 'LE' }, 'i386'],
    [{ arch: 'ppc64', endianness: 'LE' }, 'ppc64el'],
    [{ arch: 'mips64el', endianness: 'LE' }, 'mips64el'],
    [{ arch: 'riscv64', endianness: 'LE' }, 'riscv64'],
    [{ arch: 's390x', endianness: 'BE' }, 's390x'],
    [{ arch: 'loong64', endianness: 'LE' }, 'loong64'],
  ] as const)('%j → %s', (host, want) => expect(hostDebianArch(host)).toBe(want));

  it('refuses hosts debship does not build for', () => {
    expect(() => hostDebianArch({ arch: 'ppc64', endianness: 'BE' })).toThrow(expect.objectContaining({ code: 'unsupported-host-arch' }));
  });

  it('knows the machine it runs on', () => {
    expect(DEBIAN_ARCHES).toContain(hostDebianArch());
  });
});

describe('elfMachineForArch', () => {
  it.each([
    ['amd64', 62], ['arm64', 183], ['armhf', 40], ['armel', 40], ['i386', 3], ['riscv64', 243],
    ['ppc64el', 21], ['s390x', 22], ['mips64el', 8], ['loong64', 258], ['x86_64', 62], ['all', undefined], ['powerpc', undefined],
  ])('%s → %s', (arch, machine) => expect(elfMachineForArch(arch)).toBe(machine));
});
