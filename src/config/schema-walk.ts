/**
 * Reading the zod schema as a tree: which schemas apply at a path, which keys are valid there,
 * which scalar types they accept. The YAML stage uses this to read a plain scalar the way the field
 * needs it (`version: 1.10` stays the string "1.10"; `mode: 0644` is the integer 0o644), and error
 * messages use it to list valid keys and say what was expected.
 */
import type { z } from 'zod';
import { fieldInfo, type FieldInfo } from './schema.js';

type Schema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;

export type Kind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'any';

function defOf(s: Schema): Def {
  return s._zod.def as Def;
}

/** Concrete alternatives of a schema: wrappers (optional, default, pipe…) removed, unions spread. */
export function alternatives(schemas: readonly Schema[]): Schema[] {
  const out: Schema[] = [];
  const visit = (s: Schema, depth: number): void => {
    if (depth > 50) return;
    const d = defOf(s);
    switch (d.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return visit(d.innerType as Schema, depth + 1);
      case 'pipe':
        return visit(d.in as Schema, depth + 1);
      case 'lazy':
        return visit((d.getter as () => Schema)(), depth + 1);
      case 'union':
        for (const o of d.options as Schema[]) visit(o, depth + 1);
        return;
      default:
        out.push(s);
    }
  };
  for (const s of schemas) visit(s, 0);
  return out;
}

/** The kinds of value a set of schemas accepts. */
export function kindsOf(schemas: readonly Schema[]): Set<Kind> {
  const kinds = new Set<Kind>();
  for (const s of alternatives(schemas)) {
    const d = defOf(s);
    switch (d.type) {
      case 'string':
      case 'template_literal':
        kinds.add('string');
        break;
      case 'number':
      case 'int':
      case 'bigint':
        kinds.add('number');
        break;
      case 'boolean':
        kinds.add('boolean');
        break;
      case 'null':
        kinds.add('null');
        break;
      case 'object':
      case 'record':
        kinds.add('object');
        break;
      case 'array':
      case 'tuple':
        kinds.add('array');
        break;
      case 'enum':
        for (const v of Object.values(d.entries as Record<string, unknown>)) kinds.add(kindOfPrimitive(v));
        break;
      case 'literal':
        for (const v of d.values as unknown[]) kinds.add(kindOfPrimitive(v));
        break;
      default:
        kinds.add('any');
    }
  }
  return kinds;
}

function kindOfPrimitive(v: unknown): Kind {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (v === null) return 'null';
  return 'any';
}

/** The schemas that apply to `key` inside a value matched by `schemas`. */
export function childSchemas(schemas: readonly Schema[], key: string | number): Schema[] {
  const out: Schema[] = [];
  for (const s of alternatives(schemas)) {
    const d = defOf(s);
    if (d.type === 'object') {
      const shape = d.shape as Record<string, Schema>;
      const own = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
      if (own) out.push(own);
      else if (d.catchall && defOf(d.catchall as Schema).type !== 'never') out.push(d.catchall as Schema);
    } else if (d.type === 'record') {
      out.push(d.valueType as Schema);
    } else if (d.type === 'array' && typeof key === 'number') {
      out.push(d.element as Schema);
    }
  }
  return out;
}

/** Schemas at a path from the root. */
export function schemasAt(root: Schema, path: readonly (string | number)[]): Schema[] {
  let set: Schema[] = [root];
  for (const key of path) {
    set = childSchemas(set, key);
    if (set.length === 0) break;
  }
  return set;
}

/** Keys valid in a mapping matched by `schemas`; undefined when any key is (a record). */
export function validKeys(schemas: readonly Schema[]): string[] | undefined {
  const keys = new Set<string>();
  for (const s of alternatives(schemas)) {
    const d = defOf(s);
    if (d.type === 'record') return undefined;
    if (d.type === 'object') for (const k of Object.keys(d.shape as object)) keys.add(k);
  }
  return [...keys].sort();
}

/** Allowed values when the schemas are enums or literals. */
export function enumValues(schemas: readonly Schema[]): string[] {
  const values: string[] = [];
  for (const s of alternatives(schemas)) {
    const d = defOf(s);
    if (d.type === 'enum') values.push(...Object.values(d.entries as Record<string, unknown>).map(String));
    if (d.type === 'literal') values.push(...(d.values as unknown[]).map(String));
  }
  return values;
}

/** Loader metadata of the schemas and every wrapper around them. */
export function infoOf(schemas: readonly Schema[]): FieldInfo {
  const info: FieldInfo = {};
  const visit = (s: Schema, depth: number): void => {
    if (depth > 50) return;
    Object.assign(info, fieldInfo.get(s) ?? {});
    const d = defOf(s);
    if (d.innerType) visit(d.innerType as Schema, depth + 1);
    if (d.type === 'pipe') visit(d.in as Schema, depth + 1);
  };
  for (const s of schemas) visit(s, 0);
  return info;
}

/** "a string", "true or false", "a list"… for messages. */
export function describeExpected(schemas: readonly Schema[]): string {
  const info = infoOf(schemas);
  if (info.expected) return info.expected;
  const values = enumValues(schemas);
  if (values.length) return `one of ${values.map((v) => (v === '' ? '""' : v)).join(', ')}`;
  const words: Record<Kind, string> = {
    string: 'a string',
    number: 'an integer',
    boolean: 'true or false',
    null: 'empty',
    object: 'a mapping of keys to values',
    array: 'a list',
    any: 'a value',
  };
  const kinds = [...kindsOf(schemas)];
  return kinds.map((k) => words[k]).join(' or ');
}
