/**
 * Builds the clean roots the suite needs once, before any test file runs, so parallel test
 * files find them cached instead of racing to build them. Without mmdebstrap (or root) this
 * fails the run under CI; locally the tests that need a root fail with the same message.
 *
 * Test files make their scratch directories with tmpdir() and leave them; the whole run gets
 * one temporary directory of its own (TMPDIR, inherited by the test processes and every tool
 * they start), removed when the run ends, so runs do not pile up in /tmp.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTreeSync } from './cleanup.js';
import { describeSpec, ensureLowerDir, isAlive, suiteRoots, sweepStaleWorkDirs } from './debian-root.js';
import { findTool, missingToolMessage } from './tools.js';

const RUN_DIR = 'debship-test-run-';

export default async function setup(): Promise<() => void> {
  sweepKilledRuns();
  const before = process.env.TMPDIR;
  const scratch = mkdtempSync(join(tmpdir(), `${RUN_DIR}${process.pid}-`));
  process.env.TMPDIR = scratch;
  await buildRoots();
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    tryRemove(scratch);
  };
}

/** Scratch left behind is only clutter: a failure to remove it is reported, never fails the run. */
function tryRemove(dir: string): void {
  try {
    removeTreeSync(dir);
  } catch (e) {
    console.log(`debship-test: could not remove ${dir}: ${(e as Error).message}`);
  }
}

/** The temporary directories of runs that were killed before their teardown. */
function sweepKilledRuns(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.startsWith(RUN_DIR) && name.slice(RUN_DIR.length).split('-')[0]);
    if (pid > 0 && !isAlive(pid)) tryRemove(join(tmpdir(), name));
  }
}

async function buildRoots(): Promise<void> {
  const problem =
    (await findTool('mmdebstrap')) === undefined
      ? missingToolMessage('mmdebstrap', 'mmdebstrap')
      : process.getuid?.() !== 0
        ? 'building clean Debian roots needs root (uid 0); run the suite as root, as .ci/run does'
        : undefined;
  if (problem) {
    if (process.env.CI) throw new Error(problem);
    console.log(`debship-test: clean roots unavailable, tests that need one will fail: ${problem}`);
    return;
  }
  const swept = await sweepStaleWorkDirs();
  if (swept) console.log(`debship-test: removed ${swept} working copies left by killed test runs`);
  for (const spec of suiteRoots) {
    const started = Date.now();
    try {
      const lower = await ensureLowerDir(spec);
      console.log(`debship-test: root ${describeSpec(spec)} ready in ${((Date.now() - started) / 1000).toFixed(1)}s: ${lower}`);
    } catch (e) {
      if (process.env.CI) throw e;
      // Unit tests still run; each test needing this root retries the build and fails with the reason.
      console.log(`debship-test: building root ${describeSpec(spec)} failed: ${(e as Error).message}`);
    }
  }
}
