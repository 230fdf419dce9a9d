/**
 * Reading maintainer scripts line by line the way lintian's checks do: physical lines numbered
 * from 1, comments removed by lintian's heuristic, backslash continuations joined.
 */
import { lastLineEnd } from '../../linear-text.js';

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
  const comment = trailingComment(simplified);
  return comment === undefined ? line : line.replace(comment, '');
}

/**
 * `/(?:^|[^[\\])[\s&;()](#.*$)/.exec(text)?.[1]`. `.*$` reaches the end only from after the last
 * line end, and V8 scans from every `#` before it to that line end (a line of ` #` repeated and a
 * `\r`: quadratic, 27 s for 80 KB); the leftmost `#` after it that the expression accepts wins.
 */
export function trailingComment(text: string): string | undefined {
  for (let h = Math.max(1, lastLineEnd(text) + 1); h < text.length; h++) {
    if (text[h] !== '#' || !/[\s&;()]/.test(text[h - 1]!)) continue;
    if (h === 1 || (text[h - 2] !== '[' && text[h - 2] !== '\\')) return text.slice(h);
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
