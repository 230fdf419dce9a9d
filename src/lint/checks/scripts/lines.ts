/**
 * Reading maintainer scripts line by line the way lintian's checks do: physical lines numbered
 * from 1, comments removed by lintian's heuristic, backslash continuations joined.
 */

/** The physical lines of a text as Perl's `<$fd>` yields them, without their newlines. */
export function physicalLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** lintian's remove_comments: drops a trailing `# …` that is not inside quotes. */
export function removeComments(line: string): string {
  // Without a `#` there is no comment (most lines): skip the quote rewriting.
  if (!line.includes('#')) return line;
  const simplified = line.replace(/(^|[^\\](?:\\\\)*)'(?:\\.|[^\\'])+'/g, "$1''").replace(/(^|[^\\](?:\\\\)*)"(?:\\.|[^\\"])+"/g, '$1""');
  const m = /(?:^|[^[\\])[\s&;()](#.*$)/.exec(simplified);
  return m ? line.replace(m[1]!, '') : line;
}

export interface LogicalLine {
  line: string;
  /** Number of the physical line that completes it. */
  position: number;
}

/**
 * The lines the small maintainer-script checks (killall, mknod, temporary files…) look at: blank
 * and comment lines skipped, comments removed, a trailing backslash joining the next line.
 */
export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let stashed = '';
  physicalLines(text).forEach((physical, i) => {
    if (/^\s*$/.test(physical) || /^\s*#/.test(physical)) return;
    const noComment = removeComments(physical);
    if (noComment.endsWith('\\')) {
      stashed += noComment.slice(0, -1);
      return;
    }
    out.push({ line: stashed + noComment, position: i + 1 });
    stashed = '';
  });
  return out;
}
