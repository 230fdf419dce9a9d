/**
 * Bundled copies of well-known libraries, after lintian's libraries/embedded. parseElf finds the
 * signatures (lintian's binaries/embedded-libs regexes over the file's strings); this check applies
 * the table's exemptions: the library's own source package may of course contain it.
 */
import type { Check } from '../../types.js';
import { elfFiles, tag } from './common.js';
import { pointed } from '../../hint-text.js';
import { sourceName } from '../../package-identity.js';

/**
 * The `source=` and `source-regex=` options of /usr/share/lintian/data/binaries/embedded-libs;
 * a key without either is its own source name. The regexes are unanchored, as lintian uses them.
 */
const SOURCE_REGEX = new Map<string, RegExp>([
  ['libavcodec', /(?:libav|ffmpeg)/],
  ['libavdevice', /(?:libav|ffmpeg)/],
  ['libavfilter', /(?:libav|ffmpeg)/],
  ['libavformat', /(?:libav|ffmpeg)/],
  ['libavutil', /(?:libav|ffmpeg)/],
  ['libgd', /libgd2?/],
  ['libjpeg', /libjpeg.*/],
  ['libm', /e?glibc/],
  ['libmms', /(?:libmms|xine-lib)/],
  ['libmysqlclient', /(?:mysql|mariadb)(?:-\d.*)?/],
  ['libpng', /(?:libpng(?:1\.6)?)/],
  ['libpostproc', /(?:libav|libpostproc|ffmpeg)/],
  ['libswscale', /(?:libav|ffmpeg)/],
  ['libupnp', /libupnp\d?/],
  ['openjpeg', /openjpeg2?/],
  ['openssl', /openssl(?:\d+(?:\.\d+)?)?/],
  ['poppler', /(?:poppler|xpdf)/],
  ['sqlite', /sqlite3?/],
  ['tiff', /tiff\d*/],
  ['zlib', /(?:zlib|klibc|kfreebsd-kernel-di\w+)/],
]);
const SOURCE = new Map<string, string>([
  ['libminiupnpc', 'miniupnpc'],
  ['ltdl', 'libtool'],
  ['mpfr', 'mpfr4'],
]);

export const embeddedLibrariesCheck: Check = {
  name: 'libraries/embedded',
  tags: [
    tag(
      'embedded-library',
      'error',
      'libraries/embedded',
      'An ELF object contains its own copy of a well-known library (recognised by the library’s messages); security fixes to the system copy will not reach it.',
      'link against the system library (e.g. `-lz` rather than a vendored zlib) and add its package to `depends`',
    ),
  ],
  run({ pkg, report }) {
    const source = sourceName(pkg);
    for (const { file, elf } of elfFiles(pkg)) {
      // lintian collects no strings for detached debug symbols.
      if (file.name.startsWith('usr/lib/debug/')) continue;
      for (const key of elf.embeddedLibraries) {
        const own = SOURCE_REGEX.get(key)?.test(source) ?? (SOURCE.get(key) ?? key) === source;
        if (!own) report('embedded-library', pointed(file.name, key));
      }
    }
  },
};
