/**
 * Runs a command and measures wall time and peak memory of its whole process tree: the RSS of
 * every descendant is summed every few milliseconds (a compressor child counts too), which is
 * what a machine running the build actually has to provide.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Measurement {
  wallSeconds: number;
  /** Peak of the summed RSS of the process tree, in MiB. */
  peakTreeMiB: number;
  /** Peak RSS of the measured process alone (without children such as a codec), in MiB. */
  peakMainMiB: number;
  exitCode: number;
  stderr: string;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Sample memory (default). Each sample reads every process's /proc entry, which costs a few
   * milliseconds of CPU: runs of well under a second are timed without sampling, and their memory
   * taken from a separate run.
   */
  memory?: boolean;
}

export async function measure(cmd: string, args: string[], opts: MeasureOptions = {}): Promise<Measurement> {
  const start = process.hrtime.bigint();
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peak = 0;
  let peakMain = 0;
  const sample = () => {
    if (!child.pid) return;
    const { tree, main } = treeRssKiB(child.pid);
    peak = Math.max(peak, tree);
    peakMain = Math.max(peakMain, main);
  };
  const timer = opts.memory === false ? undefined : setInterval(sample, 20);
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { wallSeconds, peakTreeMiB: peak / 1024, peakMainMiB: peakMain / 1024, exitCode, stderr };
}

function treeRssKiB(root: number): { tree: number; main: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      const pid = Number(name);
      rss.set(pid, pages * 4);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      /* the process ended while we looked */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { tree: total, main: rss.get(root) ?? 0 };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
