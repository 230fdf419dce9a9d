import { readdirSync, readFileSync } from 'node:fs';

/** This process's children running `comm` (Linux; zombies not yet reaped included). */
export function childrenRunning(comm: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && name === comm) pids.push(Number(pid));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

/** Waits up to `ms` for this process's children running `comm` to go; those still there. */
export async function childrenLeft(comm: string, ms = 5000): Promise<number[]> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    if (childrenRunning(comm).length === 0) return [];
  }
  return childrenRunning(comm);
}
