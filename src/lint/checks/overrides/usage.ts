/**
 * The tags lintian itself (check `lintian`) emits after applying overrides. The engine reports
 * them; this check only declares them so they can be explained, suppressed and listed.
 */
import type { Check } from '../../types.js';

export const overrideUsageCheck: Check = {
  name: 'lintian',
  tags: [
    {
      name: 'unused-override',
      severity: 'info',
      check: 'lintian',
      explanation: 'An override matched no finding: the problem it silenced is gone (or never occurs on this architecture), so the line can go.',
      fix: 'Remove the line from deb.lintian_overrides in debship.yaml (or from the --overrides file named in the finding), or limit it to an architecture with `[arch]`.',
    },
    {
      name: 'mismatched-override',
      severity: 'warning',
      check: 'lintian',
      explanation: 'An override names a tag the package does trigger, but its context matches none of the findings, so it silences nothing.',
      fix: 'Compare the override\'s context with the finding\'s (`debship lint --show-overrides`) and correct it in deb.lintian_overrides; `*` matches any text.',
    },
  ],
  run() {},
};
