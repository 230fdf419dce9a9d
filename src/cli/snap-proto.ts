import v8 from 'node:v8';
import { readFileSync } from 'node:fs';
import { runLint, handleFailure } from './lint-core.js';
import { parseLintArgs } from './lint-options.js';
import { startEarlyDecode } from '../lint/early-decode.js';

v8.startupSnapshot.setDeserializeMainFunction(async () => {
  const fast = parseLintArgs(process.argv.slice(2));
  if (!fast) { process.exitCode = 1; return; }
  let flags = fast.flags;
  const early = await startEarlyDecode(fast.files[0]!);
  if (early) flags = { ...flags, early };
  try {
    process.exitCode = await runLint(fast.files, { ...flags, version: '0.1.0' });
  } catch (e) {
    process.exitCode = handleFailure(e, { debug: false, stderr: process.stderr });
  }
});
