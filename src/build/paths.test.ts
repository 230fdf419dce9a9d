import { describe, expect, it } from 'vitest';
import { parentDirs } from './paths.js';

describe('parentDirs', () => {
  it.each([
    ['/', []],
    ['/usr', []],
    ['/usr/bin/tool', ['/usr', '/usr/bin']],
    ['/usr/share/doc/pkg/é/x', ['/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/pkg', '/usr/share/doc/pkg/é']],
  ])('%s implies %j', (path, dirs) => {
    expect(parentDirs(path)).toEqual(dirs);
  });
});
