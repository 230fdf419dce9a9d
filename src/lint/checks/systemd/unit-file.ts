/**
 * Reading systemd unit files as lintian's systemd check does: continuation lines joined, comments
 * dropped, `Key=value` split at the last `=` (lintian's greedy pattern), values split like
 * Text::ParseWords::shellwords, an empty assignment resetting the list.
 */
import type { LintFile, LintPackage } from '../../types.js';
import { backOverSpace, joinContinued, LINE_END, lastLineEnd, skipSpace, trimTrailingNewlines } from '../../linear-text.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** lintian's decoded_utf8: the text, or '' when the bytes are not valid UTF-8. */
export function decodedUtf8(data: Buffer | undefined): string {
  if (!data) return '';
  try {
    return utf8.decode(data);
  } catch {
    return '';
  }
}

/** The entry a path leads to within the package, following symlinks and hard links (lintian's resolve_path). */
export function resolvePath(pkg: LintPackage, path: string): LintFile | undefined {
  const start = normalise('/', path);
  let current = start === undefined ? undefined : pkg.byPath.get(start);
  for (let hops = 0; current && hops < 18; hops++) {
    if (current.type === 'hardlink' && current.linkTarget) current = pkg.byPath.get(current.linkTarget);
    else if (current.type === 'symlink' && current.linkTarget !== undefined) {
      const target = normalise(current.path.slice(0, current.path.lastIndexOf('/')) || '/', current.linkTarget);
      current = target === undefined ? undefined : pkg.byPath.get(target);
    } else return current;
  }
  return undefined;
}

/** `link` resolved against directory `dir`; undefined when it climbs above the root. */
function normalise(dir: string, link: string): string | undefined {
  const parts: string[] = [];
  for (const part of (link.startsWith('/') ? link : `${dir}/${link}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.pop() === undefined) return undefined;
    } else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The regular file an entry stands for, or undefined when lintian could not open it (is_open_ok). */
export function openable(pkg: LintPackage, file: LintFile): LintFile | undefined {
  const target = file.type === 'file' ? file : resolvePath(pkg, file.path);
  return target?.type === 'file' ? target : undefined;
}

/** Non-empty, non-comment lines of a unit, continuations joined (lintian's service_file_lines). */
export function serviceFileLines(text: string): string[] {
  const out: string[] = [];
  for (const { line: joined } of joinContinued(trimTrailingNewlines(text).split('\n'))) {
    const line = joined.trimEnd();
    if (line && !/^[#;\n]/.test(line)) out.push(line);
  }
  return out;
}

/** Each `key=value` of a unit with the section it is in, in order (lines before any section are not). */
export function* assignments(lines: string[]): Generator<{ section: string; key: string; value: string }> {
  let current: string | undefined;
  for (const line of lines) {
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = header[1];
      continue;
    }
    const m = current === undefined ? undefined : keyAndValue(line);
    if (m) yield { section: current!, key: m[0], value: m[1] };
  }
}

/**
 * Every assignment of a unit read once, for a check asking about many keys: `values(section, key)`
 * gives what unitValues(lines, section, key) gives, the words split on first use.
 */
export function unitTable(lines: string[]): (section: string, key: string) => string[] {
  // Raw values since the last empty assignment, which resets a key.
  const raw = new Map<string, string[]>();
  for (const { section, key, value } of assignments(lines)) {
    const id = `${section}\0${key}`;
    const list = raw.get(id);
    if (!value.length) raw.set(id, []);
    else if (list) list.push(value);
    else raw.set(id, [value]);
  }
  const words = new Map<string, string[]>();
  return (section, key) => {
    const id = `${section}\0${key}`;
    let w = words.get(id);
    if (!w) words.set(id, (w = (raw.get(id) ?? []).flatMap(shellwords)));
    return w;
  };
}

/** The words of every `key=` assignment in `[section]`, as lintian's extract_service_file_values. */
export function unitValues(lines: string[], section: string, key: string): string[] {
  return unitTable(lines)(section, key);
}

/**
 * lintian's `/^(.*)\s*=\s*(.*)$/` and its two captures. V8 tries every split of a long run of
 * blanks between `(.*)` and `\s*` (linear-text.ts); this tries each `=` once instead, from the
 * last, as the greedy `(.*)` does: the key is everything before it (blanks too), unless a line end
 * comes first, and the value starts after the blanks that follow it and may not cross a line end.
 */
export function keyAndValue(line: string): [string, string] | undefined {
  const firstEnd = line.search(LINE_END);
  const keyEnd = firstEnd < 0 ? line.length : firstEnd;
  const lastEnd = lastLineEnd(line);
  for (let q = line.lastIndexOf('='); q >= 0; q = q === 0 ? -1 : line.lastIndexOf('=', q - 1)) {
    // `(.*)` ends at or before the first line end; only blanks may lie between its end and `=`.
    const p = Math.min(q, keyEnd);
    if (p < backOverSpace(line, q)) continue;
    const r = skipSpace(line, q + 1);
    if (lastEnd < r) return [line.slice(0, p), line.slice(r)];
  }
  return undefined;
}

/** Text::ParseWords::shellwords: whitespace-separated words, quotes and backslashes honoured; none when quotes do not balance. */
export function shellwords(input: string): string[] {
  // parse_line's pattern: a double- or single-quoted piece, or an unquoted one ended by the end,
  // whitespace or a quote.
  const PIECE = /^(?:(")((?:[^\\"]|\\.)*)"|(')((?:[^\\']|\\.)*)'|((?:\\.|[^\\"'])*?)($|\s+|(?!^)(?=["'])))/s;
  let line = input.replace(/^\s+/, '');
  const words: Array<string | undefined> = [];
  let word: string | undefined;
  while (line.length) {
    const m = PIECE.exec(line);
    if (!m) return [];
    const quote = m[1] ?? m[3];
    const unquoted = m[5] ?? '';
    const delim = m[6] ?? '';
    if (quote === undefined && !unquoted && !delim) return [];
    line = line.slice(m[0].length);
    const text = quote === undefined ? unquoted.replace(/\\(.)/gs, '$1') : quote === '"' ? m[2]!.replace(/\\(.)/gs, '$1') : m[4]!;
    word = (word ?? '') + text;
    if (delim) {
      words.push(word);
      word = undefined;
    }
    if (!line.length) words.push(word);
  }
  if (words.length && words[words.length - 1] === undefined) words.pop();
  return words.filter((w): w is string => w !== undefined);
}

/** Data::Validate::URI's is_uri, which lintian uses for Documentation=. */
export function isUri(value: string): boolean {
  if (/[^a-z0-9:/?#[\]@!$&'()*+,;=.\-_~%]/i.test(value)) return false;
  if (/%[^0-9a-f]/i.test(value) || /%[0-9a-f](:?[^0-9a-f]|$)/i.test(value)) return false;
  const m = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?/.exec(value)!;
  const [, scheme, authority, path = ''] = m;
  if (!scheme) return false;
  if (authority) {
    if (path.length && !path.startsWith('/')) return false;
  } else if (path.startsWith('//')) return false;
  return /^[a-z][a-z0-9+\-.]*$/.test(scheme.toLowerCase());
}
