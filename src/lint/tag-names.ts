/** Checking tag names a user gives (suppress lists, overrides): debship's, lintian's, or unknown. */
import { lintianCurrentName } from './data/index.js';
import { canonicalTag } from './registry.js';

export type TagNameKind = 'checked' | 'lintian-only' | 'unknown';

/** `checked`: debship implements it (by current or older name); `lintian-only`: lintian has it, debship does not check it. */
export function tagNameKind(name: string): TagNameKind {
  if (canonicalTag(name)) return 'checked';
  return lintianCurrentName(name) === undefined ? 'unknown' : 'lintian-only';
}
