/**
 * Schema validation: the tree read from YAML against the zod schema, with zod's issues rewritten
 * as problems a user can act on: unknown keys with the closest valid key, wrong types saying what
 * was expected and what was found, missing keys saying what they are for.
 */
import type { z } from 'zod';
import { configSchema, type RawConfig } from './schema.js';
import { describeExpected, infoOf, schemasAt, validKeys } from './schema-walk.js';
import { pathKey, quotePath, type Path, type Problem } from './problems.js';
import { closest } from './suggest.js';
import type { SourceMap } from './yaml-positions.js';

type Issue = z.core.$ZodIssue;

export interface Validation<T = RawConfig> {
  data?: T;
  problems: Problem[];
}

/**
 * Validates `raw` against the configuration schema, or against `schema` for files that hold only
 * a part of it (`gates:`) or have their own format (an audit policy).
 */
export function validate(raw: unknown, positions: SourceMap, unset: Map<string, string[]>): Validation;
export function validate<S extends z.ZodType>(raw: unknown, positions: SourceMap, unset: Map<string, string[]>, schema: S): Validation<z.output<S>>;
export function validate(raw: unknown, positions: SourceMap, unset: Map<string, string[]>, schema: z.ZodType = configSchema): Validation<unknown> {
  if (raw === null || raw === undefined) {
    return {
      problems: [{ code: 'config/empty', message: 'the configuration is empty', hint: 'Start with `name:`, `version:` and `arch:` at the top level.', path: [] }],
    };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [{ code: 'config/not-a-mapping', message: `the configuration must be a mapping of keys to values, not ${describeValue(raw)}`, hint: 'Write `key: value` lines at the top level, starting with `name:` and `version:`.', path: [] }],
    };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, problems: [] };
  const ctx: Ctx = { raw, positions, unset, schema };
  return { problems: result.error.issues.flatMap((issue) => toProblems(ctx, issue as Issue, [])) };
}

interface Ctx {
  schema: z.ZodType;
  raw: unknown;
  positions: SourceMap;
  unset: Map<string, string[]>;
}

function toProblems(ctx: Ctx, issue: Issue, base: Path): Problem[] {
  const path: Path = [...base, ...(issue.path as (string | number)[])];
  const value = valueAt(ctx.raw, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(ctx, path, key));
    case 'invalid_union': {
      // One alternative failing deeper (a mapping with a mistyped key) is the one that was meant.
      const deep = issue.errors.filter((branch) => branch.length && branch.every((i) => i.path.length > 0 || i.code !== 'invalid_type'));
      if (deep.length === 1) return deep[0]!.flatMap((i) => toProblems(ctx, i, path));
      return [value === undefined ? missing(ctx, path) : wrongType(ctx, path, value)];
    }
    case 'invalid_type':
      return [value === undefined ? missing(ctx, path) : wrongType(ctx, path, value)];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const near = typeof value === 'string' ? closest(value, allowed.filter(Boolean)) : undefined;
      return [
        {
          code: 'config/invalid-value',
          message: `${quotePath(path)}: ${describeValue(value)} is not one of the allowed values${near ? `; did you mean \`${near}\`?` : ''}`,
          hint: `Use one of: ${allowed.map(show).join(', ')}.`,
          path,
        },
      ];
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      return issue.issues.map((i) => ({
        code: 'config/invalid-key',
        message: `${quotePath(path.slice(0, -1))}: the key \`${String(key)}\` ${i.message}`,
        hint: hintOf(i),
        path,
        at: 'key' as const,
      }));
    }
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? `at most ${issue.maximum}` : `at least ${issue.minimum}`;
      const own = issue.message.startsWith('Too ') ? `must be ${bound}` : issue.message;
      const octal = infoOf(schemasAt(ctx.schema, path)).octal && typeof value === 'number';
      const shown = octal ? `0o${(value as number).toString(8)}` : describeValue(value);
      return [{ code: 'config/invalid-value', message: `${quotePath(path)} ${own}, not ${shown}`, hint: hintOf(issue) ?? `Use a value ${bound}.`, path }];
    }
    default: {
      const message =
        typeof value === 'string' && value.trim() === ''
          ? `${quotePath(path)} is empty${unsetNote(ctx, path)}`
          : `${quotePath(path)}: ${describeValue(value)} ${issue.message}${unsetNote(ctx, path)}`;
      return [{ code: 'config/invalid-value', message, hint: hintOf(issue), path }];
    }
  }
}

function unknownKey(ctx: Ctx, parent: Path, key: string): Problem {
  const path = [...parent, key];
  const keys = validKeys(schemasAt(ctx.schema, parent)) ?? [];
  const near = closest(key, keys);
  const where = parent.length ? `in ${quotePath(parent)}` : 'at the top level';
  return {
    code: 'config/unknown-key',
    message: `unknown key ${quotePath(path)}${near ? `; did you mean \`${near}\`?` : ''}`,
    hint: near ? `Rename it to \`${near}\`.` : `Remove it, or use one of the keys allowed ${where}: ${keys.join(', ')}.`,
    path,
    at: 'key',
  };
}

function missing(ctx: Ctx, path: Path): Problem {
  const info = infoOf(schemasAt(ctx.schema, path));
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  const empty = ctx.positions.isEmpty(path);
  if (info.required) {
    return {
      code: 'config/missing-key',
      message: `${quotePath(path)} ${empty ? 'has no value' : info.required.message}`,
      hint: info.required.hint,
      path,
      at: 'key',
    };
  }
  return {
    code: 'config/missing-key',
    message: `${quotePath(path)} ${empty ? 'has no value' : 'is required'}`,
    hint: `Add \`${key}: …\` ${parent.length ? `to ${quotePath(parent)}` : 'at the top level'} (${describeExpected(schemasAt(ctx.schema, path))}).`,
    path,
    at: 'key',
  };
}

function wrongType(ctx: Ctx, path: Path, value: unknown): Problem {
  const schemas = schemasAt(ctx.schema, path);
  const expected = describeExpected(schemas);
  return {
    code: 'config/invalid-type',
    message: `${quotePath(path)} must be ${expected}, not ${describeValue(value)}${unsetNote(ctx, path)}`,
    hint: typeHint(expected),
    path,
  };
}

function typeHint(expected: string): string {
  if (expected.startsWith('a list')) return 'Write one item per line starting with `- `, or [a, b] on one line.';
  if (expected.startsWith('a mapping')) return 'Write `key: value` lines indented under it.';
  if (expected === 'true or false') return 'Write true or false.';
  if (expected.startsWith('an integer')) return 'Write a whole number.';
  if (expected.startsWith('a string')) return 'Write a single value; quote it if it contains `: ` or starts with a special character.';
  return `Write ${expected}.`;
}

function unsetNote(ctx: Ctx, path: Path): string {
  const names = ctx.unset.get(pathKey(path));
  return names?.length ? ` (${names.map((n) => `\${${n}}`).join(', ')} ${names.length > 1 ? 'are' : 'is'} not set)` : '';
}

function hintOf(issue: Issue): string | undefined {
  const params = (issue as { params?: { hint?: unknown } }).params;
  return typeof params?.hint === 'string' ? params.hint : undefined;
}

function show(v: string): string {
  return v === '' ? '""' : v;
}

/** "the string \"x\"", "a list", "empty"… */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `\`${text.replace(/\n/g, '\\n')}\``;
  }
  return `\`${String(value)}\``;
}

export function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}
