/**
 * /usr/share/doc/<name>/copyright in the machine-readable format (DEP-5), generated from
 * `license`, `vendor` and `maintainer` when the package does not ship its own. Licenses Debian
 * keeps in /usr/share/common-licenses are referenced there, as Policy 12.5 allows.
 */
const COMMON = new Map([
  ['Apache-2.0', 'Apache-2.0'], ['GPL-2.0', 'GPL-2'], ['GPL-2.0-only', 'GPL-2'], ['GPL-2.0-or-later', 'GPL-2'],
  ['GPL-3.0', 'GPL-3'], ['GPL-3.0-only', 'GPL-3'], ['GPL-3.0-or-later', 'GPL-3'], ['LGPL-2.1', 'LGPL-2.1'],
  ['LGPL-2.1-only', 'LGPL-2.1'], ['LGPL-2.1-or-later', 'LGPL-2.1'], ['LGPL-3.0', 'LGPL-3'], ['LGPL-3.0-only', 'LGPL-3'],
  ['LGPL-3.0-or-later', 'LGPL-3'], ['MPL-2.0', 'MPL-2.0'], ['CC0-1.0', 'CC0-1.0'], ['Artistic-2.0', 'Artistic'],
]);

const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

export interface CopyrightInput {
  name: string;
  license?: string;
  vendor?: string;
  maintainer?: string;
  homepage?: string;
  /** Year of the copyright notice (from SOURCE_DATE_EPOCH). */
  year: number;
}

export function generateCopyright(i: CopyrightInput): string {
  const holder = i.vendor ?? i.maintainer ?? `the ${i.name} authors`;
  const license = i.license?.trim() || 'unknown';
  const lines = [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    `Upstream-Name: ${i.name}`,
    ...(i.homepage ? [`Source: ${i.homepage}`] : []),
    '',
    'Files: *',
    `Copyright: ${i.year} ${holder}`,
    `License: ${license}`,
    '',
    `License: ${license}`,
    ...licenseBody(license).split('\n').map((l) => (l === '' ? ' .' : ` ${l}`)),
  ];
  return lines.join('\n') + '\n';
}

function licenseBody(license: string): string {
  const common = COMMON.get(license);
  if (common) return `On Debian systems, the full text of the license can be found in\n/usr/share/common-licenses/${common}.`;
  if (license === 'MIT' || license === 'Expat') return MIT;
  if (license === 'unknown') return 'The license of this software was not declared in its packaging configuration.';
  return `The full text of the ${license} license is distributed with the software.`;
}
