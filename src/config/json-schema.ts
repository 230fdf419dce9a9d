/**
 * JSON Schema of the configuration format, generated from the zod schema the loader validates
 * with. scripts/write-schema.ts writes it to schema/debship.schema.json; a test fails when the
 * committed file is stale. Editors use it for completion and help:
 *   # yaml-language-server: $schema=./node_modules/debship/schema/debship.schema.json
 */
import { z } from 'zod';
import { configSchema } from './schema.js';

/** Repository path of the generated schema. */
export const SCHEMA_FILE = 'schema/debship.schema.json';

export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override({ jsonSchema, path }) {
      // The loader reads any plain scalar as text where a string is expected (`release: 1`,
      // `version: 1.10`), as nfpm does; say so, or editors would flag nfpm's own examples.
      if (jsonSchema.type === 'string' && !jsonSchema.enum && !jsonSchema.const && !path.includes('propertyNames')) {
        jsonSchema.type = ['string', 'number', 'boolean'];
      }
    },
  }) as Record<string, unknown>;
}

/** The file's exact text: two-space indentation, trailing newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
