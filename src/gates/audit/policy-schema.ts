/**
 * The audit policy as written, in a file of its own or under `gates.audit.policy` in debship.yaml:
 * snake_case keys, every key optional except what an ignore must say (which advisory, why, until
 * when). Defaults are documented here and applied by policy.ts. No transforms, so the same schema
 * validates the file, sits inside the configuration schema and generates the JSON Schema.
 */
import { z } from 'zod';
import { fieldInfo } from '../../config/field-info.js';
import { CATEGORIES } from './model.js';

/** Thresholds, worst first: this level and worse are actionable. */
export const THRESHOLDS = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** The categories actionable whatever the severity, unless the policy says otherwise. */
export const DEFAULT_CATEGORIES = ['code-execution', 'privilege-escalation', 'sql-injection'] as const;

/** `2027-03-31`: a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const nonEmpty = (hint: string) => z.string().refine((s) => s.trim() !== '', { error: 'is empty', params: { hint } });

const ignoreRule = z
  .strictObject({
    id: nonEmpty('Give the advisory id the scanner reports (GHSA-…, CVE-…, PYSEC-…); any of its aliases matches too.')
      .register(fieldInfo, { required: { message: 'is required: the advisory to ignore', hint: 'Add `id: GHSA-xxxx-xxxx-xxxx` (or a CVE-…, PYSEC-… id; aliases match too).' } })
      .describe('The advisory: its id or any alias (GHSA-…, CVE-…, PYSEC-…), any case.'),
    package: nonEmpty('Name the package, or remove `package` to ignore the advisory in every package.')
      .describe('Only in this package (PyPI names compare as pip does: case, `-`, `_` and `.` do not matter). Default: every package.')
      .optional(),
    reason: nonEmpty('Say why it is safe to ignore, e.g. "not reachable: we never call template()".')
      .register(fieldInfo, { required: { message: 'is required: why the advisory does not apply', hint: 'Add `reason: "…"` saying why it is safe to ignore, so the next reader can check it still is.' } })
      .describe('Why the advisory does not apply (required, shown in every report).'),
    expires: z
      .string()
      .refine(isIsoDate, { error: 'is not a date written as YYYY-MM-DD', params: { hint: 'Write the last day the ignore applies as YYYY-MM-DD, e.g. 2027-03-31.' } })
      .register(fieldInfo, {
        expected: 'a date written as YYYY-MM-DD',
        required: { message: 'is required: the last day the ignore applies', hint: 'Add `expires: YYYY-MM-DD`; an ignore that never expires is never re-examined.' },
      })
      .describe('Last day the ignore applies (YYYY-MM-DD, UTC, required); after it the advisory fails the gate again.'),
  })
  .describe('An advisory that does not apply, with the reason and an expiry date.');

export const auditPolicySchema = z
  .strictObject({
    actionable: z
      .strictObject({
        severity: z
          .enum(THRESHOLDS)
          .describe('Findings rated this severity or worse fail the gate. Default: high.')
          .meta({ default: 'high' })
          .optional(),
        categories: z
          .array(z.enum(CATEGORIES))
          .describe('Categories that fail the gate whatever the severity. Default: [code-execution, privilege-escalation, sql-injection].')
          .meta({ default: [...DEFAULT_CATEGORIES] })
          .optional(),
        unknown_severity: z
          .enum(['informational', 'actionable'])
          .describe('What to do with findings no source rates (pip-audit reports carry no severity). Default: informational.')
          .meta({ default: 'informational' })
          .optional(),
      })
      .describe('Which findings fail the gate.')
      .optional(),
    skip: z
      .strictObject({
        local: z.boolean().describe('Skip packages that are not from the registry (editable installs, paths, git, workspace links). Default: true.').meta({ default: true }).optional(),
        packages: z.array(nonEmpty('Name a package, or remove the empty item.')).describe('Packages never reported, e.g. local forks. Default: [].').optional(),
      })
      .describe('Packages not reported at all.')
      .optional(),
    ignore: z.array(ignoreRule).describe('Advisories that do not apply, each with a reason and an expiry date.').optional(),
    scanner_errors: z
      .enum(['fail', 'warn'])
      .describe('What to do when a report says the scan itself failed. Default: fail.')
      .meta({ default: 'fail' })
      .optional(),
  })
  .describe('The audit policy: what is actionable, what to skip and what to ignore (debship).');

export type RawAuditPolicy = z.output<typeof auditPolicySchema>;
