import { describe, expect, it } from 'vitest';
import type { ControlMember } from '../../types.js';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { controlFilesCheck } from './control-files.js';

type Member = Partial<ControlMember> & { text: string };
const lint = (control: Record<string, Member>, file?: string) => {
  const pkg = fakePackage({ control });
  return runCheck(controlFilesCheck, file ? { ...pkg, file } : pkg);
};

describe('control-files', () => {
  it('accepts root-owned scripts at 0755 and data at 0644', async () => {
    expect(await lint({ postinst: { text: '#!/bin/sh\n', mode: 0o755 }, md5sums: { text: '' }, conffiles: { text: '/etc/a\n' } })).toEqual([]);
  });

  it('reports wrong modes, owners, empty and unknown members', async () => {
    expect(
      await lint({
        postinst: { text: '#!/bin/sh\n', mode: 0o775, owner: 'builder', group: 'builder', uid: 1000, gid: 1000 },
        prerm: { text: '', mode: 0o755 },
        conffiles: { text: '/etc/a\n', mode: 0o664, owner: '', group: '', uid: 0, gid: 0 },
        'README.txt': { text: 'x' },
        isinstallable: { text: '#!/bin/sh\n', mode: 0o755 },
      }),
    ).toEqual([
      'control-file-has-bad-owner builder/builder != root/root (or 0/0) [postinst]',
      'control-file-has-bad-permissions 0664 != 0644 [conffiles]',
      'control-file-has-bad-permissions 0775 != 0755 [postinst]',
      'control-file-is-empty [prerm]',
      'not-allowed-control-file [isinstallable]',
      'unknown-control-file [README.txt]',
    ]);
  });

  it('uses the udeb list for .udeb files', async () => {
    expect(await lint({ isinstallable: { text: '#!/bin/sh\n', mode: 0o755 }, prerm: { text: '#!/bin/sh\n', mode: 0o755 } }, 'demo.udeb')).toEqual([
      'not-allowed-control-file [prerm]',
    ]);
  });
});
