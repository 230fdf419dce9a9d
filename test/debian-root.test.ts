import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec } from '../src/core/exec.js';
import { mountsUnder } from './support/cleanup.js';
import { bookwormApt, ensureLowerDir, ensureRootTarball, withRoot } from './support/debian-root.js';
import { requireTool } from './support/tools.js';

const ROOT_TEST_TIMEOUT = 120_000;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'debship-root-test-'));
  await ensureRootTarball(bookwormApt); // cached by the global setup; builds here if run alone
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A package with a data file and a conffile, built by dpkg-deb from a tree made here. */
async function buildProofDeb(): Promise<string> {
  const dpkgDeb = await requireTool('dpkg-deb', 'dpkg');
  const tree = join(scratch, 'tree');
  const files: Record<string, string> = {
    'DEBIAN/control': [
      'Package: debship-proof',
      'Version: 1.0',
      'Architecture: all',
      'Maintainer: debship tests <tests@example.org>',
      'Description: proof that clean roots install packages',
      '',
    ].join('\n'),
    'DEBIAN/conffiles': '/etc/debship-proof.conf\n',
    'etc/debship-proof.conf': 'greeting = hello\n',
    'usr/share/debship-proof/hello.txt': 'hello from debship\n',
  };
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(join(tree, rel, '..'), { recursive: true, mode: 0o755 });
    await writeFile(join(tree, rel), content);
    await chmod(join(tree, rel), 0o644);
  }
  const deb = join(scratch, 'debship-proof_1.0_all.deb');
  await exec(dpkgDeb, ['--root-owner-group', '-b', tree, deb]);
  return deb;
}

const noMountsLeft = (path: string): boolean => mountsUnder(path).length === 0 && !existsSync(path);

describe('clean Debian roots', () => {
  it('installs, verifies and purges a package built with dpkg-deb', { timeout: ROOT_TEST_TIMEOUT }, async () => {
    const deb = await buildProofDeb();
    const used = await withRoot(bookwormApt, async (root) => {
      await root.copyIn(deb, '/tmp/');
      await root.run(['dpkg', '-i', '/tmp/debship-proof_1.0_all.deb']);
      const hello = join(root.path, 'usr/share/debship-proof/hello.txt');
      expect(await readFile(hello, 'utf8')).toBe('hello from debship\n');
      expect((await root.run(['dpkg', '--verify', 'debship-proof'])).stdout).toBe('');

      // The check is real: a changed file is reported by its md5sum.
      await writeFile(hello, 'tampered\n');
      const tampered = await root.run(['dpkg', '--verify', 'debship-proof'], { allowFailure: true });
      // dpkg 1.21 exits 0 here; the report is the signal: 9 check columns, an attribute column
      // (`c` marks a conffile), the path.
      expect(tampered.stdout).toBe('??5??????   /usr/share/debship-proof/hello.txt\n');

      await root.run(['dpkg', '--purge', 'debship-proof']);
      expect(existsSync(hello)).toBe(false);
      expect(existsSync(join(root.path, 'etc/debship-proof.conf'))).toBe(false);
      const status = await root.run(['dpkg-query', '-W', '-f', '${db:Status-Abbrev}', 'debship-proof'], { allowFailure: true });
      expect(status.stdout.trim() === '' || status.stdout.startsWith('un')).toBe(true);
      return root.path;
    });
    expect(noMountsLeft(used)).toBe(true);
  });

  it('gives concurrent callers separate working copies and leaves the cache untouched', { timeout: ROOT_TEST_TIMEOUT }, async () => {
    let arrived = 0;
    let release!: () => void;
    const bothInside = new Promise<void>((r) => (release = r));
    const results = await Promise.all(
      ['first', 'second'].map((name) =>
        withRoot(bookwormApt, async (root) => {
          await root.run(['sh', '-c', `echo ${name} > /etc/marker`]);
          if (++arrived === 2) release();
          await bothInside; // both copies exist at the same time
          const inside = (await root.run(['cat', '/etc/marker'])).stdout.trim();
          const policy = await root.run(['/usr/sbin/policy-rc.d'], { allowFailure: true });
          return { path: root.path, inside, policy: policy.code };
        }),
      ),
    );
    expect(results.map((r) => r.inside)).toEqual(['first', 'second']);
    expect(results[0]!.path).not.toBe(results[1]!.path);
    expect(results.map((r) => r.policy)).toEqual([101, 101]); // dpkg may not start services
    for (const r of results) expect(noMountsLeft(r.path)).toBe(true);
    expect(existsSync(join(await ensureLowerDir(bookwormApt), 'etc/marker'))).toBe(false);
  });

  it('reuses the cached root', async () => {
    const first = await ensureRootTarball(bookwormApt);
    const before = await stat(first);
    const started = performance.now();
    const second = await ensureRootTarball(bookwormApt);
    expect(performance.now() - started).toBeLessThan(500);
    expect(second).toBe(first);
    expect((await stat(second)).mtimeMs).toBe(before.mtimeMs);
  });

  it('cleans up when the callback fails or times out', { timeout: ROOT_TEST_TIMEOUT }, async () => {
    let failedPath = '';
    await expect(
      withRoot(bookwormApt, async (root) => {
        failedPath = root.path;
        await root.run(['false']);
      }),
    ).rejects.toThrow(/in root: false exited with 1/);
    expect(noMountsLeft(failedPath)).toBe(true);

    let slowPath = '';
    const started = Date.now();
    await expect(
      withRoot(
        bookwormApt,
        async (root) => {
          slowPath = root.path;
          await root.run(['sleep', '300']);
        },
        { timeoutMs: 1_500 },
      ),
    ).rejects.toThrow(/did not finish within 1500 ms/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(noMountsLeft(slowPath)).toBe(true);
  });

  it('cleans up when the test process gets SIGTERM, killing what runs inside', { timeout: ROOT_TEST_TIMEOUT }, async () => {
    const script = join(scratch, 'hold-root.mts');
    const support = join(import.meta.dirname, 'support/debian-root.ts');
    await writeFile(
      script,
      `import { bookwormApt, withRoot } from ${JSON.stringify(support)};
await withRoot(bookwormApt, async (root) => {
  const running = root.run(['sleep', '4242']);
  console.log(root.path);
  await running;
});\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const path = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
    expect(existsSync(path)).toBe(true);
    await waitFor(async () => await isRunning('sleep 4242'));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(noMountsLeft(path)).toBe(true);
    await waitFor(async () => !(await isRunning('sleep 4242')));
  });

  it('names the Debian package when a tool is missing', async () => {
    await expect(requireTool('debship-no-such-tool', 'debship-no-such-package')).rejects.toThrow(
      /apt-get install debship-no-such-package/,
    );
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether a process with exactly this command line exists (what pgrep -fx does, without procps). */
async function isRunning(commandLine: string): Promise<boolean> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').filter(Boolean).join(' ') === commandLine) return true;
  }
  return false;
}
