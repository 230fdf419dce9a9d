/** The `triggers` control member from nfpm's deb.triggers keys (deb-triggers(5)). */
import type { ProjectConfig } from '../config/types.js';

export function triggersMember(config: Pick<ProjectConfig, 'deb'>): Record<string, string> {
  const t = config.deb.triggers;
  const lines = [
    ...t.interest.map((x) => `interest ${x}`),
    ...t.interestAwait.map((x) => `interest-await ${x}`),
    ...t.interestNoawait.map((x) => `interest-noawait ${x}`),
    ...t.activate.map((x) => `activate ${x}`),
    ...t.activateAwait.map((x) => `activate-await ${x}`),
    ...t.activateNoawait.map((x) => `activate-noawait ${x}`),
  ];
  return lines.length ? { triggers: lines.join('\n') + '\n' } : {};
}
