/**
 * Linear-time forms of the rows of lintian's bad-command table that V8's linear engine cannot run
 * (they use lookarounds), for lines longer than bounded-pattern.ts's LONG. On a line repeating
 * the command, the expressions rescan the rest of the line from every repetition: the
 * start-stop-daemon row is quadratic, the adduser row cubic (an 85 KB line ran for minutes); the
 * rm row, anchored at the start, is quadratic in the blanks after `rm` (160,000: 21 s).
 *
 * Each form computes, for every position, the nearest occurrence of the pieces its expression
 * looks ahead for, in one pass from the right or the left, and then decides each candidate in
 * constant time. long-line-forms.test.ts checks each against its expression on random lines.
 */
import { isLineEnd, isSpace, skipSpace } from '../../linear-text.js';
import { matchAt } from '../../bounded-pattern.js';

const isWord = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);

/** For each position i (0..length), where the line it is on ends: `.` in an expression stops there. */
function lineEnds(text: string): Int32Array {
  const end = new Int32Array(text.length + 1);
  end[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) end[i] = isLineEnd(text[i]!) ? i : end[i + 1]!;
  return end;
}

/** For each position i (0..length), the first position ≥ i where `at` holds (length + 1 if none). */
function nextWhere(length: number, at: (i: number) => boolean): Int32Array {
  const next = new Int32Array(length + 2);
  next[length + 1] = length + 1;
  for (let i = length; i >= 0; i--) next[i] = at(i) ? i : next[i + 1]!;
  return next;
}

/** For each position i (0..length), the last position ≤ i where `at` holds (-1 if none). */
function lastWhere(length: number, at: (i: number) => boolean): Int32Array {
  const last = new Int32Array(length + 1);
  for (let i = 0, seen = -1; i <= length; i++) last[i] = seen = at(i) ? i : seen;
  return last;
}

/** `\bstart-stop-daemon(?=\s)(?!.*\s--stop\b)`, the whole match in group 1. */
export function startStopDaemonLong(text: string): RegExpExecArray | null {
  const word = 'start-stop-daemon';
  const end = lineEnds(text);
  const stop = nextWhere(text.length, (k) => isSpace(text[k]) && text.startsWith('--stop', k + 1) && !isWord(text[k + 7]));
  for (let c = text.indexOf(word); c >= 0; c = text.indexOf(word, c + 1)) {
    const after = c + word.length;
    if (isWord(text[c - 1]) || !isSpace(text[after])) continue;
    // `.*` reaches the end of the line; `\s` may be the line end itself.
    if (stop[after]! > end[after]!) return matchAt(text, c, [word, word]);
  }
  return null;
}

/**
 * `(adduser\s(?:A|B).*)`, the whole match in groups 1 and 2 (the table's row adds one), with
 * A = `(?!.*(?<=\s)--home\s.*\s--system).*(?<=\s)--system(?=\s)(?!.*\s--home\s+(?:"?/(?!home/)|"?\$[([{]?))`
 * (a system user, and no `--home` before a `--system` nor a home outside /home after the last
 * `--system`) and B = `--home\s+"?/home/.*\s--system(?:\s|$)`.
 */
export function adduserSystemLong(text: string): RegExpExecArray | null {
  const n = text.length;
  const end = lineEnds(text);
  const space = (i: number) => isSpace(text[i]);
  const spaceSystem = (s: number) => space(s) && text.startsWith('--system', s + 1);
  const firstSpaceSystem = nextWhere(n, spaceSystem);
  // `(?<=\s)--home\s.*\s--system` starting at h.
  const homeBeforeSystem = nextWhere(n, (h) => text.startsWith('--home', h) && space(h - 1) && space(h + 6) && firstSpaceSystem[h + 7]! <= end[h + 7]!);
  const lastSystem = lastWhere(n, (m) => text.startsWith('--system', m) && space(m - 1) && space(m + 8));
  // `\s--home\s+(?:"?/(?!home/)|"?\$)` at k: `\s+` takes the whole run, as what follows is no blank.
  const homeElsewhere = nextWhere(n, (k) => {
    if (!space(k) || !text.startsWith('--home', k + 1)) return false;
    const w = skipSpace(text, k + 7);
    if (w === k + 7) return false;
    const at = text[w] === '"' ? w + 1 : w;
    if (text[at] === '$') return true;
    if (text[at] === '/' && !text.startsWith('home/', at + 1)) return true;
    // `"?` gives its quote back: a bare `"` then is no `/` or `$`.
    return false;
  });
  const lastSpaceSystemEnd = lastWhere(n, (s) => spaceSystem(s) && (s + 9 === n || space(s + 9)));

  for (let p = text.indexOf('adduser'); p >= 0; p = text.indexOf('adduser', p + 1)) {
    if (!space(p + 7)) continue;
    const q = p + 8;
    const m = end[q]! > q ? lastSystem[end[q]! - 1]! : -1;
    if (homeBeforeSystem[q]! > end[q]! && m >= q && homeElsewhere[m + 8]! > end[m + 8]!) return whole(p, end[q]!);
    if (!text.startsWith('--home', q)) continue;
    const w = skipSpace(text, q + 6);
    if (w === q + 6) continue;
    const x = text.startsWith('/home/', w) ? w + 6 : text[w] === '"' && text.startsWith('/home/', w + 1) ? w + 7 : -1;
    if (x < 0) continue;
    const s = lastSpaceSystemEnd[end[x]!]!;
    if (s < x) continue;
    const e = s + 9 < n && space(s + 9) ? s + 10 : s + 9;
    return whole(p, end[e]!);
  }
  return null;

  function whole(start: number, stop: number): RegExpExecArray {
    const found = text.slice(start, stop);
    return matchAt(text, start, [found, found, found]);
  }
}

/** `^\s*rm\s+(?:[^>]*\s)?(/dev/(?!(?:shm/|\.[^.]+))[^/ ]+)`, the whole match in group 1. */
export function rmDeviceLong(text: string): RegExpExecArray | null {
  const n = text.length;
  const r = skipSpace(text, 0);
  if (!text.startsWith('rm', r)) return null;
  const q = skipSpace(text, r + 2);
  if (q === r + 2) return null;
  // `[^/ ]+` needs a character, and `[^.]` in the lookahead any character but a dot.
  const device = (d: number) =>
    text.startsWith('/dev/', d) &&
    d + 5 < n &&
    text[d + 5] !== '/' &&
    text[d + 5] !== ' ' &&
    !text.startsWith('shm/', d + 5) &&
    !(text[d + 5] === '.' && d + 6 < n && text[d + 6] !== '.');
  // `\s+` takes every blank first and `[^>]*` as much as it can: the device nearest the first `>`
  // (or the end) that follows a blank wins, then one right after the blanks. Giving blanks back
  // to `[^>]*` offers no other place for the device.
  const stop = text.indexOf('>', q);
  let d = -1;
  for (let k = stop < 0 ? n : stop; k > q && d < 0; k--) if (isSpace(text[k - 1]) && device(k)) d = k;
  if (d < 0 && device(q)) d = q;
  if (d < 0) return null;
  let e = d + 5;
  while (e < n && text[e] !== '/' && text[e] !== ' ') e++;
  const whole = text.slice(0, e);
  return matchAt(text, 0, [whole, whole, text.slice(d, e)]);
}
