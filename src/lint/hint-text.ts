/**
 * The text of a finding's context, built the way lintian builds a hint's (Lintian::Check): its
 * notes are stringified, and a pointed hint adds where it points, `[name]` or `[name:line]`. An
 * empty note leaves no double space behind, as in lintian. (lintian's own override diagnostics
 * are built without stringify, and so are they here: apply-overrides.ts.)
 */

/** Lintian::Check::stringify: the non-empty pieces, each trimmed, joined by spaces, newlines escaped. */
export function note(...pieces: Array<string | number>): string {
  return pieces
    .map(String)
    .filter((p) => p.length > 0)
    .map((p) => p.trim())
    .join(' ')
    .replace(/\n/g, '\\n');
}

/** A pointed hint's context: the note, then `[name]`. */
export function pointed(name: string, ...notes: Array<string | number>): string {
  return pointedAt(name, 0, ...notes);
}

/** A pointed hint's context at a line of `name`: `[name:line]`, or `[name]` when the line is 0. */
export function pointedAt(name: string, line: number, ...notes: Array<string | number>): string {
  const text = note(...notes);
  const pointer = line > 0 ? `[${name}:${line}]` : `[${name}]`;
  return text ? `${text} ${pointer}` : pointer;
}
