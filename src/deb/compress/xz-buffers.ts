/**
 * How much `xz -dc` holds back when it runs between pipes. It reads until its input buffer is
 * full and writes only whole output buffers, so the xz pool (xz-pool.ts) sends and expects that
 * much after each member. XZ Utils 5.4 sizes both buffers from the C library's BUFSIZ: 8 KiB
 * when BUFSIZ is at most 1 KiB, else BUFSIZ, so 8 KiB with glibc and musl. Anything else — a
 * later release (not checked, the 5.5 test releases included), another platform, an xz that
 * does not answer — is given 64 KiB, what the pool allowed every xz before: too large costs only
 * speed (eight times as much filler through each lane), too small would leave a member's end
 * inside xz.
 */
import { exec } from '../../core/exec.js';

/** What the pool must allow for when it does not know better. */
export const LARGEST_XZ_BUFFER = 65536;
const BUFSIZ_BUFFER = 8192;
/** `xz --robot --version` encodes X.Y.Z as X·10⁷ + Y·10⁴ + Z·10 + stability. */
const FIRST_UNCHECKED = 50050000;

let asked: Promise<number> | undefined;

/** The buffer size of the `xz` on PATH, asked once per process. */
export function xzBufferSize(): Promise<number> {
  asked ??= exec('xz', ['--robot', '--version'], { timeoutMs: 5000 }).then(
    ({ stdout }) => bufferSizeOf(stdout, process.platform),
    () => LARGEST_XZ_BUFFER,
  );
  return asked;
}

/** The buffer size an `xz --robot --version` output implies on a platform. */
export function bufferSizeOf(robotVersion: string, platform: NodeJS.Platform): number {
  const version = /^XZ_VERSION=(\d{8})$/m.exec(robotVersion)?.[1];
  if (version === undefined || platform !== 'linux') return LARGEST_XZ_BUFFER;
  return Number(version) < FIRST_UNCHECKED ? BUFSIZ_BUFFER : LARGEST_XZ_BUFFER;
}
