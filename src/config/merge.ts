/**
 * `overrides.deb` merged over the top level the way nfpm does it (mergo with override): a value
 * that is set and not empty replaces the top-level one; mappings (scripts, deb, deb.triggers,
 * deb.fields) merge key by key; lists replace whole lists. Other packagers' overrides are ignored.
 *
 * One deliberate difference: nfpm cannot override with a zero value (umask 0 means "default"
 * there); here `umask: 0` is zero.
 */
import type { Path } from './problems.js';
import type { RawConfig } from './schema.js';

export interface Merged {
  config: RawConfig;
  /** Where a value of the merged config was written: its own path, or under overrides.deb. */
  origin(path: Path): Path;
}

export function mergeDebOverrides(raw: RawConfig): Merged {
  const over = raw.overrides?.deb;
  const replaced: Path[] = [];
  const config = { ...raw } as Record<string, unknown>;
  if (over) mergeInto(config, over as Record<string, unknown>, [], replaced);
  return {
    config: config as RawConfig,
    origin(path) {
      const hit = replaced.find((p) => p.length <= path.length && p.every((k, i) => path[i] === k));
      return hit ? ['overrides', 'deb', ...path] : path;
    },
  };
}

function mergeInto(target: Record<string, unknown>, over: Record<string, unknown>, base: Path, replaced: Path[]): void {
  for (const [key, value] of Object.entries(over)) {
    if (isEmpty(value)) continue;
    const path = [...base, key];
    const current = target[key];
    if (isMapping(value) && isMapping(current)) {
      const copy = { ...current };
      set(target, key, copy);
      mergeInto(copy, value, path, replaced);
    } else {
      set(target, key, value);
      replaced.push(path);
    }
  }
}

function set(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isMapping(v) && Object.keys(v).length === 0);
}
