/**
 * Reading maintainer scripts line by line the way lintian's checks do: physical lines numbered
 * from 1, comments removed by lintian's heuristic, backslash continuations joined. Lines hold no
 * `\n`, so Perl's `.` there takes any character (a carriage return too, as in a script written
 * with CRLF line ends), and its `\s` is PERL_SPACE_CLASS.
 */
import { isPerlSpace, PERL_SPACE_CLASS } from '../../linear-text.js';

const BLANK = new RegExp(`^${PERL_SPACE_CLASS}*$`);
const COMMENT = new RegExp(`^${PERL_SPACE_CLASS}*#`);

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
  const simplified = line.replace(/(^|[^\\](?:\\\\)*)'(?:\\[^\n]|[^\\'])+'/g, "$1''").replace(/(^|[^\\](?:\\\\)*)"(?:\\[^\n]|[^\\"])+"/g, '$1""');
  const comment = trailingComment(simplified);
  return comment === undefined ? line : line.replace(comment, '');
}

/**
 * `/(?:^|[^[\\])[\s&;()](#.*$)/.exec(line)?.[1]` in Perl, on a line without `\n`: from the first
 * `#` after a blank or one of `&;()` (itself not after `[` or a backslash) to the end. V8 would try
 * `.*$` again from every `#`.
 */
export function trailingComment(line: string): string | undefined {
  for (let h = 1; h < line.length; h++) {
    if (line[h] !== '#' || !(isPerlSpace(line[h - 1]) || '&;()'.includes(line[h - 1]!))) continue;
    if (h === 1 || (line[h - 2] !== '[' && line[h - 2] !== '\\')) return line.slice(h);
  }
  return undefined;
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
    if (BLANK.test(physical) || COMMENT.test(physical)) return;
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
