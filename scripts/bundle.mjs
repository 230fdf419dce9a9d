/**
 * Bundles the CLI into dist/bin/ so `debship` starts without resolving hundreds of modules
 * (start-up time matters for `debship lint` on one small package). Commands stay lazily loaded:
 * each is a separate chunk, imported only when it runs. `debship lint` also gets a self-contained
 * CommonJS bundle, lint-core.cjs, and the whole command line another, main-core.cjs, which
 * src/cli/bin.ts loads with a V8 code cache. The library itself is compiled by tsc into dist/ for
 * programmatic use.
 *
 *   node scripts/bundle.mjs [OUTDIR]     default dist/bin (tests bundle into a temporary directory)
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist/bin';

// Chunk names carry content hashes: clear old ones so the directory holds only what this build wrote.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { debship: 'src/cli/bin.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS dependencies may call require(); give ESM chunks one.
  banner: { js: "import { createRequire as __debshipRequire } from 'node:module'; const require = __debshipRequire(import.meta.url);" },
});

/** A self-contained CommonJS bundle that src/cli/bin.ts loads with a V8 code cache. */
function codeCachedBundle(name, entry, extra = {}) {
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
    ...extra,
  });
}

// `debship lint`'s fast path.
await codeCachedBundle('lint-core', 'src/cli/lint-core.ts');

// The full command line; import.meta.url is the bundle's own URL, as in the ESM build.
await codeCachedBundle('main-core', 'src/cli/main.ts', {
  define: { 'import.meta.url': '__debshipModuleUrl' },
  banner: { js: "const __debshipModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
