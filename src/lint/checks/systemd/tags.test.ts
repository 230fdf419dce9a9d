import { describe, expect, it } from 'vitest';
import { haveLintianTags, metadataDifferences } from '../scripts/tag-files.js';
import { systemdChecks } from './index.js';

describe('systemd tags', () => {
  it('use lintian 2.116’s names, severities, checks and former names', { skip: !haveLintianTags() }, () => {
    expect(metadataDifferences(systemdChecks)).toEqual([]);
  });
});
