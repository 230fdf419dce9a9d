/**
 * Turns the paths reports name into project paths, so the same source file read from lcov,
 * Cobertura and istanbul reports merges: relative to the project root with `/` separators, or
 * absolute when the file lies outside the root (a dependency, a system module).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export interface PathResolver {
  /** An absolute path (istanbul keys); a relative one is taken as relative to the root. */
  fromAbsolute(path: string): string;
  /**
   * An lcov SF: absolute, or relative. Most tools write relative SFs against the directory they ran
   * in (vitest and coverage.py: their project root, wherever the report goes), a few against the
   * report. In a monorepo the tools ran in a package below the root, usually where the gate runs
   * and above the report (web/coverage/lcov.info). The first of these holding the file: the
   * current directory when it is below the root, the root, the report's directory and those
   * above it up to the root; else the first of them.
   */
  lcov(sf: string): string;
  /**
   * A Cobertura filename, relative to one of the `<source>` directories: the first source under
   * which the file exists, else the root when it exists there, else the first source. coverage.py writes an empty `<source>` beside the
   * real ones when it measured absolute paths; empty sources are skipped.
   */
  cobertura(filename: string, sources: readonly string[]): string;
}

/** `abs` relative to `root` with `/` separators, or `abs` itself when it is not under `root`. */
export function projectPath(abs: string, root: string): string {
  const rel = relative(root, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return slashes(abs);
  return slashes(rel);
}

export function pathResolver(
  root: string,
  reportDir: string,
  exists: (abs: string) => boolean = cachedExists(),
  cwd: string = process.cwd(),
): PathResolver {
  const absRoot = resolve(root);
  const absReportDir = resolve(absRoot, reportDir);
  const project = (abs: string) => projectPath(abs, absRoot);
  const below = (dir: string) => !isAbsolute(project(dir)) && dir !== absRoot;
  const lcovBases = [absRoot, absReportDir];
  for (let dir = dirname(absReportDir); below(dir); dir = dirname(dir)) lcovBases.push(dir);
  if (below(resolve(cwd))) lcovBases.unshift(resolve(cwd));
  return {
    fromAbsolute: (path) => project(resolve(absRoot, path)),
    lcov(sf) {
      if (isAbsolute(sf)) return project(resolve(sf));
      const candidates = lcovBases.map((base) => resolve(base, sf));
      return project(candidates.find(exists) ?? candidates[0]!);
    },
    cobertura(filename, sources) {
      if (isAbsolute(filename)) return project(resolve(filename));
      const bases = sources.filter((s) => s.trim() !== '').map((s) => resolve(absRoot, s.trim()));
      // Then the root: sources name the directories of the run that wrote the report, which in a
      // container or another job's checkout are not where the project is now.
      const candidates = [...bases.map((b) => resolve(b, filename)), resolve(absRoot, filename)];
      return project(candidates.find(exists) ?? candidates[0]!);
    },
  };
}

/** Reports name each file once, but a 50 MB report names thousands: ask the disk once per path. */
function cachedExists(): (abs: string) => boolean {
  const seen = new Map<string, boolean>();
  return (abs) => {
    let found = seen.get(abs);
    if (found === undefined) seen.set(abs, (found = existsSync(abs)));
    return found;
  };
}

/** Locale-independent path order, so reports and tables list files the same way on every machine. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function slashes(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
