import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['descripton', 'description', 1],
    ['src', 'scr', 1],
    ['enabel', 'enable', 1],
    ['kitten', 'sitting', 3],
  ])('%s ↔ %s = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closest', () => {
  const keys = ['name', 'version', 'description', 'depends', 'contents', 'predepends', 'run', 'src', 'dst'];
  it('suggests typos, case and separator slips', () => {
    expect(closest('descripton', keys)).toBe('description');
    expect(closest('Version', keys)).toBe('version');
    expect(closest('pre-depends', keys)).toBe('predepends');
  });
  it('knows names from other tools', () => {
    expect(closest('dependencies', keys)).toBe('depends');
    expect(closest('files', keys)).toBe('contents');
    expect(closest('command', keys)).toBe('run');
    expect(closest('comand', keys)).toBe('run');
  });
  it('stays quiet when nothing is close', () => {
    expect(closest('zzzzzz', keys)).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });
});
