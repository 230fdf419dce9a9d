#!/usr/bin/env node
/**
 * The debship command line: parses arguments and hands each command to its module, loaded only
 * when that command runs so `debship --version` starts fast. All work lives in the library.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { handleFailure } from './failure.js';
import { commanderFlags, LINT_EXAMPLES, LINT_OPTIONS } from './lint-options.js';

// Two levels up from both src/cli/main.ts and the bundled dist/bin/main-core.cjs.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('debship')
  .description('Build, check and publish Debian packages for Linux services, the same way on a laptop and in CI.')
  .version(pkg.version, '-V, --version', 'print the debship version')
  .option('--debug', 'show stack traces for errors')
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText(
    'after',
    `
Exit codes: 0 success, 1 findings (a failed build step, lint tags, failed gates),
2 usage, configuration or environment errors, 70 an internal error (a bug).

Example:
  $ debship build --config debship.yaml --arch amd64 --out dist`,
  );

program
  .command('build')
  .description('build .deb packages from debship.yaml (or an nfpm.yaml)')
  .option('-c, --config <file>', 'config file (default: debship.yaml, then nfpm.yaml)')
  .option('-a, --arch <list>', 'architectures, comma-separated, or "all" for an arch-independent package (default: the config\'s arch)')
  .option('-o, --out <dir>', 'output directory', 'dist')
  .option('--from-git', 'take the upstream version from `git describe` instead of the config')
  .option('--keep-staging', 'keep the build steps\' staging directory for inspection')
  .option('--json', 'print the result as JSON')
  .addHelpText('after', '\nExample:\n  $ debship build --arch amd64,arm64 --out dist\n  $ debship build --config nfpm.yaml --json')
  .action(async (opts) => {
    const { runBuild } = await import('./commands/build.js');
    process.exitCode = await runBuild(opts);
  });

program
  .command('inspect')
  .description('show the control fields, conffiles, scripts and every entry of a .deb')
  .argument('<file>', 'a .deb file, built by debship or any other tool')
  .option('--json', 'print {control, conffiles, scripts, files, members} as JSON')
  .addHelpText('after', '\nExample:\n  $ debship inspect dist/hello-service_1.0.0_amd64.deb --json')
  .action(async (file, opts) => {
    const { runInspect } = await import('./commands/inspect.js');
    process.exitCode = await runInspect(file, opts);
  });

const lint = program
  .command('lint')
  .description('check .deb packages with lintian\'s tags, in-process (exit 0 clean, 1 runtime error, 2 a --fail-on level hit)')
  .argument('[files...]', '.deb files, built by debship or any other tool');
for (const o of LINT_OPTIONS) lint.option(commanderFlags(o), o.help, o.default);
lint
  .addHelpText('after', `\nExample:\n${LINT_EXAMPLES.map((e) => `  $ ${e}`).join('\n')}`)
  .action(async (files: string[], opts, cmd: Command) => {
    const { runLint } = await import('./commands/lint.js');
    process.exitCode = await runLint(files, { ...cmd.optsWithGlobals(), version: pkg.version });
  });

const gate = program
  .command('gate')
  .description('quality gates on the project being packaged: test coverage and dependency vulnerabilities')
  .addHelpText(
    'after',
    `
Each gate exits 0 when it holds, 1 when it fails (saying which threshold, by how much), 2 when a
report cannot be read or the usage is wrong. Settings come from \`gates:\` in debship.yaml, and
flags override them.

Example:
  $ debship gate coverage coverage/lcov.info --min 85
  $ debship gate audit pip-audit.json --policy audit-policy.yaml
  $ debship gate all`,
  );

gate
  .command('coverage')
  .description('check test coverage: lcov, Cobertura XML, istanbul JSON, coverage.py JSON; merged')
  .argument('[reports...]', 'coverage reports, any mix of formats (default: gates.coverage.reports)')
  .option('-c, --config <file>', 'read gates.coverage from this file (default: debship.yaml when present)')
  .option('--min <pct>', 'minimum line coverage')
  .option('--min-branches <pct>', 'minimum branch coverage')
  .option('--min-diff <pct>', 'minimum coverage of executable lines changed since --diff-base')
  .option('--diff-base <ref>', 'git ref the changes are measured from, e.g. origin/main')
  .option('--history <file>', 'append the result to this JSON Lines file, for the trend')
  .option('--max-drop <pct>', 'fail when line coverage drops more than this many points from the last run on this branch')
  .option('--branch <name>', 'branch the --history entry is for (default: GITHUB_HEAD_REF, GITHUB_REF_NAME, else git)')
  .option('--commit <sha>', 'commit the --history entry is for (default: GITHUB_SHA, else git HEAD)')
  .option('--badge <file.svg>', 'write an SVG coverage badge')
  .option('--root <dir>', 'project root that report paths are relative to (default: the git top level)')
  .option('--format <format>', 'text, json or markdown', 'text')
  .option('--all-files', 'list every file in the text report, not only the 20 worst')
  .addHelpText(
    'after',
    `
When GITHUB_STEP_SUMMARY is set, a Markdown summary is appended to it.

Example:
  $ debship gate coverage coverage/lcov.info --min 85 --badge coverage.svg
  $ debship gate coverage coverage.xml --min-diff 90 --diff-base origin/main --format markdown
  $ debship gate coverage lcov.info --history .debship/coverage.jsonl --max-drop 0.5`,
  )
  .action(async (reports: string[], opts, cmd: Command) => {
    const { runGateCoverage } = await import('./commands/gate-coverage.js');
    process.exitCode = await runGateCoverage(reports, cmd.optsWithGlobals());
  });

gate
  .command('audit')
  .description('check dependency vulnerabilities: pip-audit, osv-scanner and npm audit --json reports')
  .argument('[reports...]', 'scanner reports, any mix of formats (default: gates.audit.reports)')
  .option('-c, --config <file>', 'read gates.audit from this file (default: debship.yaml when present)')
  .option('--policy <file>', 'policy file: thresholds, skipped packages, ignores with expiry (default: gates.audit.policy, else built-in)')
  .option('--format <format>', 'text, json, markdown or sarif', 'text')
  .addHelpText(
    'after',
    `
Actionable by default: critical or high severity, or code execution, privilege escalation or SQL
injection whatever the severity. When GITHUB_STEP_SUMMARY is set, a Markdown summary is appended.

Example:
  $ pip-audit -f json -o pip-audit.json; debship gate audit pip-audit.json
  $ npm audit --json > npm-audit.json; debship gate audit npm-audit.json --policy audit-policy.yaml
  $ debship gate audit osv.json --format sarif > audit.sarif`,
  )
  .action(async (reports: string[], opts, cmd: Command) => {
    const { runGateAudit } = await import('./commands/gate-audit.js');
    process.exitCode = await runGateAudit(reports, { ...cmd.optsWithGlobals(), version: pkg.version });
  });

gate
  .command('all')
  .description('run every gate configured under gates: in debship.yaml')
  .option('-c, --config <file>', 'config file (default: debship.yaml)')
  .option('--format <format>', 'text, json or markdown', 'text')
  .addHelpText('after', '\nExample:\n  $ debship gate all --config debship.yaml')
  .action(async (opts, cmd: Command) => {
    const { runGateAll } = await import('./commands/gate-all.js');
    process.exitCode = await runGateAll(cmd.optsWithGlobals());
  });

program
  .command('version')
  .description('print the Debian version the build would use')
  .option('-c, --config <file>', 'config file (default: debship.yaml, then nfpm.yaml)')
  .option('--from-git', 'derive the upstream version from `git describe --tags`')
  .option('--json', 'print {upstream, debian} as JSON')
  .addHelpText('after', '\nExample:\n  $ debship version --from-git')
  .action(async (opts) => {
    const { runVersion } = await import('./commands/version.js');
    process.exitCode = await runVersion(opts);
  });

program.addOption(new Option('--no-color', 'disable colours (also NO_COLOR=1)'));

// Usage errors exit 2 like every other input problem; --help and --version exit 0.
program.exitOverride();
for (const cmd of program.commands) {
  cmd.exitOverride();
  for (const sub of cmd.commands) sub.exitOverride();
}

// `debship lint` keeps lintian's statuses, where 2 means findings: its usage errors exit 1.
const usageExit = process.argv.slice(2).find((a) => !a.startsWith('-')) === 'lint' ? 1 : 2;

/** Settles when the command has finished (bin.ts then saves the code cache). */
export const done: Promise<void> = program.parseAsync(process.argv).then(
  () => undefined,
  (err: unknown) => {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : usageExit;
      return;
    }
    process.exitCode = handleFailure(err, { debug: Boolean(program.opts().debug), stderr: process.stderr });
  },
);
