/** A TagInfo with lintian's older names filled in from lintian's own data, so they cannot drift. */
import { formerNames } from '../../data/index.js';
import type { Severity, TagInfo } from '../../types.js';

export function tag(name: string, severity: Severity, check: string, explanation: string, fix: string): TagInfo {
  const former = formerNames(name);
  return { name, severity, check, ...(former.length ? { renamedFrom: former } : {}), explanation, fix };
}
