/**
 * Bundles the CLI into dist/bin/ so `debship` starts without resolving hundreds of modules
 * (start-up time matters for `debship lint` on one small package): the small debship.cjs entry,
 * which is also the `debship` command npm links (its first lines have /bin/sh start Node on it),
 * and two self-contained CommonJS bundles that entry loads with a V8 code cache —
 * lint-core.cjs for `debship lint`, main-core.cjs for the whole command line, whose commands
 * initialise only when they run. The library itself is compiled by tsc into dist/ for
 * programmatic use.
 *
 *   node scripts/bundle.mjs [OUTDIR]     default dist/bin (tests bundle into a temporary directory)
 */
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist/bin';

// Clear what an earlier build left, so the directory holds only what this one wrote.
rmSync(outdir, { recursive: true, force: true });

/**
 * A self-contained CommonJS bundle; import.meta.url, where used, is the bundle's own URL, worked
 * out on use (the URL machinery costs a measurable part of a short run that never asks).
 */
function commonJsBundle(name, entry, extra = {}) {
  return build({
    entryPoints: { [name]: entry },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'bundle',
    logLevel: 'warning',
    define: { 'import.meta.url': '__debshipModule.url' },
    banner: { js: "const __debshipModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
    ...extra,
  });
}

// The executable: small, CommonJS (Node starts a CommonJS entry faster than an ES module one); it
// loads one of the two bundles below. Run from source it imports main.ts or the lint command
// instead, which the bundle never does: they stay outside it.
await commonJsBundle('debship', 'src/cli/bin.ts', { external: ['./main.js', './commands/lint.js'] });

/**
 * debship.cjs is also the command npm links, so it opens as a script both /bin/sh and Node read.
 * Started as a command, /bin/sh runs line 2: it drops NODE_EXTRA_CA_CERTS for `lint` and starts
 * Node on this same file (Node resolves a symbolic link to it, so the bundles beside it are found).
 * Node skips line 1 and reads line 2 as a string and a comment. One process fewer before Node
 * than a separate wrapper script, which had to run `readlink -f` to find the bundle.
 */
const LAUNCHER = [
  '#!/bin/sh',
  '":" //; case "$1" in lint) unset NODE_EXTRA_CA_CERTS ;; esac; exec node "$0" "$@"',
  '// Line 2 is for /bin/sh. `debship lint` opens no network connections, so its Node starts without',
  '// NODE_EXTRA_CA_CERTS: with that variable set (common behind a company proxy), Node parses every',
  '// root certificate before it runs any code, about 50 ms on a small machine: most of what linting',
  '// one small package takes. Every other command keeps the environment as it is.',
].join('\n');
const entry = `${outdir}/debship.cjs`;
writeFileSync(entry, `${LAUNCHER}\n${readFileSync(entry, 'utf8').replace(/^#!.*\n/, '')}`);
chmodSync(entry, 0o755);

// `debship lint`'s fast path.
await commonJsBundle('lint-core', 'src/cli/lint-core.ts');

// The full command line.
await commonJsBundle('main-core', 'src/cli/main.ts');

// Data files the code reads at run time (src/lint/data/spelling-lists.ts), beside each copy of
// that code: the bundles, and, in a build of dist/, the library tsc compiled there.
const DATA = 'src/lint/data';
for (const name of readdirSync(DATA).filter((f) => f.endsWith('.txt'))) {
  copyFileSync(`${DATA}/${name}`, `${outdir}/${name}`);
  if (outdir === 'dist/bin' && existsSync('dist/lint/data')) copyFileSync(`${DATA}/${name}`, `dist/lint/data/${name}`);
}
