/**
 * Build steps: the user's commands that compile and lay out the application before packaging.
 * They run through a `StepRunner`, so running them somewhere else (a clean root of the target
 * architecture) is a matter of passing another runner. Their output goes to stderr, keeping
 * stdout clean for --json.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DebshipError, ExitCode } from '../core/errors.js';
import { lastLines, waitForExit } from '../core/exec.js';
import type { BuildConfig, BuildStep } from '../config/types.js';

export interface StepContext {
  arch: string;
  version: string;
  stagingDir: string;
  sourceDateEpoch: number;
  configDir: string;
  /** The base environment (usually process.env). */
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  output?: NodeJS.WritableStream;
}

export interface StepRunner {
  run(step: BuildStep, env: NodeJS.ProcessEnv, cwd: string, ctx: StepContext): Promise<void>;
}

/** Runs steps on this machine with `sh -c`. */
export const hostStepRunner: StepRunner = {
  async run(step, env, cwd, ctx) {
    const child = spawn('sh', ['-c', step.run], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], signal: ctx.signal });
    child.on('error', () => {}); // surfaced by waitForExit
    let tail = '';
    const keep = (d: Buffer) => {
      ctx.output?.write(d);
      tail = (tail + d.toString('utf8')).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const code = await waitForExit(child, 'sh');
    if (code !== 0) {
      throw new DebshipError('build-step-failed', `build step "${step.name}" exited with ${code}${tail ? `:\n${lastLines(tail, 10)}` : ''}`, {
        hint: `run it by hand to debug: cd ${cwd} && ${step.run}`,
        exitCode: ExitCode.findings,
      });
    }
  },
};

/** The environment a step sees: the caller's, the config's, the architecture's, then debship's own. */
export function stepEnv(build: BuildConfig, step: BuildStep, ctx: StepContext): NodeJS.ProcessEnv {
  return {
    ...ctx.env,
    ...build.env,
    ...(build.archEnv[ctx.arch] ?? {}),
    ...step.env,
    DEBSHIP_STAGING: ctx.stagingDir,
    DESTDIR: ctx.stagingDir,
    DEBSHIP_ARCH: ctx.arch,
    DEBSHIP_VERSION: ctx.version,
    SOURCE_DATE_EPOCH: String(ctx.sourceDateEpoch),
  };
}

export async function runBuildSteps(
  build: BuildConfig,
  ctx: StepContext,
  runner: StepRunner = hostStepRunner,
  onStep?: (step: BuildStep) => void,
): Promise<void> {
  for (const step of build.steps) {
    onStep?.(step);
    await runner.run(step, stepEnv(build, step, ctx), resolve(ctx.configDir, step.cwd ?? '.'), ctx);
  }
}
