import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withTagTable } from './tag-docs.js';

describe('docs/lint.md', () => {
  it('lists every tag the registry has (run `npm run lint-docs` to update it)', () => {
    const doc = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8');
    expect(doc === withTagTable(doc), 'docs/lint.md is stale: run npm run lint-docs').toBe(true);
  });
});
