/**
 * The `#!` line of a script as lintian's Index::Item reads it (hashbang, interpreter, calls_env,
 * is_shell_script), and lintian's way of joining hint notes.
 */

export interface Hashbang {
  /** Everything after `#!` on the first line, trimmed. */
  hashbang: string;
  /** The hashbang without a leading `/usr/bin/env `. */
  withOptions: string;
  /** Its first word: the interpreter, `env` stripped. */
  interpreter: string;
  callsEnv: boolean;
  isShellScript: boolean;
}

/**
 * The last segment of a path, one trailing slash ignored: what `/([^/]*)\/?$/` captures, without
 * that expression's quadratic time on a long interpreter path such as `#!/aaa…a/b`.
 */
export function basename(path: string): string {
  const end = path.endsWith('/') ? path.length - 1 : path.length;
  return path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}

/** lintian's is_script: starts with `#!` (lincity's `#!#!#!` data files excepted). */
export function isScript(head: Buffer | string, size: number): boolean {
  const text = typeof head === 'string' ? head : head.toString('latin1', 0, 6);
  if (size >= 6 && text.startsWith('#!#!#!')) return false;
  return size >= 2 && text.startsWith('#!');
}

/** Parses the first line of a script; the input starts with `#!` (see isScript). */
export function readHashbang(head: Buffer | string): Hashbang {
  // Only the first line is read: decoding a whole 4 KiB head for it costs every script that much.
  const text = typeof head === 'string' ? head : firstLine(head);
  const newline = text.indexOf('\n');
  const hashbang = (newline < 0 ? text.slice(2) : text.slice(2, newline + 1)).trim();
  const withOptions = hashbang.replace(/^\/usr\/bin\/env\s+/, '');
  const interpreter = /^\S*/.exec(withOptions)![0];
  return {
    hashbang,
    withOptions,
    interpreter,
    callsEnv: /^\/usr\/bin\/env\s+/.test(hashbang),
    isShellScript: /^(?:[bd]?a|t?c|(?:pd|m)?k|z)?sh$/.test(basename(interpreter)),
  };
}

/** The last path segment of a `#!` script's interpreter (`sh`, `bash`, `python3`…), or undefined for a file that is not one. */
export function interpreterName(head: Buffer | string, size: number): string | undefined {
  return isScript(head, size) ? basename(readHashbang(head).interpreter) : undefined;
}

/** The first line of a file's head, its newline included, decoded as UTF-8. */
function firstLine(head: Buffer): string {
  const newline = head.indexOf(10);
  return head.toString('utf8', 0, newline < 0 ? head.length : newline + 1);
}
