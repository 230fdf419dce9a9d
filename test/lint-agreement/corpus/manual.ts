/** Manual pages: where they live, their names and compression, what is in them, and commands without one. */
import { gzipSync } from 'node:zlib';
import type { Entry, Recipe } from '../recipe.js';
import { gz } from './helpers.js';

/** A well-formed page for `cmd`, with `extra` roff lines in its description. */
const roff = (cmd: string, section: number | string, ...extra: string[]) =>
  [`.TH ${cmd.toUpperCase()} ${section}`, '.SH NAME', `${cmd} \\- corpus program`, '.SH DESCRIPTION', 'Part of the lint agreement corpus.', ...extra, ''].join('\n');
const page = (path: string, text: string, mode?: number): Entry => ({ path, content: gz(text), ...(mode ? { mode } : {}) });
const man1 = (name: string, text = roff(name.replace(/\..*$/, ''), 1)) => page(`/usr/share/man/man1/${name}`, text);

export const manualRecipes: Recipe[] = [
  {
    name: 'man-places',
    about: 'pages beside the section directories, in a stray folder, a country directory, with a section their directory does not give, a build path and a generic name; pt_BR, which is fine',
    files: [
      page('/usr/share/man/loose.1.gz', roff('loose', 1)),
      page('/usr/share/man/man1/extra/nested.1.gz', roff('nested', 1)),
      page('/usr/share/man/de_DE/man1/landed.1.gz', roff('landed', 1)),
      page('/usr/share/man/pt_BR/man1/landed.1.gz', roff('landed', 1)),
      man1('landed.8.gz', roff('landed', 8)),
      man1('_build_x.1.gz'),
      man1('README.1.gz', roff('readme', 1)),
    ],
    tags: ['build-path-in-manual', 'country-in-manual', 'manual-page-with-generic-name', 'odd-place-for-manual-page', 'spare-manual-page', 'stray-folder-in-manual'],
  },
  {
    name: 'man-names',
    about: 'an uncompressed page, one named .gz that is not gzip, one gzip -1, one executable, names without a section; a good .so link',
    files: [
      { path: '/usr/share/man/man1/plain.1', content: roff('plain', 1) },
      { path: '/usr/share/man/man1/fake.1.gz', content: roff('fake', 1) },
      { path: '/usr/share/man/man1/quick.1.gz', content: gzipSync(Buffer.from(roff('quick', 1)), { level: 1 }) },
      page('/usr/share/man/man1/runnable.1.gz', roff('runnable', 1), 0o755),
      man1('nosection.gz', roff('nosection', 1)),
      man1('lettered.x.gz', roff('lettered', 1)),
      man1('alias.1.gz', '.so man1/plain.1\n'),
    ],
    tags: ['broken-gz', 'executable-manual-page', 'executable-not-elf-or-script', 'poor-compression-in-manual-page', 'spare-manual-page', 'uncompressed-manual-page', 'wrong-compression-in-manual-page', 'wrong-manual-section', 'wrong-name-for-manual-page'],
  },
  {
    name: 'man-links',
    about: 'links to undocumented(7), one where it is and one where it is not; an empty page and bad .so links',
    files: [
      { path: '/usr/share/man/man1/undoc.1.gz', symlink: '../man7/undocumented.7.gz' },
      { path: '/usr/share/man/man1/lost.1.gz', symlink: 'undocumented.7.gz' },
      man1('empty.1.gz', ''),
      man1('so-bare.1.gz', '.so other.1\n'),
      man1('so-lang.1.gz', '.\\" a comment first\n.so de/man1\n'),
    ],
    tags: ['bad-so-link-within-manual-page', 'broken-link-to-undocumented', 'empty-manual-page', 'spare-manual-page', 'undocumented-manual-page'],
  },
  {
    name: 'man-text',
    about: 'a .TH section other than the file name’s, FSSTND paths, pod2man errors, a Python traceback, acute accents, misspellings; a string definition with an accent and a doubled word, which are fine',
    files: [
      man1('wrongsec.1.gz', roff('wrongsec', 8)),
      man1('quoted.1.gz', '.TH "QUOTED" "3pm" "2024" "corpus"\n.SH NAME\nquoted \\- corpus program\n'),
      man1('fsstnd.1.gz', roff('fsstnd', 1, 'Documentation is in /usr/doc/fsstnd/ and logs in /var/adm/fsstnd/.')),
      man1('pod.1.gz', roff('pod', 1, '.SH "POD ERRORS"', 'Hey! The above document had some coding errors.')),
      man1('trace.1.gz', roff('trace', 1, 'Traceback (most recent call last):', 'Traceback (most recent call last):')),
      man1('accent.1.gz', roff('accent', 1, "It doesn\\'t work.", ".ds Aq \\'")),
      man1('typo.1.gz', roff('typo', 1, 'It can recieve teh greetings.', 'Teh end, the the end.')),
    ],
    tags: ['FSSTND-dir-in-manual-page', 'acute-accent-in-manual-page', 'pod-conversion-message', 'python-traceback-in-manpage', 'spare-manual-page', 'typo-in-manual-page', 'wrong-manual-section'],
  },
  {
    name: 'man-commands',
    about: 'a command without a page, one with a German page only, a system command documented in section 1, a spare page; a subcommand page, which is fine',
    files: [
      { path: '/usr/bin/nopage', content: '#!/bin/sh\necho corpus\n', mode: 0o755 },
      { path: '/usr/bin/germanonly', content: '#!/bin/sh\necho corpus\n', mode: 0o755 },
      page('/usr/share/man/de/man1/germanonly.1.gz', roff('germanonly', 1, 'Nur deutsch, recieve.')),
      { path: '/usr/sbin/corpusctl', content: '#!/bin/sh\necho corpus\n', mode: 0o755 },
      man1('corpusctl.1.gz'),
      { path: '/usr/bin/tool', content: '#!/bin/sh\necho corpus\n', mode: 0o755 },
      man1('tool.1.gz'),
      man1('tool-sub.1.gz'),
      page('/usr/share/man/man8/ghost.8.gz', roff('ghost', 8)),
    ],
    tags: ['manual-page-for-system-command', 'no-english-manual-page', 'no-manual-page', 'spare-manual-page'],
  },
];
