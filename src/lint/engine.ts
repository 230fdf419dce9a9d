/**
 * `debship lint` as a library call: load each package (several at once), run every check, drop
 * suppressed tags, apply overrides, report unused ones, sort like lintian and decide whether the
 * run fails per `--fail-on`. A package that cannot be read, or a check that breaks, is recorded
 * as an error of that package; the others are still linted.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isDebshipError } from '../core/errors.js';
import { XzPool } from '../deb/compress/xz-pool.js';
import { applyOverrides, type OverriddenFinding } from './apply-overrides.js';
import { SMALL_DEB, type EarlyDecode } from './early-decode.js';
import { withLinearFallback } from './linear-fallback.js';
import { loadLintPackage } from './load.js';
import { mayBeOverridesFile, ownOverridesFile } from './own-overrides.js';
import { parseOverrides, type Override } from './overrides.js';
import { CHECKS, tagIndex, tagTableOf } from './registry.js';
import { ShellSyntax } from './shell-syntax.js';
import { findingRank, type FailOn } from './severity.js';
import type { Check, Finding, LintPackage, TagInfo } from './types.js';
import { byCodeUnits } from '../core/compare.js';

export type { OverriddenFinding } from './apply-overrides.js';

export interface LintOptions {
  /** Levels that make the run fail (lintian's --fail-on); 'none' never fails. */
  failOn: FailOn[] | 'none';
  /** Tags (current or older names) to drop before anything else, like lintian's --suppress-tags. */
  suppressTags?: string[];
  /** Overrides beyond each package's own file (--overrides FILE); `package` limits one to a package. */
  overrides?: Override[];
  /** Packages read at once; default: twice the cores (decompressors run as separate processes). */
  concurrency?: number;
  /** The checks to run; default: all of them. */
  checks?: readonly Check[];
  /** The first file's members, decoded while the checks loaded (src/cli/bin.ts). */
  early?: EarlyDecode;
  /** Report lintian's experimental tags (its -E); without it they are dropped, as lintian drops them. */
  experimental?: boolean;
}

export interface LintError {
  message: string;
  hint?: string;
}

export interface PackageLint {
  /** The .deb as given. */
  file: string;
  name: string;
  version: string;
  architecture: string;
  /** Findings that count, sorted like lintian (severity, tag, context); includes unused-override. */
  findings: Finding[];
  overridden: OverriddenFinding[];
  unusedOverrides: Override[];
  /** Why the package could not be read or fully checked. */
  errors: LintError[];
}

export interface LintRun {
  packages: PackageLint[];
  /** A --fail-on level was hit. */
  failed: boolean;
  /** Some package could not be read or checked (lintian's runtime error). */
  errored: boolean;
}

/** Keeps the content of overrides files whatever checks run: the engine applies them. */
const overridesContent: Check = { name: 'overrides', tags: [], wantsContent: (f) => mayBeOverridesFile(f.path), run() {} };

export function lintPackages(files: string[], opts: LintOptions): Promise<LintRun> {
  return withLinearFallback(() => lintAll(files, opts));
}

async function lintAll(files: string[], opts: LintOptions): Promise<LintRun> {
  const checks = opts.checks ?? CHECKS;
  const tags = opts.checks ? tagTableOf(opts.checks) : tagIndex();
  const suppressed = new Set((opts.suppressTags ?? []).map((t) => tags.get(t)?.name ?? t));
  const results: PackageLint[] = new Array(files.length);
  // A few xz processes decode every package's data, instead of one process per package.
  const xz = new XzPool(Math.min(2, availableParallelism()));
  const shells = new ShellSyntax();
  if (files.some(isLarge)) shells.prepare();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const early = i === 0 && opts.early?.file === files[0] ? opts.early : undefined;
      results[i] = await lintOne(files[i]!, { checks, tags, suppressed, extra: opts.overrides ?? [], experimental: opts.experimental ?? false, xz, shells, early });
    }
  };
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 2 * availableParallelism(), files.length));
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    xz.close();
    shells.close();
    opts.early?.dispose();
  }
  return { packages: results, failed: hitsFailOn(results, opts.failOn), errored: results.some((r) => r.errors.length > 0) };
}

/** A package past what is read whole (load.ts): its run will hold a lot of memory. */
function isLarge(file: string): boolean {
  try {
    return statSync(file).size > SMALL_DEB;
  } catch {
    return false;
  }
}

function hitsFailOn(results: PackageLint[], failOn: FailOn[] | 'none'): boolean {
  if (failOn === 'none') return false;
  const levels = new Set<string>(failOn);
  // An experimental tag counts as `experimental`, not as its severity (lintian's reported_count).
  return results.some((r) => r.findings.some((f) => levels.has(f.experimental ? 'experimental' : f.severity)) || (levels.has('override') && r.overridden.length > 0));
}

interface Setup {
  checks: readonly Check[];
  tags: Map<string, TagInfo>;
  suppressed: Set<string>;
  extra: readonly Override[];
  experimental: boolean;
  xz: XzPool;
  shells: ShellSyntax;
  early: EarlyDecode | undefined;
}

async function lintOne(file: string, { checks, tags, suppressed, extra, experimental, xz, shells, early }: Setup): Promise<PackageLint> {
  const result: PackageLint = { file, name: '', version: '', architecture: '', findings: [], overridden: [], unusedOverrides: [], errors: [] };
  let pkg: LintPackage;
  try {
    pkg = await loadLintPackage(file, [...checks, overridesContent], { xz, ...(early ? { early } : {}) });
  } catch (e) {
    result.errors.push(toLintError(e));
    return result;
  }
  Object.assign(result, { name: pkg.name, version: pkg.version, architecture: pkg.architecture });
  const finding = (tag: string, context: string): Finding => {
    const info = tags.get(tag)!;
    return { package: pkg.name, severity: info.severity, tag, context, ...(info.experimental ? { experimental: true as const } : {}) };
  };
  const raw = await runChecks(pkg, checks, shells, finding, result.errors);
  if (raw === undefined) {
    result.errors.push({
      message: `${file}: its findings run past ${FINDINGS_TEXT >> 20} MiB of text`,
      hint: 'a package this broken is not worth reporting in full; lint it with --suppress-tags for the tags it repeats most',
    });
    return result;
  }
  const kept = raw.filter((f) => !suppressed.has(f.tag));
  const own = ownOverridesFile(pkg);
  const overrides = [...(own ? parseOverrides(own.text, pkg.name, own.source).overrides : []), ...extra];
  let outcome: ReturnType<typeof applyOverrides>;
  try {
    outcome = applyOverrides(kept, overrides, pkg, (t) => {
      const name = tags.get(t)?.name;
      return name && !suppressed.has(name) ? name : undefined;
    });
  } catch (e) {
    result.errors.push(toLintError(e));
    return result;
  }
  const usage = outcome.usage.filter((u) => !suppressed.has(u.tag)).filter((u) => tags.has(u.tag)).map((u) => finding(u.tag, u.context));
  // Experimental findings still use their overrides, as in lintian, which drops them only after.
  const reported = (f: Finding) => experimental || !f.experimental;
  result.findings = [...outcome.findings, ...usage].filter(reported).sort(compareFindings);
  result.overridden = outcome.overridden.filter(reported).sort(compareFindings);
  result.unusedOverrides = outcome.unused;
  return result;
}

/**
 * How much context text one package's findings may carry. A package of a few kilobytes can name
 * thousands of directories 4 KB deep, each a missing-intermediate-directory finding: past this,
 * the findings would exhaust memory and no one would read them.
 */
const FINDINGS_TEXT = 64 << 20;

/**
 * Runs every check; a check that throws is an error of the package, and the others still run. A
 * check waiting on another process (a promise) does not hold up the ones after it; all are
 * awaited before the findings are taken. Undefined when the findings' text runs past FINDINGS_TEXT.
 */
async function runChecks(
  pkg: LintPackage,
  checks: readonly Check[],
  shells: ShellSyntax,
  finding: (tag: string, context: string) => Finding,
  errors: LintError[],
): Promise<Finding[] | undefined> {
  const found: Finding[] = [];
  const seen = new Set<string>();
  let text = 0;
  const failed = (check: Check, e: unknown) =>
    errors.push({ message: `check ${check.name} failed on ${pkg.file}: ${(e as Error).message}`, hint: 'this is a bug in debship; please report it with the package' });
  const waiting: Array<Promise<void>> = [];
  for (const check of checks) {
    const declared = declaredTags(check);
    try {
      const ran = check.run({
        pkg,
        shells,
        report(tag, context = '', how) {
          if (!declared.has(tag)) throw new Error(`check ${check.name} reported undeclared tag ${tag}`);
          // lintian drops a repeated hint (same tag and context) with a warning.
          const key = `${tag}\0${context}`;
          if (seen.has(key) || text > FINDINGS_TEXT) return;
          seen.add(key);
          text += context.length;
          found.push(how?.masked ? { ...finding(tag, context), masked: true } : finding(tag, context));
        },
      });
      if (ran) waiting.push(ran.catch((e: unknown) => void failed(check, e)));
    } catch (e) {
      failed(check, e);
    }
  }
  await Promise.all(waiting);
  return text > FINDINGS_TEXT ? undefined : found;
}

const declaredByCheck = new WeakMap<Check, ReadonlySet<string>>();

/** The tag names a check may report, worked out once per check rather than per package. */
function declaredTags(check: Check): ReadonlySet<string> {
  let names = declaredByCheck.get(check);
  if (!names) declaredByCheck.set(check, (names = new Set(check.tags.map((t) => t.name))));
  return names;
}

function toLintError(e: unknown): LintError {
  if (isDebshipError(e)) return { message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
  return { message: `cannot read the package: ${(e as Error).message}`, hint: 'this is a bug in debship; please report it with the package' };
}

/** lintian's order: severity (experimental tags after pedantic ones), tag, package, context (plain code-point comparison, like Perl's sort). */
export function compareFindings(a: Finding, b: Finding): number {
  return findingRank(a) - findingRank(b) || byCodeUnits(a.tag, b.tag) || byCodeUnits(a.package, b.package) || byCodeUnits(a.context, b.context);
}
