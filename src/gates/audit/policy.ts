/**
 * The audit policy: what is actionable, what is skipped and what is ignored until when. Read from a
 * YAML file of its own (`loadAuditPolicy`) or taken from `gates.audit.policy` in debship.yaml
 * (`parseAuditPolicy`), checked against policy-schema.ts with the configuration's error messages
 * (file:line:column, the closest valid key or value), and normalised with every default applied.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter } from 'yaml';
import { z } from 'zod';
import { DebshipError, DebshipErrors } from '../../core/errors.js';
import { fail, placer } from '../../config/load.js';
import { formatPath, type Path, type Problem } from '../../config/problems.js';
import { describeValue, validate } from '../../config/validate.js';
import { readYaml } from '../../config/yaml-read.js';
import { SourceMap } from '../../config/yaml-positions.js';
import type { Category } from './model.js';
import { auditPolicySchema, DEFAULT_CATEGORIES, type RawAuditPolicy, type Threshold } from './policy-schema.js';

export { auditPolicySchema } from './policy-schema.js';

/** An advisory that does not apply, until a day. */
export interface IgnoreRule {
  /** The advisory id or any alias; matched case-insensitively. */
  id: string;
  /** Only this package; every package when absent. */
  package?: string;
  reason: string;
  /** The last day the ignore applies, YYYY-MM-DD (UTC). */
  expires: string;
  /** Where it is written, for messages: `audit-policy.yaml:12:5`, or the file and its path in the policy. */
  where?: string;
}

export interface AuditPolicy {
  actionable: {
    /** This severity and worse are actionable. */
    severity: Threshold;
    /** Actionable whatever the severity. */
    categories: Category[];
    /** Findings no source rates. */
    unknownSeverity: 'informational' | 'actionable';
  };
  skip: {
    /** Skip packages that are not from the registry (Finding.local). */
    local: boolean;
    /** Never reported. */
    packages: string[];
  };
  ignore: IgnoreRule[];
  /** A report that says the scan itself failed: a gate failure, or a warning. */
  scannerErrors: 'fail' | 'warn';
}

/** The defaults, frozen: use defaultAuditPolicy() for a copy to change. */
export const DEFAULT_AUDIT_POLICY: AuditPolicy = Object.freeze({
  actionable: Object.freeze({ severity: 'high', categories: Object.freeze([...DEFAULT_CATEGORIES]), unknownSeverity: 'informational' }),
  skip: Object.freeze({ local: true, packages: Object.freeze([]) }),
  ignore: Object.freeze([]),
  scannerErrors: 'fail',
}) as unknown as AuditPolicy;

/** A fresh copy of the defaults, safe to change. */
export function defaultAuditPolicy(): AuditPolicy {
  return normalisePolicy({}, () => undefined);
}

/**
 * Reads a policy file. Throws DebshipErrors (exit 2) listing every problem, each with
 * file:line:column and a hint. An empty file is the default policy.
 */
export async function loadAuditPolicy(file: string): Promise<AuditPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const error = new DebshipError('audit/policy-unreadable', `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}`, {
      hint: code === 'ENOENT' ? 'Check the policy path (--policy, or gates.audit.policy in debship.yaml; relative to that file).' : "Check the file's permissions.",
      file,
      cause: e,
    });
    throw new DebshipErrors('audit/policy-invalid', error.message, [error]);
  }
  return parseAuditPolicyText(text, file);
}

/** loadAuditPolicy on text already read; `file` names it in messages. */
export function parseAuditPolicyText(text: string, file: string): AuditPolicy {
  const yaml = readYaml(text.replace(/^\uFEFF/, ''), auditPolicySchema);
  const place = placer(yaml.positions);
  if (yaml.errors.length) fail(file, yaml.errors.map(place));
  const value = yaml.value ?? {};
  const shape = notAMapping(value, []);
  if (shape) fail(file, [place(shape)]);
  const { data, problems } = validate(value, yaml.positions, new Map(), auditPolicySchema);
  const found = [...yaml.problems, ...problems];
  if (!data || found.length) fail(file, found.map(place));
  return normalisePolicy(data, (i) => {
    const { line, column } = yaml.positions.locate(['ignore', i], 'value');
    return `${file}:${line}:${column}`;
  });
}

export interface PolicyPlace {
  /** The file the policy is written in (debship.yaml). */
  file?: string;
  /** Where the policy sits in that file, for messages and positions: `['gates', 'audit', 'policy']`. */
  path?: readonly string[];
  /** Positions of that file, when it was read with readYaml: errors then carry line and column. */
  positions?: SourceMap;
}

/**
 * The policy object written in debship.yaml (`gates.audit.policy`), already read from YAML.
 * Throws DebshipErrors (exit 2) naming each problem's key, with line and column when `positions`
 * are given.
 */
export function parseAuditPolicy(value: unknown, where: PolicyPlace = {}): AuditPolicy {
  const base = where.path ?? [];
  const positions = where.positions ?? new SourceMap(new LineCounter());
  const raw = value ?? {};
  // Validated nested at its own path, so messages and positions name the key as written in the file.
  const schema = base.reduceRight<z.ZodType>((inner, key) => z.looseObject({ [key]: inner }), auditPolicySchema);
  const nested = base.reduceRight<unknown>((inner, key) => ({ [key]: inner }), raw);
  const shape = notAMapping(raw, base);
  const { data, problems } = shape ? { data: undefined, problems: [shape] } : validate(nested, positions, new Map(), schema);
  if (!data || problems.length) {
    const errors = problems.map((p) => {
      const at = where.positions && p.path ? where.positions.locate(p.path, p.at) : undefined;
      return new DebshipError(p.code, p.message, { hint: p.hint, file: where.file, line: at?.line, column: at?.column });
    });
    const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
    throw new DebshipErrors('audit/policy-invalid', `${where.file ? `${where.file}: ` : ''}${count} in the audit policy`, errors);
  }
  const policy = base.reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], data) as RawAuditPolicy;
  return normalisePolicy(policy, (i) => {
    const path = [...base, 'ignore', i];
    if (where.positions && where.file) {
      const { line, column } = where.positions.locate(path, 'value');
      return `${where.file}:${line}:${column}`;
    }
    return where.file ? `${where.file}: ${formatPath(path)}` : formatPath(path);
  });
}

function notAMapping(value: unknown, path: Path): Problem | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return undefined;
  return {
    code: 'audit/policy-not-a-mapping',
    message: `the audit policy${path.length ? ` \`${formatPath(path)}\`` : ''} must be a mapping of keys to values, not ${describeValue(value)}`,
    hint: 'Write `actionable:`, `skip:`, `ignore:` or `scanner_errors:` keys; leave them out for the defaults.',
    path,
  };
}

function normalisePolicy(raw: RawAuditPolicy, whereIgnore: (index: number) => string | undefined): AuditPolicy {
  const d = DEFAULT_AUDIT_POLICY;
  return {
    actionable: {
      severity: raw.actionable?.severity ?? d.actionable.severity,
      categories: [...new Set(raw.actionable?.categories ?? d.actionable.categories)],
      unknownSeverity: raw.actionable?.unknown_severity ?? d.actionable.unknownSeverity,
    },
    skip: {
      local: raw.skip?.local ?? d.skip.local,
      packages: (raw.skip?.packages ?? []).map((p) => p.trim()),
    },
    ignore: (raw.ignore ?? []).map((rule, i) => {
      const where = whereIgnore(i);
      return {
        id: rule.id.trim(),
        ...(rule.package === undefined ? {} : { package: rule.package.trim() }),
        reason: rule.reason.trim(),
        expires: rule.expires,
        ...(where === undefined ? {} : { where }),
      };
    }),
    scannerErrors: raw.scanner_errors ?? d.scannerErrors,
  };
}
