/** Declaring tags: one factory per lintian check, so each check file lists only what differs. */
import type { Severity, TagInfo } from './types.js';

/** One tag's declaration; files declaring tags of several checks name the check each time. */
export function tagInfo(name: string, severity: Severity, check: string, explanation: string, fix: string, renamedFrom?: string[]): TagInfo {
  return { name, severity, check, explanation, fix, ...(renamedFrom ? { renamedFrom } : {}) };
}

export function tagMaker(check: string) {
  return (name: string, severity: Severity, explanation: string, fix: string, renamedFrom?: string[]): TagInfo =>
    tagInfo(name, severity, check, explanation, fix, renamedFrom);
}

/** The tag marked as one of lintian's experimental tags. */
export function experimental(tag: TagInfo): TagInfo {
  return { ...tag, experimental: true };
}
