/**
 * Which findings a lint report shows, in lintian's order: errors and warnings always, info with
 * -I, pedantic with --pedantic, never classification; overridden findings (with
 * --show-overrides) after all others, ordered by tag, package and context.
 */
import { compareFindings, type LintRun, type OverriddenFinding } from '../lint/engine.js';
import type { Finding, Severity } from '../lint/types.js';

export interface DisplayOptions {
  /** Show info tags (lintian's -I / --display-info). */
  info?: boolean;
  /** Show pedantic tags (lintian's --pedantic). */
  pedantic?: boolean;
  /** Show overridden findings (lintian's --show-overrides). */
  showOverrides?: boolean;
}

export interface Row {
  /** The .deb the finding is about. */
  file: string;
  finding: Finding;
  /** Set when an override silenced the finding. */
  overridden?: OverriddenFinding;
}

export function isDisplayed(severity: Severity, opts: DisplayOptions): boolean {
  return severity === 'error' || severity === 'warning' || (severity === 'info' && !!opts.info) || (severity === 'pedantic' && !!opts.pedantic);
}

export function selectRows(run: LintRun, opts: DisplayOptions): Row[] {
  const shown: Row[] = [];
  const overridden: Row[] = [];
  for (const p of run.packages) {
    for (const f of p.findings) if (isDisplayed(f.severity, opts)) shown.push({ file: p.file, finding: f });
    if (opts.showOverrides) for (const o of p.overridden) if (isDisplayed(o.severity, opts)) overridden.push({ file: p.file, finding: o, overridden: o });
  }
  shown.sort((a, b) => compareFindings(a.finding, b.finding));
  // Overridden findings all rank as `O`: the severity no longer orders them.
  overridden.sort((a, b) => compareFindings({ ...a.finding, severity: 'error' }, { ...b.finding, severity: 'error' }));
  return [...shown, ...overridden];
}
