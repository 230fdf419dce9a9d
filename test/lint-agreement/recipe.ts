/**
 * A corpus recipe: a package described as data, built with dpkg-deb (never with debship) so that
 * lintian and `debship lint` judge a package neither of them made. Every recipe gets a valid
 * copyright, a gzip -9n changelog, md5sums and one payload file unless it is about them, so the
 * only tags it raises are the ones it is about.
 */

/** C source compiled by gcc for the host when the corpus is built. */
export interface Compiled {
  c: string;
  /** Extra gcc arguments, e.g. `-shared -fPIC`, `-static`, `-g`, `-lz`. */
  flags?: string[];
  /** C++ (g++) rather than C. */
  cxx?: boolean;
  /**
   * `strip --strip-unneeded` and drop .comment and .note (default); `plain` keeps those two
   * sections; false keeps debug symbols too.
   */
  strip?: boolean | 'plain';
  /** Rewrites the linked object, for what no linker flag produces. */
  patch?: (elf: Buffer) => Buffer;
}

export type Content = string | Buffer | { compile: Compiled };

export interface Entry {
  /** Absolute path in the package; a trailing `/` makes a directory. */
  path: string;
  content?: Content;
  /** Symbolic link target as stored. */
  symlink?: string;
  /** A hard link to this earlier entry's absolute path. */
  hardlink?: string;
  /** A named pipe, lintian's "special file". */
  fifo?: boolean;
  /** Store the name in ISO 8859-1 rather than UTF-8 (a name that is not valid UTF-8). */
  latin1?: boolean;
  /** Default 0644 for files, 0755 for directories. */
  mode?: number;
  uid?: number;
  gid?: number;
}

export interface ControlFile {
  text: Content;
  /** Default 0755 for maintainer scripts, 0644 otherwise. */
  mode?: number;
  uid?: number;
  gid?: number;
}

export type Changelog =
  | 'ok'
  | 'missing'
  /** Compressed below gzip's maximum level. */
  | 'gzip-1'
  /** gzip -9 with an mtime in the header. */
  | 'timestamped'
  /** Shipped uncompressed as changelog.Debian. */
  | 'plain'
  /** changelog.Debian.gz as a symbolic link to a real file beside it. */
  | 'symlink';

export interface Recipe {
  /** Package name, unique in the corpus (lintian reports by it). */
  name: string;
  /** The deliberate defect, or why a control is clean. */
  about: string;
  /**
   * Every non-classification tag lintian is expected to emit for this package. Keeps the corpus
   * honest: a recipe that stops raising its tag, or starts raising noise, fails the suite.
   */
  tags: string[];
  /** Control fields over the defaults; `null` leaves a field out. */
  fields?: Record<string, string | null>;
  files?: Entry[];
  /** Control members besides `control` and `md5sums` (scripts, conffiles, triggers…). */
  control?: Record<string, ControlFile | string>;
  /** Edit the md5sums lines (`<md5>  <path>`), or `false` for no md5sums member. */
  md5sums?: false | ((lines: string[]) => string[]);
  /** Conffiles default to every regular file under /etc; a string is the member as given. */
  conffiles?: string;
  copyright?: string | false;
  changelog?: Changelog;
  /** Leave out the default payload file (the package then holds only what `files` lists). */
  noPayload?: boolean;
  /** dpkg-deb --nocheck, for control data dpkg-deb itself would refuse. */
  nocheck?: boolean;
  /** Build a .udeb (lintian and debship tell the kinds apart by the file name). */
  udeb?: boolean;
  /** Directories left out of data.tar though files below them stay (data.tar is then rebuilt). */
  omitDirs?: string[];
}

export const DEFAULT_MAINTAINER = 'Corpus Maintainer <corpus@example.org>';
export const SOURCE_DATE_EPOCH = 1_700_000_000;

export function defaultFields(r: Recipe, arch: string): Record<string, string | null> {
  return {
    Package: r.name,
    Version: '1.0-1',
    Architecture: arch,
    Maintainer: DEFAULT_MAINTAINER,
    Section: 'misc',
    Priority: 'optional',
    Description: description('corpus package for the lint agreement suite'),
  };
}

/** A synopsis with the standard extended description, long enough for lintian's taste. */
export function description(synopsis: string): string {
  return `${synopsis}\n${BODY}`;
}

const BODY = [
  ' This package belongs to the corpus that the lint agreement suite of debship',
  ' builds with dpkg-deb. It carries one deliberate defect, or none when it serves',
  ' as a control for the others, so that lintian and debship can be compared.',
].join('\n');

/** gzip MTIME for timestamped files: after the changelog's date, which lintian tolerates. */
export const GZIP_MTIME = SOURCE_DATE_EPOCH + 86_400;

export function defaultCopyright(name: string): string {
  return [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    `Upstream-Name: ${name}`,
    '',
    'Files: *',
    'Copyright: 2023 Corpus Maintainer <corpus@example.org>',
    'License: MIT',
    ' Permission is hereby granted, free of charge, to any person obtaining a copy of',
    ' this software, to deal in the Software without restriction.',
    '',
  ].join('\n');
}

/** Two entries, the first closing a bug, so lintian's changelog checks have nothing to say. */
export function defaultChangelog(name: string, version: string): string {
  const entry = (v: string, day: string, text: string) =>
    `${name} (${v}) unstable; urgency=medium\n\n  * ${text}\n\n -- ${DEFAULT_MAINTAINER}  ${day} Nov 2023 22:13:20 +0000\n`;
  return `${entry(version, 'Tue, 14', 'New release.')}\n${entry('0.9-1', 'Mon, 13', 'Initial release. (Closes: #1000)')}`;
}
