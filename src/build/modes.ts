/**
 * Default ownership and permission bits. lintian expects 0755 directories and executables, 0644
 * everything else, owned by root; a declared file_info wins, so a deliberate 0640 stays 0640.
 */
export const ROOT = { owner: 'root', group: 'root', uid: 0, gid: 0 } as const;

export function defaultFileMode(sourceMode: number): number {
  return sourceMode & 0o111 ? 0o755 : 0o644;
}

export const DIR_MODE = 0o755;
export const SYMLINK_MODE = 0o777;
