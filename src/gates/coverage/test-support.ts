/** Shared by the coverage tests: temporary project roots, reports written into them, error checks. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { DebshipError, isDebshipError } from '../../core/errors.js';
import type { CoverageReport } from './model.js';
import { exec } from '../../core/exec.js';
import { readCoverageReports } from './read.js';

export interface TempRoot {
  root: string;
  /** Writes `content` at `rel` under the root (creating directories) and returns its absolute path. */
  write(rel: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function tempRoot(): Promise<TempRoot> {
  const root = await mkdtemp(join(tmpdir(), 'debship-coverage-'));
  return {
    root,
    async write(rel, content) {
      const path = join(root, rel);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Writes one report (under reports/, as CI setups keep them) and reads it with the root as project root. */
export async function readOne(t: TempRoot, content: string | Uint8Array, name = 'reports/report'): Promise<CoverageReport> {
  const path = await t.write(name, content);
  const [report] = await readCoverageReports([path], { root: t.root });
  return report!;
}

/** The promise rejects with a usage-level DebshipError about `file`; returns it for further checks. */
export async function expectInvalid(promise: Promise<unknown>, file: string, line?: number): Promise<DebshipError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isDebshipError(e)) throw new Error(`expected a DebshipError, got ${e === undefined ? 'success' : String(e)}`, { cause: e });
  expect(e.exitCode).toBe(2);
  expect(e.code).toMatch(/^coverage-report-/);
  expect(e.file).toBe(file);
  expect(e.hint).toBeTruthy();
  if (line !== undefined) expect(e.line).toBe(line);
  return e;
}

/** Reads report text that must be invalid, expecting the error at `line` when given. */
export async function expectInvalidReport(t: TempRoot, content: string | Uint8Array, line?: number, name = 'reports/bad'): Promise<DebshipError> {
  const path = await t.write(name, content);
  return expectInvalid(readCoverageReports([path], { root: t.root }), path, line);
}

/** Lines and branches as plain objects, for readable equality assertions. */
export function plain(report: { files: CoverageReport['files'] }): Record<string, { lines: Record<number, number>; branches: Record<number, number[]> }> {
  return Object.fromEntries(
    report.files.map((f) => [f.path, { lines: Object.fromEntries(f.lines), branches: Object.fromEntries(f.branches) }]),
  );
}

/** Debian ships coverage.py both as a module and as python3-coverage; PATH's python3 may be another one. */
export async function findCoverage(): Promise<string[] | undefined> {
  for (const cmd of [['python3', '-m', 'coverage'], ['python3-coverage'], ['/usr/bin/python3', '-m', 'coverage']]) {
    const found = await exec(cmd[0]!, [...cmd.slice(1), '--version'], { allowFailure: true, timeoutMs: 20_000 }).catch(() => undefined);
    if (found?.code === 0) return cmd;
  }
  return undefined;
}
