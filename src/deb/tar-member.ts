/** What a tar header says about one member: the fields the reader returns and the writer takes. */
export interface TarMemberFields<Type extends string> {
  /** Member name as stored, e.g. `./usr/bin/foo` or `./usr/` (after GNU long-name resolution when read). */
  name: string;
  type: Type;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  /** Content size; 0 for anything but regular files. */
  size: number;
  mtime: number;
  /** Symlink target as stored, or a hard link's target (as a normalised path when read). */
  linkTarget?: string;
}
