import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnPiped } from './exec.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('spawnPiped', () => {
  it('lets several chunks wait for the child, so producing the next one overlaps with the child\'s work', async () => {
    dir = mkdtempSync(join(tmpdir(), 'debship-exec-'));
    const gate = join(dir, 'gate');
    execFileSync('mkfifo', [gate]);
    // The child reads nothing from stdin until the FIFO is opened for writing.
    const child = spawnPiped('sh', ['-c', 'cat "$0" >/dev/null; wc -c', gate]);
    const output: Buffer[] = [];
    child.on('data', (d: Buffer) => output.push(d));
    const done = new Promise((resolve, reject) => child.on('end', resolve).on('error', reject));
    const chunk = Buffer.alloc(1024 * 1024, 1);
    let accepted = 0;
    for (let i = 0; i < 4; i++) await new Promise<void>((resolve) => child.write(chunk, () => resolve(accepted++ as unknown as void)));
    // All four were accepted while the child was still blocked on the FIFO.
    expect(accepted).toBe(4);
    writeFileSync(gate, '');
    child.end();
    await done;
    expect(Buffer.concat(output).toString().trim()).toBe(String(4 * 1024 * 1024));
  });

  it('reports a failing child with its exit status and stderr', async () => {
    const child = spawnPiped('sh', ['-c', 'echo broken >&2; exit 3']);
    child.resume();
    child.end();
    await expect(new Promise((resolve, reject) => child.on('end', resolve).on('error', reject))).rejects.toMatchObject({ code: 'exec-failed', message: expect.stringMatching(/exited with 3: broken/) });
  });

  it('gives the child a file descriptor as its stdin when asked, and refuses what is written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'debship-exec-'));
    writeFileSync(join(dir, 'input'), 'x'.repeat(12345));
    const run = (write: boolean): Promise<string> => {
      const fd = openSync(join(dir!, 'input'), 'r');
      const child = spawnPiped('wc', ['-c'], { stdinFd: fd });
      closeSync(fd);
      const output: Buffer[] = [];
      child.on('data', (d: Buffer) => output.push(d));
      const done = new Promise<string>((resolve, reject) => child.on('end', () => resolve(Buffer.concat(output).toString().trim())).on('error', reject));
      if (write) child.write('more');
      child.end();
      return done;
    };
    expect(await run(false)).toBe('12345');
    await expect(run(true)).rejects.toThrow(/wc reads its input from a file descriptor, not from the stream/);
  });
});
