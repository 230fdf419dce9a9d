import { describe, expect, it } from 'vitest';
import { checkLicenses, licenseFields } from './copyright-licenses.js';

const tags = (text: string, wrongDirectory = false) => {
  const out: string[] = [];
  checkLicenses(text, wrongDirectory, (t) => out.push(t));
  return out;
};
const DEP5 = (license: string) => `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: 2024 X\nLicense: ${license}\n`;

describe('license texts in the copyright file', () => {
  it('reads License fields as Lintian::Deb822 does, refusing what it refuses', () => {
    expect(licenseFields(DEP5('MIT\n Permission is hereby granted.\n .\n More.'))).toEqual(['MIT\n Permission is hereby granted.\n .\n More.']);
    expect(licenseFields('Copyright 2024 X\nAll rights reserved.\n')).toBeUndefined();
    expect(licenseFields('License: A\nLicense: B\n')).toBeUndefined();
    expect(licenseFields(' stray continuation\n')).toBeUndefined();
    expect(licenseFields('# comment\nLicense: A\n\nLicense: B\n text\n')).toEqual(['A', 'B\n text']);
  });

  it('reports GPL-family texts that do not point to common-licenses', () => {
    expect(tags(DEP5('GPL-2+\n This program is free software under the GNU General Public License.'))).toEqual(['copyright-not-using-common-license-for-gpl']);
    expect(tags(DEP5('LGPL-2.1\n GNU Lesser General Public License applies.'))).toEqual(['copyright-not-using-common-license-for-lgpl']);
    expect(tags(DEP5('Apache-2.0\n Licensed under the Apache License, Version 2.0.'))).toEqual(['copyright-not-using-common-license-for-apache2']);
    expect(tags(DEP5('GFDL-1.3\n GNU Free Documentation License text.'))).toEqual(['copyright-not-using-common-license-for-gfdl']);
    expect(tags('Copyright 2024 X\nReleased under the GNU General Public License.\n')).toEqual(['copyright-not-using-common-license-for-gpl']);
  });

  it('leaves pointers, names without text, exemptions and wrong directories alone', () => {
    expect(tags(DEP5('GPL-2+\n See /usr/share/common-licenses/GPL-2.'))).toEqual([]);
    expect(tags(DEP5('GPL-2+'))).toEqual([]);
    expect(tags(DEP5('MIT\n Not the GPL; GPL-compatible.'))).toEqual([]);
    expect(tags('Copyright 2024 X\nGNU General Public License\n', true)).toEqual([]);
  });

  it('wants a pointer for code under the same terms as Perl', () => {
    expect(tags('Copyright 2024 X\nYou can redistribute it under the same terms as Perl itself.\n')).toEqual(['copyright-file-lacks-pointer-to-perl-license']);
    // lintian matches the License name case-sensitively: `Artistic` is not `artistic`
    expect(tags(DEP5('Artistic\n Redistribute it under the same terms as Perl itself.'))).toEqual([]);
    expect(tags(DEP5('perl\n Redistribute it under the same terms as Perl itself.'))).toEqual(['copyright-file-lacks-pointer-to-perl-license']);
  });
});
