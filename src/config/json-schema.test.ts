import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, configJsonSchema, configJsonSchemaText } from './json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('schema/debship.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` to regenerate)', async () => {
    const committed = await readFile(join(root, SCHEMA_FILE), 'utf8');
    expect(committed).toBe(configJsonSchemaText());
  });

  it('describes every top-level key, rejects unknown ones and requires name and version', () => {
    const schema = configJsonSchema() as { properties: Record<string, { description?: string }>; required: string[]; additionalProperties: boolean };
    expect(schema.required).toEqual(['name', 'version']);
    expect(schema.additionalProperties).toBe(false);
    for (const [key, prop] of Object.entries(schema.properties)) {
      expect(prop.description, key).toBeTruthy();
    }
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['build', 'systemd', 'users', 'groups', 'target', 'contents', 'deb', 'overrides']));
  });
});
