/** `debship version`: the Debian version a build would use, from the config or from git. */
import { versionFromGit } from '../../build/git-version.js';
import { debianVersion } from '../../deb/semver.js';
import { loadProjectConfig } from '../config.js';
import { createProgress } from '../progress.js';

export async function runVersion(flags: { config?: string; fromGit?: boolean; json?: boolean }): Promise<number> {
  const config = await loadProjectConfig(flags.config, createProgress(process.stderr));
  const upstream = flags.fromGit ? await versionFromGit(config.dir) : config.version;
  const debian = debianVersion({ ...config, version: upstream });
  process.stdout.write(flags.json ? JSON.stringify({ upstream, debian }) + '\n' : debian + '\n');
  return 0;
}
