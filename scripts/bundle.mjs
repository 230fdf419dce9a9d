/**
 * Bundles the CLI into dist/bin/ so `debship` starts without resolving hundreds of modules
 * (start-up time matters for `debship lint` on one small package): the `debship` command (a
 * shell script, src/cli/debship.sh, that starts Node on debship.cjs), the small debship.cjs entry,
 * and two self-contained CommonJS bundles that entry loads with a V8 code cache —
 * lint-core.cjs for `debship lint`, main-core.cjs for the whole command line, whose commands
 * initialise only when they run. The library itself is compiled by tsc into dist/ for
 * programmatic use.
 *
 *   node scripts/bundle.mjs [OUTDIR]     default dist/bin (tests bundle into a temporary directory)
 */
import { chmodSync, copyFileSync, rmSync } from 'node:fs';
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

// The command npm installs: a shell script that starts Node on debship.cjs.
copyFileSync(new URL('../src/cli/debship.sh', import.meta.url), `${outdir}/debship`);
chmodSync(`${outdir}/debship`, 0o755);

// `debship lint`'s fast path.
await commonJsBundle('lint-core', 'src/cli/lint-core.ts');

// The full command line.
await commonJsBundle('main-core', 'src/cli/main.ts');
