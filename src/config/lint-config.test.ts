import { describe, expect, it } from 'vitest';
import { load, problems, yaml } from './test-helpers.js';

describe('lint settings', () => {
  it('default to linting every build and failing on errors', () => {
    expect(load('name: foo\nversion: 1.0.0\n').config.lint).toEqual({ enabled: true, failOn: ['error'], suppressTags: [] });
  });

  it('read enabled, fail_on and suppress_tags', () => {
    const { config } = load(yaml`
      name: foo
      version: 1.0.0
      lint:
        enabled: false
        fail_on: [error, warning]
        suppress_tags: [no-manual-page]
    `);
    expect(config.lint).toEqual({ enabled: false, failOn: ['error', 'warning'], suppressTags: ['no-manual-page'] });
  });

  it('reject unknown levels and keys with their position', () => {
    expect(problems('name: foo\nversion: 1.0.0\nlint:\n  fail_on: [fatal]\n')[0]).toMatch(/^4:/);
    expect(problems('name: foo\nversion: 1.0.0\nlint:\n  fail-on: [error]\n')[0]).toMatch(/^4:3 /);
  });
});
