/**
 * Whatever the input, loading ends in a config or in DebshipErrors whose every error has a
 * position inside the file: never another exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DebshipError, DebshipErrors } from '../core/errors.js';
import { validKeys, alternatives } from './schema-walk.js';
import { configSchema } from './schema.js';
import { load } from './test-helpers.js';

function outcome(text: string, env: Record<string, string> = {}): 'ok' | 'rejected' {
  try {
    load(text, env);
    return 'ok';
  } catch (e) {
    if (!(e instanceof DebshipErrors)) throw e;
    expect(e.errors.length).toBeGreaterThan(0);
    const lines = text.split('\n').length;
    for (const err of e.errors) {
      expect(err).toBeInstanceOf(DebshipError);
      expect(err.message.length).toBeGreaterThan(0);
      expect(err.line).toBeGreaterThanOrEqual(1);
      expect(err.line).toBeLessThanOrEqual(lines + 1);
      expect(err.column).toBeGreaterThanOrEqual(1);
    }
    return 'rejected';
  }
}

// Every key the format knows, so random documents often reach deep into the schema.
const KEYS = [...new Set(collectKeys())];
function collectKeys(): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (s: Parameters<typeof alternatives>[0][number]) => {
    for (const alt of alternatives([s])) {
      if (seen.has(alt)) continue;
      seen.add(alt);
      const def = alt._zod.def as { type: string; shape?: Record<string, typeof s>; element?: typeof s; valueType?: typeof s };
      for (const k of validKeys([alt]) ?? []) out.push(k);
      for (const child of Object.values(def.shape ?? {})) visit(child);
      if (def.element) visit(def.element);
      if (def.valueType) visit(def.valueType);
    }
  };
  visit(configSchema);
  return out;
}

const FRAGMENTS = [
  ...KEYS.map((k) => `${k}:`),
  ' ', '  ', '\n', '\n  ', '\n    ', '- ', ': ', '[', ']', '{', '}', ',', '"', "'", '#', '&a ', '*a', '<<: ', '!!str ',
  '|', '>-', '\t', '---', '...', '~', 'null', 'true', 'no', '0644', '0o755', '755', '1.10', 'gzip:99', 'xz', 'lz4',
  '${VERSION}', '$HOME', '${', 'foo', '/usr/bin/foo', 'a.service', '__proto__', 'constructor', '__proto__:', 'constructor:', 'toString:', '${constructor}', '$__proto__', 'null:', '? ', '2024-01-02T03:04:05Z', '\uFEFF', '%YAML 1.2',
];

const yamlish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -10, max: 70000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('1.2.3', 'amd64', 'gzip:9', '0644', 'config', 'hello.service', '${V}', '/etc/foo', 'x'),
);
const { value: randomValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS, '__proto__', 'constructor', 'toString'), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 5 }),
}));
const document = fc
  .record({
    name: fc.oneof(fc.constant('foo'), scalar),
    version: fc.oneof(fc.constant('1.0.0'), scalar),
    rest: fc.dictionary(fc.constantFrom(...KEYS, 'constructor', '__proto__'), randomValue, { maxKeys: 6 }),
  })
  .map(({ name, version, rest }) => ({ name, version, ...rest }));

describe('the loader under random input', () => {
  it('returns a config or DebshipErrors for random YAML-ish text', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        outcome(text, { VERSION: '1.0.0' });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it('returns a config or DebshipErrors for random documents', () => {
    let loaded = 0;
    fc.assert(
      fc.property(document, (doc) => {
        if (outcome(stringify(doc)) === 'ok') loaded++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
    expect(loaded).toBeGreaterThan(0);
  });

  it('survives alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    bomb.push('name: foo', 'version: 1.0.0', 'depends: *i');
    const started = Date.now();
    expect(outcome(bomb.join('\n'))).toBe('rejected');
    expect(Date.now() - started).toBeLessThan(5000);
    try {
      load(bomb.join('\n'));
    } catch (e) {
      expect((e as DebshipErrors).errors.map((x) => x.code)).toContain('config/yaml-aliases');
    }
  });
});
