/** The package's own overrides file, /usr/share/lintian/overrides/<package>[.gz], as lintian finds it. */
import { inflate } from './checks/files/text.js';
import type { LintPackage } from './types.js';

export const OVERRIDES_DIR = '/usr/share/lintian/overrides/';
/**
 * lintian reads an overrides file whole, however long; other files a check reads are kept up to
 * 1 MiB (file-sink.ts). This bounds only the memory one package's overrides may take.
 */
export const MAX_OVERRIDES_SIZE = 64 * 1024 * 1024;

/** Whether the loader should keep a file's content because it may be an overrides file. */
export function mayBeOverridesFile(path: string): boolean {
  return path.startsWith(OVERRIDES_DIR);
}

/** Its text and its name as lintian prints it, or undefined when the package has none (or it cannot be read). */
export function ownOverridesFile(pkg: LintPackage): { text: string; source: string } | undefined {
  for (const suffix of ['', '.gz']) {
    const file = pkg.byPath.get(`${OVERRIDES_DIR}${pkg.name}${suffix}`);
    if (!file || file.type !== 'file' || !file.content) continue;
    // a damaged .gz is passed over: lintian would not read it either
    const data = suffix ? inflate(file.content, MAX_OVERRIDES_SIZE) : file.content;
    if (data) return { text: data.toString('utf8'), source: file.name };
  }
  return undefined;
}
