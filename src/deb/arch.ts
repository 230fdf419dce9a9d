/**
 * Architecture names: Debian's, plus the aliases users bring from uname, Go (GOARCH/GOARM, as nfpm
 * takes them), Node and rpm. ARM follows nfpm: arm5 → armel, arm6 and arm7 → armhf (armhf is what
 * Raspberry Pi OS calls its ARMv6 hard-float port, and ARMv6 code runs on Debian's ARMv7 armhf).
 */
import { endianness } from 'node:os';
import { DebshipError } from '../core/errors.js';

export const DEBIAN_ARCHES = ['amd64', 'arm64', 'armhf', 'armel', 'i386', 'ppc64el', 's390x', 'riscv64', 'mips64el', 'loong64', 'all'] as const;
export type DebianArch = (typeof DEBIAN_ARCHES)[number];

const ALIASES: Record<string, DebianArch> = {
  x86_64: 'amd64', 'x86-64': 'amd64', x64: 'amd64',
  aarch64: 'arm64', armv8: 'arm64',
  // 32-bit ARM: uname -m, Go's arm<N> (nfpm), Arch Linux ARM's armv<N>h.
  arm: 'armhf', armv7l: 'armhf', armv7: 'armhf', arm7: 'armhf', armv7h: 'armhf', armv8l: 'armhf',
  armv6l: 'armhf', armv6: 'armhf', arm6: 'armhf', armv6h: 'armhf',
  armv5: 'armel', arm5: 'armel', armv5l: 'armel', armv5tel: 'armel', armv5tejl: 'armel',
  '386': 'i386', i486: 'i386', i586: 'i386', i686: 'i386', x86: 'i386', ia32: 'i386',
  ppc64le: 'ppc64el', powerpc64le: 'ppc64el',
  s390: 's390x',
  mips64le: 'mips64el',
  loongarch64: 'loong64',
  noarch: 'all',
};

const isDebian = (s: string): s is DebianArch => (DEBIAN_ARCHES as readonly string[]).includes(s);

/**
 * The Debian name for an architecture name or alias (case-insensitive). `goarm` refines Go's bare
 * `arm` (GOARM 5 → armel, 6 and 7 → armhf; unset means Go's default, 7).
 */
export function toDebianArch(name: string, goarm?: string): DebianArch {
  const key = name.trim().toLowerCase();
  if (key === 'arm' && goarm) {
    const n = goarm.split(',')[0];
    if (n === '5') return 'armel';
    if (n === '6' || n === '7') return 'armhf';
    throw new DebshipError('unknown-arch', `GOARM=${goarm} is not an ARM version debship knows`, { hint: 'use GOARM 5 (armel), 6 or 7 (armhf)' });
  }
  if (isDebian(key)) return key;
  const alias = ALIASES[key];
  if (alias) return alias;
  const near = closest(key);
  throw new DebshipError('unknown-arch', `unknown architecture "${name}"${near ? `; did you mean ${near}?` : ''}`, {
    hint: `use a Debian architecture (${DEBIAN_ARCHES.join(', ')}) or an alias such as x86_64, aarch64, armv7l, i686, ppc64le`,
  });
}

/** `amd64,arm64`, `amd64 arm64` or `all` → Debian names, in order, without duplicates. */
export function parseArchList(text: string): DebianArch[] {
  const names = text.split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) {
    throw new DebshipError('unknown-arch', 'no architecture given', { hint: 'give one or more, for example amd64,arm64' });
  }
  const arches = [...new Set(names.map((n) => toDebianArch(n)))];
  if (arches.includes('all') && arches.length > 1) {
    throw new DebshipError('unknown-arch', `"all" cannot be combined with other architectures (${text})`, {
      hint: 'a package is either architecture-independent (all) or built per architecture; pick one',
    });
  }
  return arches;
}

export interface HostInfo {
  arch: string;
  endianness: 'BE' | 'LE';
  /** Node's build variable: 'hard' on armhf builds, 'soft' or 'softfp' on armel. */
  armFloatAbi?: unknown;
}

/** The Debian architecture of the running Node (process.arch), for building natively. */
export function hostDebianArch(host: HostInfo = currentHost()): DebianArch {
  const { arch } = host;
  if (arch === 'arm') return host.armFloatAbi === 'soft' || host.armFloatAbi === 'softfp' ? 'armel' : 'armhf';
  if (arch === 'ppc64' && host.endianness === 'LE') return 'ppc64el';
  if (arch === 'mips64el' || (arch === 'mips64' && host.endianness === 'LE')) return 'mips64el';
  try {
    return toDebianArch(arch);
  } catch (cause) {
    throw new DebshipError('unsupported-host-arch', `this machine's architecture (${arch}, ${host.endianness}) is not one debship builds for`, {
      hint: `pass --arch with one of ${DEBIAN_ARCHES.filter((a) => a !== 'all').join(', ')}`,
      cause,
    });
  }
}

function currentHost(): HostInfo {
  const vars = process.config.variables as unknown as Record<string, unknown>;
  return { arch: process.arch, endianness: endianness(), armFloatAbi: vars['arm_float_abi'] };
}

const ELF_MACHINE: Record<DebianArch, number | undefined> = {
  amd64: 62, arm64: 183, armhf: 40, armel: 40, i386: 3, ppc64el: 21, s390x: 22, riscv64: 243, mips64el: 8, loong64: 258, all: undefined,
};

/**
 * ELF e_machine of binaries built for an architecture (name or alias); undefined for `all` and for
 * names debship does not know, so a lint of someone else's package skips the check instead of failing.
 */
export function elfMachineForArch(arch: string): number | undefined {
  const key = arch.trim().toLowerCase();
  const deb = isDebian(key) ? key : ALIASES[key];
  return deb && ELF_MACHINE[deb];
}

/** The Debian name nearest to a misspelt one (edit distance ≤ 2), e.g. `amd46` → `amd64`. */
function closest(key: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of [...DEBIAN_ARCHES, ...Object.keys(ALIASES)]) {
    const d = distance(key, name);
    if (d <= 2 && (!best || d < best.d)) best = { name, d };
  }
  if (!best) return undefined;
  const deb = isDebian(best.name) ? best.name : ALIASES[best.name]!;
  return deb === best.name ? deb : `${deb} (${best.name})`;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
