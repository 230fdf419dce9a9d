import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { copyrightCheck } from './copyright.js';

const DOC = 'usr/share/doc/demo';
const NOTICE = 'Copyright 2024 Demo Maintainer\nLicense: MIT\n';
const lint = (files: FakeFile[], fields: Record<string, string> = {}) => runCheck(copyrightCheck, fakePackage({ files, fields }));

describe('debian/copyright', () => {
  it('is quiet for a plain copyright file with a notice', async () => {
    expect(await lint([{ path: `${DOC}/` }, { path: `${DOC}/copyright`, content: NOTICE }])).toEqual([]);
    expect(await lint([{ path: `${DOC}/` }, { path: `${DOC}/copyright`, content: 'Released into the public domain.\n' }])).toEqual([]);
  });

  it('reports a missing file or directory', async () => {
    expect(await lint([{ path: 'usr/bin/x' }])).toEqual(['no-copyright-file']);
    expect(await lint([{ path: `${DOC}/README` }])).toEqual(['no-copyright-file']);
    expect(await lint([{ path: 'usr/share/doc/perl/README' }], { Package: 'perl' })).toEqual([]);
    expect(await runCheck(copyrightCheck, { ...fakePackage({ files: [{ path: 'usr/bin/x' }] }), file: 'demo.udeb' })).toEqual([]);
  });

  it('reports compressed and symlinked copyright files', async () => {
    expect(await lint([{ path: `${DOC}/copyright.gz`, content: gzipSync(NOTICE) }])).toEqual(['copyright-file-compressed [usr/share/doc/demo/copyright.gz]']);
    expect(await lint([{ path: `${DOC}/copyright`, linkTarget: '../other/copyright' }, { path: 'usr/share/doc/other/copyright', content: 'none' }])).toEqual([
      'copyright-file-is-symlink [usr/share/doc/demo/copyright]',
    ]);
  });

  it('checks the text: notice, CRs, common-licenses references, boilerplate', async () => {
    const text = [
      'Files: *\r',
      'Upstream Author(s): someone',
      'See /usr/share/common-licenses/GPL-2.gz and /usr/share/common-licenses/BSD',
      'or /usr/share/common-licences/Apache-2.0',
      'Free Software Foundation, Inc., 59 Temple Place, Boston, MA 02111-1307',
      'url://example.com',
      '',
    ].join('\n');
    expect(await lint([{ path: `${DOC}/copyright`, content: text }])).toEqual([
      'copyright-has-crs',
      'copyright-refers-to-compressed-license usr/share/common-licenses/GPL-2.gz',
      'copyright-refers-to-deprecated-bsd-license-file',
      'copyright-refers-to-incorrect-directory usr/share/common-licences',
      'copyright-without-copyright-notice',
      'helper-templates-in-copyright',
      'old-fsf-address-in-copyright-file',
      'copyright-has-url-from-dh_make-boilerplate',
    ].sort());
  });

  it('distinguishes versionless, symlinked and nonexistent GPL references', async () => {
    const gpl = (tail: string) => lint([{ path: `${DOC}/copyright`, content: `Copyright 2020 X\n${tail}\n` }]);
    expect(await gpl('see /usr/share/common-licenses/GPL. version 2')).toEqual(['copyright-refers-to-versionless-license-file usr/share/common-licenses/GPL']);
    expect(await gpl('version 2 or any later version, /usr/share/common-licenses/GPL.')).toEqual(['copyright-refers-to-symlink-license usr/share/common-licenses/GPL']);
    expect(await gpl('/usr/share/common-licenses/GPLv2')).toEqual(['copyright-refers-to-nonexistent-license-file usr/share/common-licenses/GPLv']);
    expect(await gpl('see common-licenses/GPL-2')).toEqual([
      'copyright-does-not-refer-to-common-license-file /GPL-2',
      'copyright-not-using-common-license-for-gpl',
    ]);
  });

  it('follows lintian for /usr/share/doc/<package> symlinks', async () => {
    expect(await lint([{ path: DOC, linkTarget: '/usr/share/doc/base' }])).toEqual(['usr-share-doc-symlink-points-outside-of-usr-share-doc /usr/share/doc/base [usr/share/doc/demo]']);
    expect(await lint([{ path: DOC, linkTarget: 'demo-base' }])).toEqual(['usr-share-doc-symlink-without-dependency demo-base']);
    expect(await lint([{ path: DOC, linkTarget: 'demo-base' }], { Depends: 'demo-base (= 1.0-1)' })).toEqual([
      'cannot-check-whether-usr-share-doc-symlink-points-to-foreign-package',
    ]);
    expect(await lint([{ path: DOC, linkTarget: 'bash' }])).toEqual(['cannot-check-whether-usr-share-doc-symlink-points-to-foreign-package']);
  });
});
