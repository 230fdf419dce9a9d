import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DebshipError, DebshipErrors, ExitCode } from '../../core/errors.js';
import { validate } from '../../config/validate.js';
import { readYaml } from '../../config/yaml-read.js';
import { yaml } from '../../config/test-helpers.js';
import { auditPolicySchema, DEFAULT_AUDIT_POLICY, defaultAuditPolicy, loadAuditPolicy, parseAuditPolicy, parseAuditPolicyText } from './policy.js';
import { isIsoDate } from './policy-schema.js';

const FILE = '/project/audit-policy.yaml';

function errorsOf(text: string): DebshipError[] {
  try {
    parseAuditPolicyText(text, FILE);
  } catch (e) {
    if (e instanceof DebshipErrors) return e.errors;
    throw e;
  }
  throw new Error('expected the policy to be rejected');
}

/** `line:column message` of each problem. */
const problems = (text: string) => errorsOf(text).map((e) => `${e.line}:${e.column} ${e.message}`);

describe('policy defaults', () => {
  it('are high and worse, three categories, unknown informational, local skipped, scanner errors fail', () => {
    expect(DEFAULT_AUDIT_POLICY).toEqual({
      actionable: { severity: 'high', categories: ['code-execution', 'privilege-escalation', 'sql-injection'], unknownSeverity: 'informational' },
      skip: { local: true, packages: [] },
      ignore: [],
      scannerErrors: 'fail',
    });
    expect(Object.isFrozen(DEFAULT_AUDIT_POLICY.actionable.categories)).toBe(true);
    expect(defaultAuditPolicy()).toEqual(DEFAULT_AUDIT_POLICY);
    expect(Object.isFrozen(defaultAuditPolicy().ignore)).toBe(false);
  });

  it('apply to an empty file, a file of comments and keys left out', () => {
    expect(parseAuditPolicyText('', FILE)).toEqual(DEFAULT_AUDIT_POLICY);
    expect(parseAuditPolicyText('# nothing yet\n', FILE)).toEqual(DEFAULT_AUDIT_POLICY);
    expect(parseAuditPolicyText('actionable:\n  severity: medium\n', FILE)).toEqual({
      ...DEFAULT_AUDIT_POLICY,
      actionable: { ...DEFAULT_AUDIT_POLICY.actionable, severity: 'medium' },
    });
  });

  it('reads a full policy, normalised to camelCase, with where each ignore is written', () => {
    const policy = parseAuditPolicyText(
      yaml`
        actionable:
          severity: medium
          categories: [code-execution, ssrf, ssrf]
          unknown_severity: actionable
        skip:
          local: false
          packages: [my-internal-lib]
        ignore:
          - id: GHSA-xxxx-xxxx-xxxx
            package: lodash
            reason: "not reachable: we never call template()"
            expires: 2027-03-31
          - id: CVE-2024-1
            reason: dev only
            expires: "2026-01-01"
        scanner_errors: warn
      `,
      FILE,
    );
    expect(policy).toEqual({
      actionable: { severity: 'medium', categories: ['code-execution', 'ssrf'], unknownSeverity: 'actionable' },
      skip: { local: false, packages: ['my-internal-lib'] },
      ignore: [
        { id: 'GHSA-xxxx-xxxx-xxxx', package: 'lodash', reason: 'not reachable: we never call template()', expires: '2027-03-31', where: `${FILE}:9:5` },
        { id: 'CVE-2024-1', reason: 'dev only', expires: '2026-01-01', where: `${FILE}:13:5` },
      ],
      scannerErrors: 'warn',
    });
  });

  it('accepts `severity: none` (every rated finding is actionable) and an empty category list', () => {
    const p = parseAuditPolicyText('actionable: {severity: none, categories: []}\n', FILE);
    expect(p.actionable).toEqual({ severity: 'none', categories: [], unknownSeverity: 'informational' });
  });
});

describe('policy errors', () => {
  it('are DebshipErrors, exit 2, naming the file, line and column, with a hint', () => {
    let caught: unknown;
    try {
      parseAuditPolicyText('actionable:\n  severity: hihg\n', FILE);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DebshipErrors);
    const all = caught as DebshipErrors;
    expect(all.exitCode).toBe(ExitCode.usage);
    expect(all.message).toBe(`${FILE}: 1 problem in the configuration`);
    const [e] = all.errors;
    expect(e!.location).toBe(`${FILE}:2:13`);
    expect(e!.message).toBe('`actionable.severity`: `hihg` is not one of the allowed values; did you mean `high`?');
    expect(e!.hint).toBe('Use one of: critical, high, medium, low, none.');
    expect(e!.exitCode).toBe(ExitCode.usage);
  });

  it('unknown keys at every level, with the closest key', () => {
    const errors = errorsOf(
      yaml`
        actionabel:
          severity: high
        skip:
          locals: true
        ignore:
          - id: GHSA-1
            reasons: x
            reason: y
            expires: 2027-01-01
        scanner_error: warn
        colour: red
      `,
    );
    expect(errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      '1:1 unknown key `actionabel`; did you mean `actionable`?',
      '4:3 unknown key `skip.locals`; did you mean `local`?',
      '7:5 unknown key `ignore[0].reasons`; did you mean `reason`?',
      '10:1 unknown key `scanner_error`; did you mean `scanner_errors`?',
      '11:1 unknown key `colour`',
    ]);
    expect(errors[0]!.hint).toBe('Rename it to `actionable`.');
    expect(errors[4]!.hint).toBe('Remove it, or use one of the keys allowed at the top level: actionable, ignore, scanner_errors, skip.');
  });

  it('unknown categories, with the closest category and the full list', () => {
    const [e, f] = errorsOf('actionable:\n  categories: [code-execution, sqli-injection, rce]\n');
    expect(`${e!.line}:${e!.column} ${e!.message}`).toBe(
      '2:32 `actionable.categories[1]`: `sqli-injection` is not one of the allowed values; did you mean `sql-injection`?',
    );
    expect(e!.hint).toBe(
      'Use one of: code-execution, privilege-escalation, sql-injection, injection, path-traversal, ssrf, denial-of-service, information-disclosure, other.',
    );
    expect(`${f!.line}:${f!.column} ${f!.message}`).toBe('2:48 `actionable.categories[2]`: `rce` is not one of the allowed values');
  });

  it('bad values for unknown_severity, scanner_errors and skip.local', () => {
    expect(problems('actionable: {unknown_severity: fail}\nscanner_errors: warning\nskip: {local: maybe}\n')).toEqual([
      '1:32 `actionable.unknown_severity`: `fail` is not one of the allowed values',
      '2:17 `scanner_errors`: `warning` is not one of the allowed values',
      '3:15 `skip.local` must be true or false, not `maybe`',
    ]);
  });

  it('an ignore needs an id, a reason and an expiry date, each said at the item', () => {
    const errors = errorsOf('ignore:\n  - package: lodash\n');
    expect(errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      '2:5 `ignore[0].id` is required: the advisory to ignore',
      '2:5 `ignore[0].reason` is required: why the advisory does not apply',
      '2:5 `ignore[0].expires` is required: the last day the ignore applies',
    ]);
    expect(errors[2]!.hint).toMatch(/^Add `expires: YYYY-MM-DD`/);
  });

  it('an empty reason, a date that is not a day, an empty id', () => {
    const errors = errorsOf(
      yaml`
        ignore:
          - id: GHSA-1
            reason: "  "
            expires: 2027-02-30
          - id: ""
            reason: x
            expires: 31/03/2027
      `,
    );
    expect(errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      '3:13 `ignore[0].reason` is empty',
      '4:14 `ignore[0].expires`: `2027-02-30` is not a date written as YYYY-MM-DD',
      '5:9 `ignore[1].id` is empty',
      '7:14 `ignore[1].expires`: `31/03/2027` is not a date written as YYYY-MM-DD',
    ]);
    expect(errors[0]!.hint).toMatch(/^Say why it is safe to ignore/);
    expect(errors[1]!.hint).toBe('Write the last day the ignore applies as YYYY-MM-DD, e.g. 2027-03-31.');
  });

  it('wrong shapes: a policy that is a list, an ignore that is a mapping, categories that are a word', () => {
    expect(problems('- a\n')).toEqual(['1:1 the audit policy must be a mapping of keys to values, not a list']);
    expect(problems('ignore: {id: x}\n')).toEqual(['1:9 `ignore` must be a list, not a mapping']);
    expect(problems('actionable: {categories: ssrf}\n')).toEqual(['1:26 `actionable.categories` must be a list, not `ssrf`']);
  });

  it('YAML syntax errors at their position', () => {
    expect(problems('actionable:\n  severity: high\n severity: low\n')[0]).toMatch(/^3:\d+ YAML syntax error/);
    expect(problems('ignore:\n  - id: a\n    id: b\n')).toEqual(['3:5 YAML syntax error: Map keys must be unique']);
  });
});

describe('loadAuditPolicy', () => {
  it('reads a file; a missing file is a located usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'debship-policy-'));
    const file = join(dir, 'policy.yaml');
    await writeFile(file, 'actionable:\n  severity: critical\n');
    expect((await loadAuditPolicy(file)).actionable.severity).toBe('critical');
    await writeFile(file, 'actionable:\n  severty: critical\n');
    await expect(loadAuditPolicy(file)).rejects.toMatchObject({ errors: [{ file, line: 2, column: 3, message: 'unknown key `actionable.severty`; did you mean `severity`?' }] });
    const missing = join(dir, 'nope.yaml');
    const err = await loadAuditPolicy(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DebshipErrors);
    expect((err as DebshipErrors).exitCode).toBe(ExitCode.usage);
    expect((err as DebshipErrors).errors[0]).toMatchObject({ code: 'audit/policy-unreadable', message: `${missing}: no such file`, file: missing });
    expect((err as DebshipErrors).errors[0]!.hint).toMatch(/policy path/);
  });
});

describe('parseAuditPolicy (the policy inside debship.yaml)', () => {
  it('normalises an object already read', () => {
    const p = parseAuditPolicy({ actionable: { severity: 'low' }, ignore: [{ id: 'GHSA-1', reason: 'r', expires: '2027-01-01' }] }, { file: 'debship.yaml', path: ['gates', 'audit', 'policy'] });
    expect(p.actionable.severity).toBe('low');
    expect(p.ignore).toEqual([{ id: 'GHSA-1', reason: 'r', expires: '2027-01-01', where: 'debship.yaml: gates.audit.policy.ignore[0]' }]);
    expect(parseAuditPolicy(undefined)).toEqual(DEFAULT_AUDIT_POLICY);
    expect(parseAuditPolicy(null, { file: 'debship.yaml' })).toEqual(DEFAULT_AUDIT_POLICY);
  });

  it('names the full path in debship.yaml, with the closest key or value', () => {
    const err = (() => {
      try {
        parseAuditPolicy({ actionable: { severity: 'hihg' }, skipp: {} }, { file: 'debship.yaml', path: ['gates', 'audit', 'policy'] });
      } catch (e) {
        return e as DebshipErrors;
      }
      throw new Error('expected an error');
    })();
    expect(err).toBeInstanceOf(DebshipErrors);
    expect(err.message).toBe('debship.yaml: 2 problems in the audit policy');
    expect(err.errors.map((e) => [e.location, e.message])).toEqual([
      ['debship.yaml', '`gates.audit.policy.actionable.severity`: `hihg` is not one of the allowed values; did you mean `high`?'],
      ['debship.yaml', 'unknown key `gates.audit.policy.skipp`; did you mean `skip`?'],
    ]);
    expect(() => parseAuditPolicy('strict', { file: 'debship.yaml', path: ['gates', 'audit', 'policy'] })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ message: 'the audit policy `gates.audit.policy` must be a mapping of keys to values, not `strict`' })] }),
    );
  });

  it('places problems at line and column when given the positions of debship.yaml', () => {
    const text = yaml`
      name: x
      gates:
        audit:
          policy:
            ignore:
              - id: GHSA-1
                reason: r
                expires: tomorrow
    `;
    const read = readYaml(text, z.looseObject({ gates: z.looseObject({ audit: z.looseObject({ policy: auditPolicySchema }) }) }));
    const value = (read.value as { gates: { audit: { policy: unknown } } }).gates.audit.policy;
    expect(() => parseAuditPolicy(value, { file: 'debship.yaml', path: ['gates', 'audit', 'policy'], positions: read.positions })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ line: 8, column: 20, message: '`gates.audit.policy.ignore[0].expires`: `tomorrow` is not a date written as YYYY-MM-DD' })] }),
    );
    const ok = yaml`
      gates:
        audit:
          policy:
            ignore:
              - id: GHSA-1
                reason: r
                expires: 2027-01-01
    `;
    const good = readYaml(ok, z.unknown());
    const policy = parseAuditPolicy((good.value as { gates: { audit: { policy: unknown } } }).gates.audit.policy, { file: 'debship.yaml', path: ['gates', 'audit', 'policy'], positions: good.positions });
    expect(policy.ignore[0]!.where).toBe('debship.yaml:5:11');
  });

  it('the schema validates inside another schema (as debship.yaml embeds it)', () => {
    const read = readYaml('policy:\n  actionable:\n    categorie: [ssrf]\n', z.strictObject({ policy: auditPolicySchema }));
    const { problems } = validate(read.value, read.positions, new Map(), z.strictObject({ policy: auditPolicySchema }));
    expect(problems.map((p) => p.message)).toEqual(['unknown key `policy.actionable.categorie`; did you mean `categories`?']);
  });
});

describe('isIsoDate', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2027-03-31')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-3-31')).toBe(false);
    expect(isIsoDate('2027-03-31T00:00:00Z')).toBe(false);
  });
});
