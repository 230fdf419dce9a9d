/**
 * The domain of a binary package, independent of how it was described (debship.yaml, nfpm.yaml)
 * or how it is serialised (.deb). The build stage produces a `Package`; the .deb writer consumes it;
 * the .deb reader produces a `DebInfo` from any .deb, ours or dpkg-deb's.
 */

export type CompressionAlgo = 'gzip' | 'xz' | 'zstd' | 'none';

export interface Compression {
  algo: CompressionAlgo;
  /** Codec level; undefined means the codec's dpkg-deb default (gzip 9, xz 6, zstd 3). */
  level?: number;
}

/** Where a regular file's bytes come from. */
export type FileSource = { kind: 'path'; path: string } | { kind: 'bytes'; data: Uint8Array };

interface EntryBase {
  /** Absolute path inside the package, normalised: `/usr/bin/foo`, never a trailing slash; `/` is the root. */
  path: string;
  /** Permission bits including setuid/setgid/sticky, without the file-type bits. */
  mode: number;
  owner: string;
  group: string;
  uid: number;
  gid: number;
  /** Seconds since the epoch, already clamped to SOURCE_DATE_EPOCH by the build. */
  mtime: number;
}

export interface FileEntry extends EntryBase {
  type: 'file';
  size: number;
  source: FileSource;
}

export interface DirEntry extends EntryBase {
  type: 'dir';
}

export interface SymlinkEntry extends EntryBase {
  type: 'symlink';
  linkTarget: string;
}

export type PackageEntry = FileEntry | DirEntry | SymlinkEntry;

export type MaintainerScript = 'preinst' | 'postinst' | 'prerm' | 'postrm' | 'config';

export interface Conffile {
  path: string;
  /** dpkg's only conffile flag. */
  removeOnUpgrade?: boolean;
}

/** Ordered control fields, in the order they are written. */
export type ControlFields = Array<[name: string, value: string]>;

export interface Package {
  /** Binary control fields except Installed-Size, which the writer computes. */
  control: ControlFields;
  /** Every entry of data.tar, including implied parent directories; any order (the writer sorts). */
  files: PackageEntry[];
  conffiles: Conffile[];
  scripts: Partial<Record<MaintainerScript, string>>;
  /** Other control members: triggers, templates, shlibs… name → content. */
  controlExtras: Record<string, string>;
  compression: Compression;
  /** SOURCE_DATE_EPOCH: the mtime of control members and the upper bound of every data mtime. */
  sourceDateEpoch: number;
}

/** One entry as read back from a .deb. */
export interface DebEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';
  mode: number;
  owner: string;
  group: string;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  linkTarget?: string;
}

export interface DebInfo {
  /** Control fields in file order. */
  control: ControlFields;
  /** Other control members (md5sums, conffiles, scripts, triggers…): name → text. */
  controlMembers: Record<string, string>;
  conffiles: Conffile[];
  scripts: Partial<Record<MaintainerScript, string>>;
  files: DebEntry[];
  /** ar members in order, with sizes: `debian-binary`, `control.tar.xz`, … */
  members: Array<{ name: string; size: number }>;
  compression: { control: CompressionAlgo | 'bzip2' | 'lzma'; data: CompressionAlgo | 'bzip2' | 'lzma' };
}
