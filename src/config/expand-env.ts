/**
 * `${VAR}` / `$VAR` expansion, in the fields where nfpm expands them and with Go's os.Expand
 * semantics, so an nfpm.yaml expands the same way:
 *   - name, arch, platform, version, release, prerelease, maintainer, vendor, homepage, description;
 *   - depends, recommends, suggests, conflicts, replaces, provides (top level and every
 *     `overrides.<packager>`): each item trimmed, items that end up empty dropped;
 *   - contents `src`/`dst`, only in entries with `expand: true` (trimmed);
 *   - deb.fields values and deb.predepends.
 * An unset variable expands to the empty string, as in nfpm; debship also reports it as a warning
 * so `version: ${VERSON}` does not pass silently (except in dependency lists, where dropping an item
 * through an unset variable is nfpm's documented idiom).
 *
 * Deliberate differences: nfpm expands deb.fields and deb.predepends only at the top level, but not
 * in `overrides.deb.deb`; debship expands both, since the override replaces the top-level value.
 * Nothing else is expanded (build steps get the environment at run time and expand it themselves).
 */
import { pathKey, quotePath, type Path, type Problem } from './problems.js';
import type { SourceMap } from './yaml-positions.js';

type Env = Record<string, string | undefined>;

/** Go's os.Expand: `$NAME`, `${NAME}`, `${...}` up to the brace, shell specials `$1`, `$$`… */
export function osExpand(s: string, mapping: (name: string) => string): string {
  let out = '';
  let i = 0;
  for (let j = 0; j < s.length; j++) {
    if (s[j] === '$' && j + 1 < s.length) {
      out += s.slice(i, j);
      const [name, width] = shellName(s.slice(j + 1));
      if (name === '' && width > 0) {
        // Invalid syntax (`${}` or an unclosed `${`): the characters are dropped, as Go does.
      } else if (name === '') {
        out += '$';
      } else {
        out += mapping(name);
      }
      j += width;
      i = j + 1;
    }
  }
  return i === 0 && out === '' ? s : out + s.slice(i);
}

const SPECIAL = new Set(['*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

function shellName(s: string): [string, number] {
  if (s[0] === '{') {
    if (s.length > 2 && SPECIAL.has(s[1]!) && s[2] === '}') return [s[1]!, 3];
    for (let i = 1; i < s.length; i++) {
      if (s[i] === '}') return i === 1 ? ['', 2] : [s.slice(1, i), i + 1];
    }
    return ['', 1];
  }
  if (SPECIAL.has(s[0]!)) return [s[0]!, 1];
  let i = 0;
  while (i < s.length && /[A-Za-z0-9_]/.test(s[i]!)) i++;
  return [s.slice(0, i), i];
}

const SCALARS = ['name', 'arch', 'platform', 'version', 'release', 'prerelease', 'maintainer', 'vendor', 'homepage', 'description'];
const LISTS = ['depends', 'recommends', 'suggests', 'conflicts', 'replaces', 'provides'];

export interface Expansion {
  warnings: Problem[];
  /** Variables that were not set, by path of the value that used them. */
  unset: Map<string, string[]>;
}

/** Expands in place. `raw` is the tree read from YAML, not yet validated: anything may be any type. */
export function expandEnv(raw: unknown, env: Env, positions: SourceMap): Expansion {
  const result: Expansion = { warnings: [], unset: new Map() };
  if (!isObject(raw)) return result;
  const expand: Expand = (value, path, warn = true) => {
    const missing: string[] = [];
    const out = osExpand(value, (name) => {
      const v = Object.hasOwn(env, name) ? env[name] : undefined;
      if (v === undefined) missing.push(name);
      return v ?? '';
    });
    if (missing.length) {
      result.unset.set(pathKey(path), missing);
      for (const name of warn ? missing : []) {
        result.warnings.push({
          code: 'config/env-unset',
          message: `${quotePath(path)} uses \${${name}}, which is not set; it expands to an empty string`,
          hint: `Set ${name} in the environment, or remove the reference.`,
          path,
        });
      }
    }
    return out;
  };

  for (const key of SCALARS) {
    if (typeof raw[key] === 'string') raw[key] = expand(raw[key], [key]);
  }
  const ctx: Ctx = { expand, positions, unset: result.unset };
  expandOverridable(raw, [], ctx);
  if (isObject(raw.overrides)) {
    for (const [packager, o] of Object.entries(raw.overrides)) {
      if (isObject(o)) expandOverridable(o, ['overrides', packager], ctx);
    }
  }
  return result;
}

/** `warn: false` for list items, where an unset variable dropping the item is nfpm's documented idiom. */
type Expand = (value: string, path: Path, warn?: boolean) => string;

interface Ctx {
  expand: Expand;
  positions: SourceMap;
  unset: Map<string, string[]>;
}

function expandOverridable(o: Record<string, unknown>, base: Path, ctx: Ctx): void {
  const { expand } = ctx;
  for (const key of LISTS) expandList(o, key, [...base, key], ctx);
  if (Array.isArray(o.contents)) {
    o.contents.forEach((c, i) => {
      if (!isObject(c) || c.expand !== true) return;
      for (const k of ['src', 'dst']) {
        if (typeof c[k] === 'string') c[k] = expand(c[k], [...base, 'contents', i, k]).trim();
      }
    });
  }
  if (isObject(o.deb)) {
    const deb = o.deb;
    if (isObject(deb.fields)) {
      for (const [k, v] of Object.entries(deb.fields)) {
        if (typeof v === 'string') deb.fields[k] = expand(v, [...base, 'deb', 'fields', k]);
      }
    }
    expandList(deb, 'predepends', [...base, 'deb', 'predepends'], ctx);
  }
}

/** nfpm's list rule: expand, trim, drop what ends up empty. */
function expandList(o: Record<string, unknown>, key: string, path: Path, ctx: Ctx): void {
  const list = o[key];
  if (!Array.isArray(list)) return;
  const kept: number[] = [];
  const out: unknown[] = [];
  list.forEach((item, i) => {
    if (typeof item !== 'string') {
      kept.push(i);
      out.push(item);
      return;
    }
    // Recorded at the index the item will have once dropped items are gone.
    const at = [...path, out.length];
    const v = ctx.expand(item, at, false).trim();
    if (v !== '') {
      kept.push(i);
      out.push(v);
    } else {
      ctx.unset.delete(pathKey(at));
    }
  });
  if (out.length !== list.length) ctx.positions.reindex(path, kept);
  o[key] = out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
