/**
 * Diff coverage: of the executable lines changed since a base ref, how many the tests ran.
 *
 * "Changed" is the working tree against the merge-base of the base ref and HEAD: in CI after a
 * checkout the working tree is HEAD, so this is exactly the pull request's diff; locally it also
 * counts uncommitted edits and untracked (not ignored) files, which the coverage run saw too.
 * Comparing with the merge-base rather than the ref itself keeps commits that landed on the base
 * branch since the branch point out of the diff.
 */
import { DebshipError, ExitCode } from '../../core/errors.js';
import { exec } from '../../core/exec.js';
import { gitOutput } from '../../core/git.js';
import type { FileCoverage, Ratio } from './model.js';
import { byCodeUnits } from './paths.js';
import { percent } from './totals.js';

/** Lines changed in one file, by new line number; `all` for an untracked file. */
export type ChangedLines = Set<number> | 'all';

export interface DiffFile {
  path: string;
  /** Changed executable lines the tests ran, ascending. */
  covered: number[];
  /** Changed executable lines the tests did not run, ascending. */
  uncovered: number[];
}

export interface DiffCoverage {
  /** The ref as given (`origin/main`) and the merge-base commit the working tree was compared with. */
  base: string;
  mergeBase: string;
  lines: Ratio;
  /** Covered share of the changed executable lines; null when none changed ("n/a"). */
  percent: number | null;
  /** Files with at least one changed executable line, by path. */
  files: DiffFile[];
  /** Changed files the reports have no per-line data for (docs, config, unmeasured code): not counted. */
  notMeasured: string[];
}

/**
 * Options that make git's output the same whatever the user's configuration: explicit prefixes
 * (diff.noprefix, diff.mnemonicPrefix), no colour, no external diff or textconv, rename detection
 * on (diff.renames), no context merged between hunks (diff.interHunkContext), and paths relative
 * to the project root even when it is a subdirectory of the repository, as coverage paths are.
 */
const DIFF_ARGS = [
  'diff',
  '--unified=0',
  '--inter-hunk-context=0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--find-renames',
  '--diff-filter=AMR',
  '--ignore-submodules=all',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--relative',
];

/** Changed lines per path (relative to `root`) since the merge-base of `base` and HEAD. */
export async function changedLines(root: string, base: string): Promise<{ mergeBase: string; files: Map<string, ChangedLines> }> {
  if (!base || base.startsWith('-')) {
    throw new DebshipError('coverage-diff-base', `--diff-base ${JSON.stringify(base)} is not a git ref`, {
      hint: 'name a branch, tag or commit, for example --diff-base origin/main',
    });
  }
  const git = (args: string[]) => exec('git', args, { cwd: root, allowFailure: true });

  const inside = await git(['rev-parse', '--is-inside-work-tree']);
  if (inside.code !== 0 || inside.stdout.trim() !== 'true') {
    throw new DebshipError('coverage-not-git', `diff coverage needs a git work tree, and ${root} is not in one`, {
      hint: 'run in a git checkout, or drop --diff-base and --min-diff',
    });
  }
  const resolved = await git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  if (resolved.code !== 0) {
    throw new DebshipError('coverage-diff-base', `--diff-base ${base} is not a commit in this clone`, { hint: await fetchHint(root, base) });
  }
  const mb = await git(['merge-base', resolved.stdout.trim(), 'HEAD']);
  if (mb.code !== 0) {
    throw new DebshipError('coverage-diff-base', `${base} and HEAD have no common ancestor in this clone`, {
      hint: 'a shallow clone may stop before the branch point: fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)',
    });
  }
  const mergeBase = mb.stdout.trim();

  const diff = await git([...DIFF_ARGS, mergeBase]);
  if (diff.code !== 0) {
    throw new DebshipError('coverage-diff-failed', `git diff against ${base} failed: ${diff.stderr.trim()}`, { exitCode: ExitCode.usage });
  }
  const files: Map<string, ChangedLines> = parseUnifiedDiff(diff.stdout);

  // Untracked files are new code git diff does not show; -z keeps odd names unquoted.
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z']);
  if (untracked.code === 0) {
    for (const path of untracked.stdout.split('\0')) if (path) files.set(path, 'all');
  }
  return { mergeBase, files };
}

/** Where to get a ref a CI clone lacks: `origin/main` → `git fetch origin main`. */
async function fetchHint(root: string, base: string): Promise<string> {
  const remotes = (await gitOutput(root, ['remote']))?.split('\n') ?? [];
  const ref = base.replace(/^refs\/remotes\//, '');
  // A known remote's prefix; with no remote set up, the first segment of `origin/main` is one.
  const remote = remotes.find((r) => ref.startsWith(`${r}/`)) ?? (remotes.length === 0 && ref.includes('/') ? ref.split('/')[0] : undefined);
  const fetch = remote ? `git fetch ${remote} ${ref.slice(remote.length + 1)}` : `git fetch ${remotes[0] ?? 'origin'} ${ref}`;
  return `check the name; CI checkouts are often shallow, with HEAD only: run ${fetch} first (or set fetch-depth: 0 in actions/checkout)`;
}

/**
 * Added or changed lines per new path from `git diff` output. Hunk bodies are walked rather than
 * their headers trusted, so context lines (if any) are not counted as changes.
 */
export function parseUnifiedDiff(text: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  let next = 0; // the new-file line number of the next ' ' or '+' line in the current hunk
  let inHunk = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
      inHunk = false;
    } else if (!inHunk && line.startsWith('+++ ')) {
      const path = diffPath(line.slice(4));
      // /dev/null: a deletion (filtered out, but harmless); no prefix: not a path we asked for.
      current = path === undefined ? undefined : (files.get(path) ?? files.set(path, new Set()).get(path));
    } else if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
      inHunk = m !== null && current !== undefined;
      next = m ? Number(m[1]) : 0;
    } else if (inHunk) {
      if (line.startsWith('+')) current!.add(next++);
      else if (line.startsWith(' ')) next++;
      else if (!line.startsWith('-') && !line.startsWith('\\')) inHunk = false; // "\ No newline at end of file" stays
    }
  }
  return files;
}

/** The path of a `+++` header: `b/src/a b.ts\t` or `"b/caf\303\251.ts"`; undefined for /dev/null. */
function diffPath(raw: string): string | undefined {
  // git ends the name with a tab when it contains a space, so tools can find its end.
  let name = raw.endsWith('\t') ? raw.slice(0, -1) : raw;
  if (name.startsWith('"')) name = unquoteCStyle(name);
  return name.startsWith('b/') ? name.slice(2) : undefined;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Undo git's C-style quoting (quote_c_style): `\"`, `\\`, `\t`… and `\ooo` octal bytes, which
 * together spell UTF-8 when core.quotePath is on (the default) and the name is not ASCII.
 */
export function unquoteCStyle(quoted: string): string {
  const body = quoted.length >= 2 && quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1) : quoted;
  const bytes: Buffer[] = [];
  for (const [, escape, text] of body.matchAll(/\\([0-7]{3}|[^])|([^\\]+)/g)) {
    if (text !== undefined) bytes.push(Buffer.from(text, 'utf8'));
    else if (/^[0-7]{3}$/.test(escape!)) bytes.push(Buffer.of(parseInt(escape!, 8)));
    else bytes.push(Buffer.of(ESCAPES[escape!] ?? escape!.charCodeAt(0)));
  }
  return Buffer.concat(bytes).toString('utf8');
}

/**
 * Changed executable lines: changed lines present in a file's `lines` map, covered when hit.
 * Changed files without per-line data (not in any report, or only summary totals) are listed
 * as not measured and do not count either way.
 */
export function diffCoverage(
  changed: Map<string, ChangedLines>,
  files: readonly FileCoverage[],
  base: { base: string; mergeBase: string },
): DiffCoverage {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const out: DiffFile[] = [];
  const notMeasured: string[] = [];
  let covered = 0;
  let total = 0;
  for (const [path, lines] of changed) {
    const f = byPath.get(path);
    if (!f || f.summary) {
      notMeasured.push(path);
      continue;
    }
    const file: DiffFile = { path, covered: [], uncovered: [] };
    for (const [line, hits] of f.lines) {
      if (lines !== 'all' && !lines.has(line)) continue;
      (hits > 0 ? file.covered : file.uncovered).push(line);
    }
    if (file.covered.length + file.uncovered.length === 0) continue; // only comments, types, blank lines
    file.covered.sort((a, b) => a - b);
    file.uncovered.sort((a, b) => a - b);
    covered += file.covered.length;
    total += file.covered.length + file.uncovered.length;
    out.push(file);
  }
  out.sort((a, b) => byCodeUnits(a.path, b.path));
  notMeasured.sort();
  return { ...base, lines: { covered, total }, percent: percent({ covered, total }), files: out, notMeasured };
}

/** Ascending line numbers as ranges: [12, 13, 14, 15, 20] → `12-15, 20`. */
export function lineRanges(lines: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    parts.push(j === i ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Diff coverage of `files` since `base`, measured in the git work tree at `root`. */
export async function measureDiffCoverage(root: string, base: string, files: readonly FileCoverage[]): Promise<DiffCoverage> {
  const { mergeBase, files: changed } = await changedLines(root, base);
  return diffCoverage(changed, files, { base, mergeBase });
}
