import { describe, expect, it } from 'vitest';
import { haveLintianTags, metadataDifferences } from '../scripts/tag-files.js';
import { binariesChecks } from './index.js';

describe('binaries tags', () => {
  it('use lintian 2.116’s names, severities, checks and former names', { skip: !haveLintianTags() }, () => {
    expect(metadataDifferences(binariesChecks)).toEqual([]);
  });
});
