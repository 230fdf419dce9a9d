/**
 * lintian's data lists (generated into lintian.ts) as sets and maps, each built on first use so
 * a run pays only for the lists its checks consult.
 */
import { boundedPattern } from '../bounded-pattern.js';
import * as raw from './lintian.js';

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const set = (text: string) => once(() => new Set(words(text)));

export const LINTIAN_VERSION = raw.LINTIAN_VERSION;

/** Every tag name lintian knows, current names only. */
export const lintianTags = set(raw.TAG_NAMES);

/** lintian's older tag names → current names. */
export const lintianRenames = once(() => new Map(words(raw.RENAMED_TAGS).map((w) => w.split('>') as [string, string])));

/** The current lintian name of a tag given by any name lintian knows, or undefined. */
export function lintianCurrentName(name: string): string | undefined {
  return lintianTags().has(name) ? name : lintianRenames().get(name);
}

export const essentialPackages = set(raw.ESSENTIAL);
export const knownPriorities = set(raw.PRIORITIES);
export const knownSections = set(raw.SECTIONS);
/** Lowercase names: deb822 field names compare case-insensitively. */
export const binaryFields = once(() => new Set(words(raw.BINARY_FIELDS).map((f) => f.toLowerCase())));
export const virtualPackages = set(raw.VIRTUAL_PACKAGES);
export const metapackages = set(raw.METAPACKAGES);
export const toolchainPackages = set(raw.TOOLCHAIN);
export const debhelperAddonPackages = set(raw.DEBHELPER_ADDON_PACKAGES);
/** Functions _FORTIFY_SOURCE replaces with a checked `__<name>_chk` variant. */
export const hardenedFunctions = set(raw.HARDENED_FUNCTIONS);
/** `feature:architecture` where dpkg-buildflags does not recommend relro, bindnow, pie or fortify (see architectures.ts). */
export const hardeningGaps = set(raw.HARDENING_NOT_RECOMMENDED);
/** Obsolete package → its replacement ('' when lintian names none). */
export const obsoletePackages = once(() => new Map(raw.OBSOLETE_PACKAGES));
// Package names and homepages are the package's to choose, megabytes long if it likes.
export const nameSectionMappings = once(() => raw.NAME_SECTION_MAPPINGS.map(([re, section]) => [boundedPattern(re), section] as const));
export const ARCHITECTURE_TABLE = raw.ARCHITECTURES;
export const topLevelDomains = set(raw.TOP_LEVEL_DOMAINS);

const renamedTo = once(() => {
  const byCurrent = new Map<string, string[]>();
  for (const [old, current] of lintianRenames()) byCurrent.set(current, [...(byCurrent.get(current) ?? []), old]);
  return byCurrent;
});

/** lintian's older names of a tag (its Renamed-From). */
export function formerNames(name: string): string[] {
  return renamedTo().get(name) ?? [];
}
export const badHomepages = once(() => raw.BAD_HOMEPAGES.map(([tag, re]) => [tag, boundedPattern(re)] as const));
