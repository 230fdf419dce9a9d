/**
 * A problem found while loading the configuration, before it is tied to a file position. Stages
 * report problems against a path in the YAML tree (or a byte offset, for syntax errors); load.ts
 * turns them into DebshipErrors and ConfigWarnings with file:line:column.
 */

export type Path = readonly (string | number)[];

export interface Problem {
  /** Stable code, e.g. `config/unknown-key`. */
  code: string;
  /** What is wrong, naming the key (`contents[0].dst` …). */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** Where in the tree; with `at: 'key'` the position of the key itself, else of its value. */
  path?: Path;
  at?: 'key' | 'value';
  /** Where in the text, for problems that have no path (YAML syntax). */
  offset?: number;
}

/** `contents[0].file_info.mode`; the root is `(top level)`. */
export function formatPath(path: Path): string {
  if (path.length === 0) return '(top level)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z0-9_|-]+$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** "`name`" for messages. */
export function quotePath(path: Path): string {
  return `\`${formatPath(path)}\``;
}

/** Stable string key of a path, for maps. */
export function pathKey(path: Path): string {
  return JSON.stringify(path);
}
