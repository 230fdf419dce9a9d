/**
 * Library search paths compiled into binaries, after lintian's binaries/rpath: RPATH and RUNPATH
 * entries other than $ORIGIN-relative ones and the package's own private library directories.
 */
import type { Check } from '../../types.js';
import { MULTIARCH_TRIPLETS, elfFiles, tag } from './common.js';
import { pointed } from '../../hint-text.js';
import { sourceName } from '../../package-identity.js';

const CHECK = 'binaries/rpath';
const FIX = 'drop the rpath from the build (`-Wl,-rpath,…`, CMAKE_INSTALL_RPATH, `chrpath -d`), or use `$ORIGIN`-relative paths';

/** File::Spec::Unix->canonpath: collapses `//`, `/./` and a trailing `/`, but keeps `..`. */
export function canonpath(input: string): string {
  let path = input.replace(/\/{2,}/g, '/');
  path = path.replace(/(?:\/\.)+(?:\/|$)/g, '/');
  if (path !== './') path = path.replace(/^(?:\.\/)+/, '');
  path = path.replace(/^\/(?:\.\.\/)+/, '/');
  path = path.replace(/^\/\.\.$/, '/');
  if (path !== '/') path = path.replace(/\/$/, '');
  return path;
}

export const rpathCheck: Check = {
  name: CHECK,
  tags: [
    tag(
      'custom-library-search-path',
      'error',
      CHECK,
      'A binary sets RPATH or RUNPATH to an absolute directory outside the package’s private library directories, overriding the system’s library search order.',
      FIX,
      ['binary-or-shlib-defines-rpath'],
    ),
    tag('relative-library-search-path', 'error', CHECK, 'A binary sets RPATH or RUNPATH to a relative directory, which is resolved against the working directory of whoever runs it.', FIX),
  ],
  run({ pkg, report }) {
    const triplet = MULTIARCH_TRIPLETS.get(pkg.architecture);
    const lib = ['lib', ...(triplet ? [`lib/${triplet}`] : [])];
    const usrlib = ['usr/lib', ...(triplet ? [`usr/lib/${triplet}`] : [])];
    const source = sourceName(pkg);
    const privateFolders = [...lib, ...usrlib, ...usrlib.map((d) => `${d}/games`)].map((d) => `/${d}/${source}`);
    for (const { file, elf } of elfFiles(pkg)) {
      for (const [section, paths] of [['RPATH', elf.rpath], ['RUNPATH', elf.runpath]] as const) {
        const custom = [...new Set(paths)]
          .filter((p) => !/^\$\{?ORIGIN\}?/.test(p))
          .map(canonpath)
          .filter((p) => !privateFolders.some((d) => p.startsWith(d)) && !/^\/usr\/lib\/ghc(?:\/|$)/.test(p));
        for (const folder of new Set(custom)) {
          if (folder.startsWith('/')) report('custom-library-search-path', pointed(file.name, section, folder));
          else if (folder !== '') report('relative-library-search-path', pointed(file.name, section, folder));
        }
      }
    }
  },
};
