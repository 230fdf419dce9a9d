/**
 * Coverage history: a JSON Lines file with one entry per run (commit, branch, date, totals), so a
 * gate can refuse a drop from the previous run on the same branch.
 *
 * A run for a commit already in the history on the same branch replaces that entry in place:
 * re-running a job is idempotent and never compares a commit with itself. Writers take an
 * exclusive lock file (O_EXCL) and rewrite the whole file to a temporary name that is renamed
 * into place, so concurrent runs lose no entries and readers never see a half-written file.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { DebshipError } from '../../core/errors.js';
import { makeDirs } from '../../core/make-dirs.js';
import { gitOutput } from '../../core/git.js';

const measure = z.object({
  covered: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  percent: z.number().min(0).max(100).nullable(),
});

const entrySchema = z.object({
  commit: z.string().min(1),
  branch: z.string().min(1),
  date: z.string().min(1),
  lines: measure,
  branches: measure,
  /** Whether the gate held on this run; absent in older files, which counts as held. */
  passed: z.boolean().optional(),
});

export type HistoryEntry = z.infer<typeof entrySchema>;

export interface Revision {
  commit: string;
  branch: string;
}

const HINT = 'each line must be one JSON object as debship gate coverage writes it; fix or delete that line (the other entries are kept)';

/** Every entry, oldest first; a missing file is an empty history. A bad line is an error, never skipped. */
export async function readHistory(file: string): Promise<HistoryEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DebshipError('coverage-history', `cannot read the coverage history ${file}: ${(e as Error).message}`, { file, cause: e });
  }
  return parseHistory(text, file);
}

export function parseHistory(text: string, file: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new DebshipError('coverage-history', `not JSON: ${(e as Error).message}`, { file, line: i + 1, hint: HINT });
    }
    const parsed = entrySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new DebshipError('coverage-history', `not a coverage history entry${where}: ${issue.message}`, {
        file,
        line: i + 1,
        hint: HINT,
      });
    }
    entries.push(parsed.data);
  }
  return entries;
}

/**
 * The last entry on `branch` for another commit whose gate held: what this run is compared with.
 * Failed runs are recorded for the trend but never become the bar, or a drop that failed once
 * would pass on the next commit.
 */
export function previousEntry(entries: readonly HistoryEntry[], rev: Revision): HistoryEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.branch === rev.branch && e.commit !== rev.commit && e.passed !== false) return e;
  }
  return undefined;
}

export interface RecordOptions {
  /** How long to wait for another writer's lock before giving up. */
  lockTimeoutMs?: number;
  /** A lock older than this was left by a killed process and is removed. */
  staleLockMs?: number;
}

/** Add `entry`, or replace the entry for the same commit and branch. Returns whether one was replaced. */
export async function recordHistory(file: string, entry: HistoryEntry, opts: RecordOptions = {}): Promise<{ replaced: boolean }> {
  makeDirs(dirname(file));
  return withLock(`${file}.lock`, opts, async () => {
    const entries = await readHistory(file);
    const at = entries.findIndex((e) => e.commit === entry.commit && e.branch === entry.branch);
    if (at >= 0) entries[at] = entry;
    else entries.push(entry);
    await writeFileAtomic(file, entries.map((e) => JSON.stringify(e) + '\n').join(''));
    return { replaced: at >= 0 };
  });
}

async function withLock<T>(lock: string, opts: RecordOptions, fn: () => Promise<T>): Promise<T> {
  const timeout = opts.lockTimeoutMs ?? 30_000;
  const stale = opts.staleLockMs ?? 120_000;
  const deadline = Date.now() + timeout;
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(lock, 'wx');
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DebshipError('coverage-history', `cannot create the lock ${lock}: ${(e as Error).message}`, { file: lock, cause: e });
      }
    }
    const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > stale) {
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new DebshipError('coverage-history', `another run has held ${lock} for too long`, {
        file: lock,
        hint: 'if no other debship gate coverage is running, delete the lock file',
      });
    }
    // Jittered backoff so waiting writers do not retry in step.
    await new Promise((r) => setTimeout(r, Math.min(200, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random())));
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

/**
 * The commit and branch a run is recorded under: options first, then GitHub Actions' variables
 * (a pull request's head branch, else the pushed ref's name; its SHA), then git.
 */
export async function resolveRevision(root: string, given: Partial<Revision>, env: NodeJS.ProcessEnv = process.env): Promise<Revision> {
  const git = (args: string[]) => gitOutput(root, args);
  const commit = given.commit || env.GITHUB_SHA || (await git(['rev-parse', 'HEAD']));
  let branch = given.branch || env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
  if (!branch) {
    const head = await git(['rev-parse', '--abbrev-ref', 'HEAD']);
    // A detached HEAD names no branch; recording it as "HEAD" would compare unrelated runs.
    if (head && head !== 'HEAD') branch = head;
  }
  if (!commit || !branch) {
    const missing = !commit ? 'commit' : 'branch';
    throw new DebshipError('coverage-revision', `cannot tell which ${missing} this coverage history entry is for`, {
      hint: !commit
        ? 'run in a git checkout or pass --commit'
        : 'HEAD is detached (as in many CI checkouts): pass --branch with the branch being built',
    });
  }
  return { commit, branch };
}
