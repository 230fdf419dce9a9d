#!/usr/bin/env node
/**
 * The `debship` executable, bundled as CommonJS (dist/bin/debship.cjs): Node loads that faster than
 * an ES module entry. `debship lint …` runs from a bundle loaded with a V8 code cache and
 * without commander, because linting one package should cost little more than starting Node;
 * every other command, and any lint invocation the fast path does not understand (help, a
 * mistake), goes to the full command line in main.ts — also from a code-cached bundle, so short
 * commands (`version`, the gates) and builds do not spend their first tens of milliseconds
 * compiling.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLintArgs } from './lint-options.js';

// A reader that stops early (`debship lint x.deb | head`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

// No top-level await: the bundle is CommonJS.
const fast = parseLintArgs(process.argv.slice(2));
void (fast ? lint(fast.files, fast.flags) : commandLine());

async function commandLine(): Promise<void> {
  const core = fileURLToPath(new URL('./main-core.cjs', import.meta.url));
  // Run from source (tsx) there is no bundle: use main.ts itself.
  if (!existsSync(core)) {
    await (await import('./main.js')).done;
    return;
  }
  const { loadWithCodeCache } = await import('./code-cache.js');
  const mod = loadWithCodeCache(core);
  await (mod.exports as typeof import('./main.js')).done;
  mod.save();
}

async function lint(files: string[], flags: Parameters<typeof import('./commands/lint.js').runLint>[1]): Promise<void> {
  // xz decodes the first package on the other core while the checks load.
  if (files[0] !== undefined && flags.explain === undefined) {
    const early = await (await import('../lint/early-decode.js')).startEarlyDecode(files[0]);
    if (early) flags = { ...flags, early };
  }
  const core = fileURLToPath(new URL('./lint-core.cjs', import.meta.url));
  // Run from source (tsx) there is no bundle: use the command module itself.
  if (!existsSync(core)) {
    const { runLint } = await import('./commands/lint.js');
    process.exitCode = await runLint(files, { ...flags, version: version() });
    return;
  }
  const { loadWithCodeCache } = await import('./code-cache.js');
  const mod = loadWithCodeCache(core);
  const { runLint, handleFailure } = mod.exports as typeof import('./lint-core.js');
  try {
    process.exitCode = await runLint(files, { ...flags, version: version() });
  } catch (e) {
    process.exitCode = handleFailure(e, { debug: Boolean(flags.debug), stderr: process.stderr });
  }
  // The cache serves best the runs start-up matters most to: one small package (decoded early).
  mod.save(files.length === 1 && flags.early !== undefined);
}

function version(): string {
  // Two levels up from both src/cli/bin.ts and the bundled dist/bin/debship.cjs.
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
