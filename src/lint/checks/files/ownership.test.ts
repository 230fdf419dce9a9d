import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { ownershipCheck } from './ownership.js';

describe('files/ownership', () => {
  it('reports uids and gids outside the reserved ranges as uid/gid', async () => {
    const pkg = fakePackage({
      files: [
        { path: 'usr/bin/ok', uid: 99, gid: 0 },
        { path: 'usr/bin/nobody', uid: 65534, gid: 65534 },
        { path: 'usr/bin/dynamic', uid: 60000, gid: 64999 },
        { path: 'usr/bin/builder', uid: 1000, gid: 1000 },
        { path: 'usr/bin/group', uid: 0, gid: 100 },
        { path: 'usr/bin/high', uid: 65000, gid: 0 },
      ],
    });
    expect(await runCheck(ownershipCheck, pkg)).toEqual([
      'wrong-file-owner-uid-or-gid 0/100 [usr/bin/group]',
      'wrong-file-owner-uid-or-gid 1000/1000 [usr/bin/builder]',
      'wrong-file-owner-uid-or-gid 65000/0 [usr/bin/high]',
    ]);
  });
});
