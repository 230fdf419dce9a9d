import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { missingDirectoriesCheck } from './missing.js';
import { specialFilesCheck } from './special.js';

describe('files/special and files/missing', () => {
  it('reports device nodes and pipes with their mode', async () => {
    const pkg = fakePackage({ files: [{ path: 'dev/' }, { path: 'dev/null', type: 'char', mode: 0o666 }, { path: 'dev/fifo', type: 'fifo', mode: 0o600 }, { path: 'dev/x' }] });
    expect(await runCheck(specialFilesCheck, pkg)).toEqual(['special-file 0600 [dev/fifo]', 'special-file 0666 [dev/null]']);
  });

  it('reports parent directories the archive lacks', async () => {
    const pkg = fakePackage({ files: [{ path: 'usr/' }, { path: 'usr/share/app/x' }] });
    expect(await runCheck(missingDirectoriesCheck, pkg)).toEqual(['missing-intermediate-directory [usr/share/]', 'missing-intermediate-directory [usr/share/app/]']);
  });
});
