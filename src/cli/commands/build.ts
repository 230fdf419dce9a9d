/** `debship build`: flags → build() → summary. */
import { resolve } from 'node:path';
import { build, type BuiltPackage } from '../../build/build.js';
import { versionFromGit } from '../../build/git-version.js';
import { loadProjectConfig } from '../config.js';
import { writeLintText } from '../../report/lint-text.js';
import { createProgress, formatBytes } from '../progress.js';

export interface BuildFlags {
  config?: string;
  arch?: string;
  out: string;
  fromGit?: boolean;
  keepStaging?: boolean;
  json?: boolean;
}

export async function runBuild(flags: BuildFlags): Promise<number> {
  const progress = createProgress(process.stderr);
  const config = await loadProjectConfig(flags.config, progress);
  const version = flags.fromGit ? await versionFromGit(config.dir) : undefined;
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const built = await build({
      config,
      archs: flags.arch ? [flags.arch] : undefined,
      outDir: resolve(flags.out),
      env: process.env,
      version,
      signal: abort.signal,
      stepOutput: process.stderr,
      keepStaging: flags.keepStaging,
      onEvent: (e) => {
        if (e.type === 'arch-start') progress.line(`building ${config.name} ${e.version} for ${e.arch}`);
        else if (e.type === 'step') progress.line(`  step: ${e.name}`);
        else if (e.type === 'pack-progress') progress.status(`  ${e.phase} ${e.arch}: ${formatBytes(e.done)} / ${formatBytes(e.total)}`);
        else if (e.type === 'lint') {
          progress.done();
          // lintian's lines on stderr, so stdout stays the build result (--json).
          writeLintText(e.run, process.stderr);
        }
      },
    });
    progress.done();
    process.stdout.write(flags.json ? JSON.stringify({ packages: built }, null, 2) + '\n' : summary(built));
    return 0;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

function summary(built: BuiltPackage[]): string {
  return built
    .map((p) => `${p.path}\n  ${formatBytes(p.size)}, ${p.fileCount} files, installed size ${p.installedSize} KiB\n  sha256 ${p.sha256}\n`)
    .join('');
}
