/**
 * `gates:` → GatesConfig, and loading just that section for `debship gate`: a config used only for
 * its gates need not be a buildable package, and a gate must not fail on an unrelated build key.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { defined } from '../core/defined.js';
import { DebshipError } from '../core/errors.js';
import { gatesSchema } from './gates-schema.js';
import { fail, placer } from './load.js';
import type { Problem } from './problems.js';
import type { GatesConfig } from './types.js';
import { validate } from './validate.js';
import { readYaml } from './yaml-read.js';

type RawGates = z.output<typeof gatesSchema>;

/** The `gates:` section of a validated config file, with paths made absolute against its directory. */
export function normaliseGates(raw: RawGates | undefined, file: string): GatesConfig {
  const dir = dirname(file);
  const at = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  const gates: GatesConfig = {};
  const c = raw?.coverage;
  if (c) {
    gates.coverage = {
      reports: c.reports.map(at),
      ...defined({ min: c.min, minBranches: c.min_branches, minDiff: c.min_diff, diffBase: c.diff_base, maxDrop: c.max_drop }),
      ...(c.history ? { history: at(c.history) } : {}),
      ...(c.badge ? { badge: at(c.badge) } : {}),
    };
  }
  const a = raw?.audit;
  if (a) {
    gates.audit = {
      reports: a.reports.map(at),
      ...(a.policy === undefined ? {} : { policy: typeof a.policy === 'string' ? at(a.policy) : { inline: a.policy as Record<string, unknown>, file } }),
    };
  }
  return gates;
}


/** Only `gates:` is checked; the rest of the file is left to `debship build`. */
const gatesOnly = z.looseObject({ gates: gatesSchema.optional() });

/** Reads a config file's `gates:` section; every problem in it is reported with file:line:column. */
export async function loadGatesConfig(file: string): Promise<GatesConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DebshipError('config/unreadable', `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}`, {
      hint: 'Check the path given with --config.',
      file,
      cause: e,
    });
  }
  const yaml = readYaml(text.replace(/^\uFEFF/, ''), gatesOnly);
  const problems: Problem[] = [...yaml.errors];
  let raw: RawGates | undefined;
  if (!yaml.errors.length) {
    const value = yaml.value ?? {};
    const checked = validate(typeof value === 'object' && !Array.isArray(value) ? value : {}, yaml.positions, new Map(), gatesOnly);
    problems.push(...yaml.problems, ...checked.problems);
    raw = checked.data?.gates;
  }
  if (problems.length) fail(file, problems.map(placer(yaml.positions)));
  return normaliseGates(raw, path);
}
