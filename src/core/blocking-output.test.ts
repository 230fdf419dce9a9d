import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnWithBlockingOutput } from './blocking-output.js';
import { openDescriptors } from '../../test/support/descriptors.js';
import { childrenLeft } from '../../test/support/processes.js';

// Named pipes are made in os.tmpdir(): a private one, so leftovers can be counted.
const savedTmp = process.env.TMPDIR;
let root: string;
let tmp: string;
let stdinFd: number;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'debship-blocking-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  tmp = mkdtempSync(join(root, 'tmp-'));
  process.env.TMPDIR = tmp;
  stdinFd = openSync('/dev/null', 'r');
});
afterEach(() => {
  closeSync(stdinFd);
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

/** `yes` processes whose environment marks them as children of process `pid`. */
function orphansOf(pid: number): string[] {
  return readdirSync('/proc').filter((p) => {
    try {
      return /^\d+$/.test(p) && readFileSync(`/proc/${p}/comm`, 'latin1') === 'yes\n' && readFileSync(`/proc/${p}/environ`, 'latin1').split('\0').includes(`DEBSHIP_TEST_PARENT=${pid}`);
    } catch {
      return false;
    }
  });
}

describe('spawnWithBlockingOutput', () => {
  it('returns the whole output in large pieces that are never overwritten, leaving nothing behind', async () => {
    const data = randomBytes(9 * 1024 * 1024 + 12345);
    const input = join(root, 'input');
    writeFileSync(input, data);
    const before = openDescriptors();
    const fd = openSync(input, 'r');
    const out = spawnWithBlockingOutput('cat', [], { stdinFd: fd });
    closeSync(fd);
    expect(out).toBeDefined();
    const pieces: Buffer[] = [];
    for await (const piece of out!) pieces.push(piece);
    // Kept until the end: a slab reused for later output would change earlier pieces.
    expect(createHash('sha256').update(Buffer.concat(pieces)).digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    expect(pieces.slice(0, -1).every((p) => p.length >= 1024 * 1024)).toBe(true);
    expect(openDescriptors()).toBeLessThanOrEqual(before);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('gives the event loop turns during a long output', async () => {
    let seen = -1;
    let total = 0;
    setImmediate(() => (seen = total));
    for await (const piece of spawnWithBlockingOutput('head', ['-c', String(40 * 1024 * 1024), '/dev/zero'], { stdinFd })!) total += piece.length;
    expect(total).toBe(40 * 1024 * 1024);
    expect(seen).toBeGreaterThanOrEqual(0);
    expect(seen).toBeLessThan(total);
  });

  it('reports a failed child with the end of its stderr, after its output', async () => {
    const out: Buffer[] = [];
    const err = await (async () => {
      for await (const piece of spawnWithBlockingOutput('sh', ['-c', 'printf partial; echo "it broke" >&2; exit 3'], { stdinFd })!) out.push(piece);
    })().catch((e: unknown) => e);
    expect(Buffer.concat(out).toString()).toBe('partial');
    expect(err).toMatchObject({ code: 'exec-failed' });
    expect((err as Error).message).toMatch(/^sh -c .* exited with 3: it broke$/);
  });

  it('reports a missing program with the hint given', async () => {
    const err = await (async () => {
      for await (const _ of spawnWithBlockingOutput('debship-no-such-tool', [], { stdinFd, missingHint: 'install the thing' })!) void _;
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'tool-missing', hint: 'install the thing' });
  });

  it('kills the child when the reader stops early, or never starts', async () => {
    const before = openDescriptors();
    const started = spawnWithBlockingOutput('yes', [], { stdinFd })!;
    const first = await started.next();
    expect(first.done).toBe(false);
    // One reader at a time: another child would only wait on its full pipe while this one blocks.
    expect(spawnWithBlockingOutput('yes', [], { stdinFd })).toBeUndefined();
    await started.return!();
    const unread = spawnWithBlockingOutput('yes', [], { stdinFd })!;
    await unread.return!();
    expect(await childrenLeft('yes')).toEqual([]);
    // At most: descriptors of earlier tests' children may close meanwhile.
    expect(openDescriptors()).toBeLessThanOrEqual(before);
    expect(await started.next()).toEqual({ done: true, value: undefined });
  });

  it('is undefined where no named pipe can be made, so the caller streams instead', () => {
    const file = join(tmp, 'not-a-dir');
    writeFileSync(file, '');
    process.env.TMPDIR = file;
    expect(spawnWithBlockingOutput('cat', [], { stdinFd })).toBeUndefined();
  });

  it('leaves no child behind when this process dies while reading', () => {
    // A process that reads one piece and exits without stopping the reader: its child must get
    // SIGPIPE on its next write, not keep waiting on a pipe it holds open itself.
    const script = `
      import { openSync } from 'node:fs';
      import { spawnWithBlockingOutput } from ${JSON.stringify(new URL('./blocking-output.ts', import.meta.url).href)};
      process.env.DEBSHIP_TEST_PARENT = String(process.pid);
      const out = spawnWithBlockingOutput('yes', [], { stdinFd: openSync('/dev/null', 'r') });
      await out.next();
      process.stdout.write(String(process.pid));
      process.exit(0);`;
    const pid = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(Number(pid)).toBeGreaterThan(0);
    let orphans: string[] = [];
    for (let i = 0; i < 100; i++) {
      orphans = orphansOf(Number(pid));
      if (orphans.length === 0) break;
      execFileSync('sleep', ['0.02']);
    }
    for (const p of orphans) process.kill(Number(p), 'SIGKILL');
    expect(orphans).toEqual([]);
  });
});
