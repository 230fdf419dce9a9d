/**
 * The build's reference time. SOURCE_DATE_EPOCH wins (and a malformed value is an error, never
 * silently ignored); then the config's `mtime`; then the last commit of the project, so plain
 * rebuilds of one commit are byte-identical without any setting; the current time only as a last
 * resort outside git.
 */
import { DebshipError } from '../core/errors.js';
import { gitOutput } from '../core/git.js';

export async function resolveSourceDateEpoch(env: NodeJS.ProcessEnv, configMtime: number | undefined, cwd: string): Promise<number> {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && raw !== '') {
    if (!/^\d{1,12}$/.test(raw.trim())) {
      throw new DebshipError('bad-source-date-epoch', `SOURCE_DATE_EPOCH="${raw}" is not a number of seconds since 1970`, {
        hint: 'set it to an integer such as $(git log -1 --format=%ct), or unset it',
      });
    }
    return Number(raw.trim());
  }
  if (configMtime !== undefined) return configMtime;
  const t = Number((await gitOutput(cwd, ['log', '-1', '--format=%ct'])) ?? NaN);
  return Number.isFinite(t) && t > 0 ? t : Math.floor(Date.now() / 1000);
}
