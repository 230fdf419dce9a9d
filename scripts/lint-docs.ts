/** Rewrites the tag list in docs/lint.md from the lint registry (`npm run lint-docs`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withTagTable } from '../src/lint/tag-docs.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'lint.md');
writeFileSync(file, withTagTable(readFileSync(file, 'utf8')));
console.log(`wrote the tag list of ${file}`);
