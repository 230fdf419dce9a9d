/** What the code-cached lint bundle (dist/bin/lint-core.cjs) exports to src/cli/bin.ts. */
export { runLint } from './commands/lint.js';
export { handleFailure } from './failure.js';
