/**
 * Writes src/lint/data/lintian.ts from the installed lintian (`npm run lintian-data`): every tag
 * name and rename, the architecture table, and the data lists the field checks consult (the
 * spelling word lists into files of their own beside it), so
 * debship judges packages against the same lists as the lintian it mirrors. A test compares the
 * committed file with this output whenever lintian is installed.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDataText, generatedSpellingLists } from '../src/lint/data/generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'src/lint/data/lintian.ts');
writeFileSync(out, generatedDataText());
console.log(`wrote ${out}`);
for (const [name, text] of Object.entries(generatedSpellingLists())) {
  writeFileSync(join(root, 'src/lint/data', name), text);
  console.log(`wrote ${join(root, 'src/lint/data', name)}`);
}
