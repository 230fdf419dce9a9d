import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAr } from '../deb/ar.js';
import { withDeclaredSize } from '../deb/compress/test-streams.js';
import { runLint } from '../cli/commands/lint.js';
import { EARLY_MAX_OUTPUT, startEarlyDecode } from './early-decode.js';
import { lintPackages } from './engine.js';
import { TEST_CONTROL, writeTestDeb, type TestDeb } from './test-deb.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'debship-early-'));
});

const sample: TestDeb = {
  control: TEST_CONTROL,
  members: { postinst: { text: '#!/bin/sh\nset -e\n', mode: 0o755 } },
  files: [
    { name: './', type: 'dir' },
    { name: './usr/', type: 'dir' },
    { name: './usr/bin/', type: 'dir' },
    { name: './usr/bin/tool', mode: 0o755, content: '#!/bin/sh\necho hi\n' },
    { name: './usr/share/demo/blob', content: randomBytes(300_000) },
  ],
};

/** What `ar p DEB MEMBER | xz -dc` prints. */
const xzOf = (deb: string, member: string): Buffer => execFileSync('sh', ['-c', 'ar p "$0" "$1" | xz -dc', deb, member], { maxBuffer: 1 << 28 });

const lint = (files: string[], early?: Awaited<ReturnType<typeof startEarlyDecode>>) =>
  lintPackages(files, { failOn: ['error'], ...(early ? { early } : {}) });

/** Runs `fn` with PATH set to `path` (the early decode finds prlimit and xz there). */
async function withPath<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = path;
  try {
    return await fn();
  } finally {
    process.env.PATH = saved;
  }
}

/** 6 MB that does not compress: xz takes far longer to decode it than stopping it takes to come. */
let noise: Promise<string> | undefined;
const noisy = () => (noise ??= writeTestDeb(dir, 'noise.deb', { ...sample, files: [{ name: './noise', content: randomBytes(6_000_000) }], compression: 'xz' }));

/** control.tar holding TEST_CONTROL, made by tar. */
const controlTar = (): Buffer =>
  execFileSync('sh', ['-c', 'd=$(mktemp -d -p "$0") && chmod 755 "$d" && printf "%s" "$1" > "$d/control" && tar -C "$d" -cf - .', dir, TEST_CONTROL]);

/** A .deb of the given xz members, put together as they are. */
function xzDeb(name: string, control: Buffer, data: Buffer): string {
  const deb = join(dir, name);
  const members = [
    { name: 'debian-binary', data: Buffer.from('2.0\n') },
    { name: 'control.tar.xz', data: control },
    { name: 'data.tar.xz', data },
  ];
  writeFileSync(deb, buildAr(members, 1_700_000_000));
  return deb;
}

/** No temporary file of ours is left behind: each is unlinked as soon as it is created. */
const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`debship-lint-${process.pid}-`));

describe('decoding the first package early', () => {
  it('gives each xz member exactly as xz -dc decodes it, once', async () => {
    const deb = await writeTestDeb(dir, 'sample.deb', { ...sample, compression: 'xz' });
    const early = (await startEarlyDecode(deb))!;
    expect(early.members).toEqual(['control.tar.xz', 'data.tar.xz']);
    expect(leftovers()).toEqual([]);
    for (const member of ['control.tar.xz', 'data.tar.xz']) expect(await early.take(member)).toEqual(xzOf(deb, member));
    expect(await early.take('data.tar.xz')).toBeUndefined();
    // One xz decoded both.
    expect(await early.settled()).toEqual(['exit 0']);
    expect(early.takeBytes()).toEqual(readFileSync(deb));
    expect(early.takeBytes()).toBeUndefined();
  });

  it('decodes the bytes it read, whatever happens to the file afterwards', async () => {
    // Two packages alike but for 300 kB of noise: data members at the same offset, decoding to
    // tars of the same size, so xz reading the rewritten file would pass every size check.
    // Each lists its blob's MD5, so decoding the other's data shows as md5sum-mismatch.
    const noise = (): TestDeb => {
      const blob = randomBytes(300_000);
      return {
        ...sample,
        members: { md5sums: `${createHash('md5').update(blob).digest('hex')}  blob\n` },
        files: [{ name: './', type: 'dir' }, { name: './blob', content: blob }],
        compression: 'xz',
      };
    };
    const deb = await writeTestDeb(dir, 'rewritten.deb', noise());
    const original = readFileSync(deb);
    // The control members must compress to the same size, so data.tar.xz starts at the same offset.
    const controlSize = (d: Buffer) => Number(d.toString('latin1', 8 + 60 + 4 + 48, 8 + 60 + 4 + 58).trim());
    let other: Buffer | undefined;
    for (let tries = 0; tries < 200 && (other === undefined || controlSize(other) !== controlSize(original)); tries++) {
      other = readFileSync(await writeTestDeb(dir, 'other.deb', noise()));
    }
    expect(controlSize(other!)).toBe(controlSize(original));
    // An xz that starts late, so the file is rewritten before it reads anything.
    const bin = mkdtempSync(join(dir, 'slow-'));
    const xz = execFileSync('sh', ['-c', 'command -v xz'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'xz'), `#!/bin/sh\nsleep 0.3\nexec ${xz} "$@"\n`, { mode: 0o755 });
    const early = (await withPath(`${bin}:${process.env.PATH}`, () => startEarlyDecode(deb)))!;
    writeFileSync(deb, other!); // rewritten in place while xz waits
    const run = await lint([deb], early);
    writeFileSync(deb, original);
    expect(run.packages[0]!.findings.map((f) => f.tag)).not.toContain('md5sum-mismatch');
    expect(run).toEqual(await lint([deb]));
  });

  it('lints the package exactly as without it', async () => {
    const deb = await writeTestDeb(dir, 'same.deb', { ...sample, compression: 'xz' });
    const plain = await lint([deb, deb]);
    expect(plain.packages[0]!.findings.length).toBeGreaterThan(0);
    const early = (await startEarlyDecode(deb))!;
    const taken: string[] = [];
    const take = early.take.bind(early);
    early.take = async (name) => {
      const data = await take(name);
      if (data) taken.push(name);
      return data;
    };
    expect(await lint([deb, deb], early)).toEqual(plain);
    // Only the first package used it; the second, the same file, was read as usual.
    expect(taken.sort()).toEqual(['control.tar.xz', 'data.tar.xz']);
  });

  it('leaves other codecs, missing files and damaged archives to the usual path', async () => {
    const gz = await writeTestDeb(dir, 'gz.deb', { ...sample, compression: 'gzip' });
    expect((await startEarlyDecode(gz))!.members).toEqual([]);
    expect(await startEarlyDecode(join(dir, 'missing.deb'))).toBeUndefined();
    expect(await startEarlyDecode(dir)).toBeUndefined();

    // Cut inside data.tar.xz: control is decoded early, the damage is reported as usual.
    const whole = readFileSync(await writeTestDeb(dir, 'whole.deb', { ...sample, compression: 'xz' }));
    const cut = join(dir, 'cut.deb');
    writeFileSync(cut, whole.subarray(0, whole.length - 5000));
    const early = (await startEarlyDecode(cut))!;
    expect(early.members).toEqual(['control.tar.xz']);
    const plain = await lint([cut]);
    expect(plain.errored).toBe(true);
    expect(await lint([cut], early)).toEqual(plain);
  });

  it('stops xz at the declared size when a member decodes to more, and reports the damage as usual', async () => {
    // data.tar.xz's index claims 2 MiB; the stream holds 10 MiB.
    const tar = execFileSync('sh', ['-c', 'cd "$0" && mkdir -p big/usr/share && head -c 10485000 /dev/zero > big/usr/share/zeros && tar -C big -cf - .', dir], { maxBuffer: 1 << 26 });
    const control = execFileSync('xz', ['-c'], { input: controlTar() });
    const deb = xzDeb('lying.deb', control, withDeclaredSize(execFileSync('xz', ['-c', '-0', '--check=crc32'], { input: tar, maxBuffer: 1 << 26 }), 2 * 1024 * 1024));
    const early = (await startEarlyDecode(deb))!;
    expect(early.members).toEqual(['control.tar.xz', 'data.tar.xz']);
    expect(await early.take('data.tar.xz')).toBeUndefined();
    expect(early.fallbacks.get('data.tar.xz')).toBe('xz: killed by SIGXFSZ');
    early.dispose();
    const plain = await lint([deb]);
    expect(plain.packages[0]!.errors.map((e) => e.message).join('\n')).toMatch(/data\.tar\.xz/);
    expect(await lint([deb], await startEarlyDecode(deb))).toEqual(plain);
  });

  it('leaves both members to the usual path when the index of the first one lies', async () => {
    // control.tar.xz's index claims 512 bytes less than its tar: split by the declared sizes,
    // data.tar would start inside control's tar. xz checks each stream against its index.
    const tar = controlTar();
    const control = withDeclaredSize(execFileSync('xz', ['-c', '--check=crc32'], { input: tar }), tar.length - 512);
    const data = execFileSync('sh', ['-c', 'cd "$0" && mkdir -p d2/usr/share/demo && printf hi > d2/usr/share/demo/hi && tar -C d2 -cf - . | xz -c', dir]);
    const deb = xzDeb('lying-control.deb', control, data);
    const early = (await startEarlyDecode(deb))!;
    expect(early.members).toEqual(['control.tar.xz', 'data.tar.xz']);
    expect(await early.take('control.tar.xz')).toBeUndefined();
    expect(await early.take('data.tar.xz')).toBeUndefined();
    expect(early.fallbacks.get('data.tar.xz')).toMatch(/^xz: /);
    const plain = await lint([deb]);
    expect(plain.errored).toBe(true);
    expect(await lint([deb], await startEarlyDecode(deb))).toEqual(plain);
  });

  it('leaves a member that decodes to more than it holds in memory to the streaming path', async () => {
    const deb = await writeTestDeb(dir, 'roomy.deb', { ...sample, files: [{ name: './zeros', content: Buffer.alloc(EARLY_MAX_OUTPUT + 1) }], compression: 'xz' });
    const early = (await startEarlyDecode(deb))!;
    expect(early.members).toEqual(['control.tar.xz']);
    const plain = await lint([deb]);
    expect(await lint([deb], early)).toEqual(plain);
  });

  it('falls back when prlimit is missing (not Linux, a minimal system)', async () => {
    const deb = await writeTestDeb(dir, 'no-prlimit.deb', { ...sample, compression: 'xz' });
    const bin = mkdtempSync(join(dir, 'bin-'));
    symlinkSync(execFileSync('sh', ['-c', 'command -v xz'], { encoding: 'utf8' }).trim(), join(bin, 'xz'));
    const early = (await withPath(bin, () => startEarlyDecode(deb)))!;
    expect(await early.take('data.tar.xz')).toBeUndefined();
    expect(early.fallbacks.get('data.tar.xz')).toMatch(/ENOENT/);
    const plain = await lint([deb]);
    expect(await lint([deb], early)).toEqual(plain);
  });

  it('stops decodes nobody took', async () => {
    const early = (await startEarlyDecode(await noisy()))!;
    early.dispose();
    expect(early.members).toEqual([]);
    expect(await early.take('data.tar.xz')).toBeUndefined();
    expect(await early.settled()).toEqual(['killed by SIGKILL']);
  });

  it('gives nothing, and reads no closed file, when stopped while a member is awaited', async () => {
    const deb = await writeTestDeb(dir, 'stopped.deb', { ...sample, compression: 'xz' });
    const early = (await startEarlyDecode(deb))!;
    await early.settled(); // xz has finished: take() only waits for the promise of its end
    const pending = early.take('data.tar.xz');
    early.dispose();
    expect(await pending).toBeUndefined();
    expect(early.fallbacks.get('data.tar.xz')).toBe('stopped before it was taken');
    expect(await early.take('control.tar.xz')).toBeUndefined();
  });

  it('is stopped when the command fails before reading any package', async () => {
    const deb = await noisy();
    const early = (await startEarlyDecode(deb))!;
    const stderr = { text: '', write(s: string) { this.text += s; return true; } };
    const code = await runLint([deb], { failOn: 'error', format: 'yaml', early }, { stdout: process.stdout, stderr: stderr as unknown as typeof process.stderr });
    expect(code).toBe(1);
    expect(stderr.text).toMatch(/unknown --format "yaml"/);
    expect(await early.settled()).toEqual(['killed by SIGKILL']);
  });
});
