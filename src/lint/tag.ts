/** Declaring tags: one factory per lintian check, so each check file lists only what differs. */
import type { Severity, TagInfo } from './types.js';

export function tagMaker(check: string) {
  return (name: string, severity: Severity, explanation: string, fix: string, renamedFrom?: string[]): TagInfo => ({
    name,
    severity,
    check,
    explanation,
    fix,
    ...(renamedFrom ? { renamedFrom } : {}),
  });
}
