/** Writes schema/debship.schema.json from the config stage's zod schema (`npm run schema`). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, configJsonSchemaText } from '../src/config/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, SCHEMA_FILE);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, configJsonSchemaText());
console.log(`wrote ${SCHEMA_FILE}`);
