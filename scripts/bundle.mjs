/**
 * Bundles the CLI into dist/bin/ so `debship` starts without resolving hundreds of modules
 * (start-up time matters for `debship lint` on one small package). Commands stay lazily loaded:
 * each is a separate chunk, imported only when it runs. `debship lint` also gets a self-contained
 * CommonJS bundle, lint-core.cjs, which src/cli/bin.ts loads with a V8 code cache. The library
 * itself is compiled by tsc into dist/ for programmatic use.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear old ones so dist/bin holds only what this build wrote.
rmSync('dist/bin', { recursive: true, force: true });

await build({
  entryPoints: { debship: 'src/cli/bin.ts' },
  outdir: 'dist/bin',
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

await build({
  entryPoints: { 'lint-core': 'src/cli/lint-core.ts' },
  outdir: 'dist/bin',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  logLevel: 'warning',
});
