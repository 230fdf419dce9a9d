/**
 * lintian's exit statuses, which `debship lint` keeps (they differ from debship's other commands):
 * 0 clean, 1 a runtime error (unreadable package, bad arguments), 2 a --fail-on level was hit.
 */
export const LintExit = { clean: 0, runtimeError: 1, failed: 2 } as const;
