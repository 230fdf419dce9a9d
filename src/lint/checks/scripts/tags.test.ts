import { describe, expect, it } from 'vitest';
import { haveLintianTags, metadataDifferences } from './tag-files.js';
import { scriptsChecks } from './index.js';

describe('scripts tags', () => {
  it('use lintian 2.116’s names, severities, checks and former names', { skip: !haveLintianTags() }, () => {
    expect(metadataDifferences(scriptsChecks)).toEqual([]);
  });
});
