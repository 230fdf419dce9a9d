/**
 * The build's lint step: each written .deb is checked as `debship lint` would, with the config's
 * lint.fail_on and lint.suppress_tags. A failing package is kept for inspection (as lintian users
 * expect) and the build stops with the findings reported.
 */
import type { ProjectConfig } from '../config/types.js';
import { DebshipError, ExitCode } from '../core/errors.js';
import type { LintRun } from '../lint/engine.js';
import type { Finding } from '../lint/types.js';

// The checks and their data load only when a build lints: a build with lint.enabled: false
// does not pay for initialising them.

export interface BuildLint {
  /** The findings that count, as `debship lint` reports them (all severities). */
  findings: Finding[];
}

/** Rejects unknown tags in lint.suppress_tags before anything is built. */
export async function checkLintConfig(config: ProjectConfig): Promise<void> {
  const { tagNameKind } = await import('../lint/tag-names.js');
  const unknown = config.lint.suppressTags.filter((t) => tagNameKind(t) === 'unknown');
  if (unknown.length) {
    throw new DebshipError('config-lint-tag', `lint.suppress_tags: unknown tag ${unknown.map((t) => `"${t}"`).join(', ')}`, {
      file: config.file,
      hint: 'use lintian\'s tag names; `debship lint --explain TAG` describes one',
    });
  }
}

export async function lintBuilt(config: ProjectConfig, path: string, report: (run: LintRun) => void): Promise<BuildLint> {
  const { lintPackages } = await import('../lint/engine.js');
  const run = await lintPackages([path], { failOn: config.lint.failOn, suppressTags: config.lint.suppressTags });
  report(run);
  const pkg = run.packages[0]!;
  const first = pkg.errors[0];
  if (first) throw new DebshipError('lint-error', `linting ${path} failed: ${first.message}`, { file: path, hint: first.hint, exitCode: ExitCode.findings });
  if (run.failed) {
    const levels = config.lint.failOn.join(', ');
    const count = pkg.findings.filter((f) => (config.lint.failOn as string[]).includes(f.severity)).length;
    throw new DebshipError('lint-failed', `lint found ${count} finding${count === 1 ? '' : 's'} at lint.fail_on levels (${levels}); the package was kept for inspection`, {
      file: path,
      hint: 'fix what the findings name (`debship lint --explain TAG` says how), override a justified one in deb.lintian_overrides, or set lint.fail_on: [] to only report',
      exitCode: ExitCode.findings,
    });
  }
  return { findings: pkg.findings };
}
