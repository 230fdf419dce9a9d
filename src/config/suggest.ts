/**
 * "Did you mean …?" for mistyped keys and values: Damerau–Levenshtein distance (optimal string
 * alignment) over the candidates valid at that position, plus a few names users bring from other
 * tools (`dependencies`, nfpm v1's `files`).
 */

/** Edit distance counting insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: i-2, i-1, i.
  let prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/** Names from other tools (and nfpm v1) mapped to the key that means the same here. */
const ALIASES: Record<string, string[]> = {
  dependencies: ['depends'],
  requires: ['depends'],
  depend: ['depends'],
  'pre-depends': ['predepends'],
  pre_depends: ['predepends'],
  predepend: ['predepends'],
  files: ['contents'],
  config_files: ['contents'],
  empty_folders: ['contents'],
  symlinks: ['contents'],
  content: ['contents'],
  source: ['src'],
  destination: ['dst', 'target'],
  dest: ['dst'],
  permissions: ['file_info', 'mode'],
  perm: ['mode'],
  architecture: ['arch'],
  package: ['name'],
  package_name: ['name'],
  url: ['homepage'],
  website: ['homepage'],
  author: ['maintainer'],
  summary: ['description'],
  compress: ['compression'],
  units: ['systemd'],
  services: ['systemd'],
  user: ['users', 'owner'],
  group: ['groups'],
  debian: ['deb'],
  suite: ['target'],
  suites: ['target'],
  distribution: ['target'],
  command: ['run'],
  script: ['run'],
  environment: ['env'],
  workdir: ['cwd'],
  working_directory: ['cwd'],
  enabled: ['enable'],
  restart: ['restart_on_upgrade'],
};

/**
 * The candidate closest to `input`, or undefined when nothing is close enough to be a plausible typo.
 * Case differences are free (`Name` → `name`); `-` and `_` are interchangeable.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const n = norm(input);
  for (const c of candidates) if (norm(c) === n) return c;
  const alias = Object.hasOwn(ALIASES, n) ? ALIASES[n]!.find((a) => candidates.includes(a)) : undefined;
  if (alias) return alias;
  // A third of the longer word, at least one edit, at most three.
  const limit = (other: string) => Math.min(3, Math.max(1, Math.floor(Math.max(n.length, other.length) / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(n, norm(c));
    if (d <= limit(c) && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best) return best;
  // A typo of another tool's name: `comand` → command → run.
  for (const [name, targets] of Object.entries(ALIASES)) {
    const target = targets.find((a) => candidates.includes(a));
    if (target && editDistance(n, name) <= limit(name)) return target;
  }
  return undefined;
}
