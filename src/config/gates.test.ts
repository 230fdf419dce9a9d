import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebshipErrors } from '../core/errors.js';
import { loadGatesConfig } from './gates.js';
import { load, problems, yaml } from './test-helpers.js';

function file(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'debship-gates-'));
  const path = join(dir, 'debship.yaml');
  writeFileSync(path, text);
  return path;
}

async function gateProblems(text: string): Promise<string[]> {
  try {
    await loadGatesConfig(file(text));
  } catch (e) {
    if (e instanceof DebshipErrors) return e.errors.map((x) => `${x.line}:${x.column} ${x.message}`);
    throw e;
  }
  throw new Error('expected the gates to be rejected');
}

describe('gates: in debship.yaml', () => {
  it('is part of a buildable config, with paths made absolute against the config file', () => {
    const { config } = load(yaml`
      name: app
      version: 1.0.0
      gates:
        coverage:
          reports: [coverage/lcov.info]
          min: 85
          min_diff: 80
          diff_base: origin/main
          history: .debship/coverage.jsonl
          max_drop: 0.5
          badge: coverage.svg
        audit:
          reports: [audit/*.json]
          policy: audit-policy.yaml
    `);
    expect(config.gates).toEqual({
      coverage: {
        reports: ['/project/coverage/lcov.info'],
        min: 85,
        minDiff: 80,
        diffBase: 'origin/main',
        history: '/project/.debship/coverage.jsonl',
        maxDrop: 0.5,
        badge: '/project/coverage.svg',
      },
      audit: { reports: ['/project/audit/*.json'], policy: '/project/audit-policy.yaml' },
    });
  });

  it('is empty when absent', () => {
    expect(load(yaml`
      name: app
      version: 1.0.0
    `).config.gates).toEqual({});
  });

  it('locates mistakes in gates and in an inline policy', () => {
    expect(
      problems(yaml`
        name: app
        version: 1.0.0
        gates:
          coverage:
            reports: [lcov.info]
            min: 185
            max_dorp: 1
          audit:
            reports: [a.json]
            policy:
              actionable:
                severity: severe
      `),
    ).toEqual([
      '6:10 `gates.coverage.min` must be at most 100, not `185`',
      '7:5 unknown key `gates.coverage.max_dorp`; did you mean `max_drop`?',
      expect.stringMatching(/^12:19 `gates.audit.policy.actionable.severity`: `severe` is not one of the allowed values/),
    ]);
  });
});

describe('loadGatesConfig', () => {
  it('reads only gates: a file that is not a buildable package still gives its gates', async () => {
    const path = file(yaml`
      # no name or version: this file only configures the gates
      gates:
        coverage:
          reports: [coverage/lcov.info]
          min: 80
    `);
    const gates = await loadGatesConfig(path);
    expect(gates.coverage).toEqual({ reports: [join(path, '..', 'coverage/lcov.info')], min: 80 });
  });

  it('ignores problems outside gates, which belong to `debship build`', async () => {
    const gates = await loadGatesConfig(file(yaml`
      name: Not A Valid Name
      gates:
        audit:
          reports: [npm-audit.json]
    `));
    expect(gates.audit?.reports).toHaveLength(1);
  });

  it('reports every problem in gates with its line and column', async () => {
    expect(
      await gateProblems(yaml`
        gates:
          coverage:
            min: 90
          audit:
            reports: npm-audit.json
          lint: {}
      `),
    ).toEqual([
      expect.stringMatching(/^3:5 `gates.coverage.reports` is required/),
      expect.stringMatching(/^5:14 `gates.audit.reports` must be a list/),
      expect.stringMatching(/^6:3 unknown key `gates.lint`/),
    ]);
  });

  it('says when the file cannot be read', async () => {
    await expect(loadGatesConfig('/nonexistent/debship.yaml')).rejects.toMatchObject({ code: 'config/unreadable', exitCode: 2 });
  });
});
