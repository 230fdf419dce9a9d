/**
 * `gates:` in debship.yaml: the coverage and vulnerability gates as pipeline steps. The keys mirror
 * the `debship gate` flags (snake_case), so a command line moves into the config unchanged.
 */
import { z } from 'zod';
import { auditPolicySchema } from '../gates/audit/policy-schema.js';
import { fieldInfo } from './field-info.js';

const percentage = (what: string) =>
  z.number().min(0).max(100).describe(`${what} (0–100).`).register(fieldInfo, { expected: 'a percentage from 0 to 100' });

const reports = (what: string) =>
  z.array(z.string()).min(1).describe(`${what} Paths and globs relative to this file; formats are detected from content.`);

export const coverageGateSchema = z
  .strictObject({
    reports: reports('Coverage reports: lcov tracefiles, Cobertura XML (coverage xml), istanbul coverage-summary.json or coverage-final.json, coverage.py JSON (coverage json).'),
    min: percentage('Minimum line coverage').optional(),
    min_branches: percentage('Minimum branch coverage').optional(),
    min_diff: percentage('Minimum coverage of the executable lines changed since diff_base').optional(),
    diff_base: z.string().describe('Git ref the changes are measured from, e.g. origin/main.').optional(),
    history: z.string().describe('JSON Lines file the result is appended to, for the trend and max_drop.').optional(),
    max_drop: percentage('Largest allowed drop in line coverage, in points, from the last run on the same branch').optional(),
    badge: z.string().describe('Write an SVG coverage badge to this file.').optional(),
  })
  .describe('The coverage gate (`debship gate coverage`).');

export const auditGateSchema = z
  .strictObject({
    reports: reports('Scanner reports: pip-audit JSON, osv-scanner JSON, `npm audit --json`.'),
    policy: z
      .union([z.string().describe('A policy file (YAML), relative to this file.'), auditPolicySchema])
      .describe('What is actionable, what to skip and what to ignore: a policy file or the policy itself.')
      .optional(),
  })
  .describe('The dependency-vulnerability gate (`debship gate audit`).');

export const gatesSchema = z
  .strictObject({
    coverage: coverageGateSchema.optional(),
    audit: auditGateSchema.optional(),
  })
  .describe('Quality gates run by `debship gate` (debship).');
