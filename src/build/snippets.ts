/**
 * Shared vocabulary of the maintainer-script generators: a snippet is a block of POSIX sh that
 * one feature (systemd units, system users) contributes to one maintainer script.
 */

export type ScriptHook = 'preinst' | 'postinst' | 'prerm' | 'postrm';

export const SCRIPT_HOOKS: readonly ScriptHook[] = ['preinst', 'postinst', 'prerm', 'postrm'];

export interface Snippet {
  /** One line saying what the block does; written as a comment under the marker. */
  title: string;
  /** The shell code, ending with a newline. */
  code: string;
}

export type Snippets = Record<ScriptHook, Snippet[]>;

export function emptySnippets(): Snippets {
  return { preinst: [], postinst: [], prerm: [], postrm: [] };
}

/** Single-quote a word for sh, as dh_installsystemd quotes unit names. */
export function shq(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The marker lines are debhelper's: lintian recognises `# Automatically added by <tool>` up to
 * `# End automatically added section` as generated code, and so do people reading the script.
 */
export function renderSnippet(s: Snippet): string {
  return `# Automatically added by debship\n# ${s.title}\n${s.code}# End automatically added section\n`;
}
