/**
 * Maintainer scripts (preinst, postinst, prerm, postrm, config), after visit_control_files of
 * lintian's `scripts` check: the interpreter, then a line-by-line scan for `set -e`, commands with
 * paths, commands needing a dependency and lintian's table of bad commands.
 */
import type { ControlMember, LintPackage } from '../../types.js';
import { BAD_COMMANDS, LEADING } from './bad-commands.js';
import { basename, isScript, readHashbang } from './hashbang.js';
import { interpreters } from './interpreters.js';
import { physicalLines, removeComments } from './lines.js';
import { packageRelation, satisfies } from '../../relation.js';
import { boundedPattern } from '../../bounded-pattern.js';
import { thenOnSameLine } from '../../linear-text.js';
import { pointedAt } from '../../hint-text.js';

// lintian's /\b(if|which|command)\s+.*udevadm/, split for thenOnSameLine (linear-text.ts).
const UDEVADM_GUARD = /\b(?:if|which|command)\s+/g;

type Report = (tag: string, context: string) => void;

/** lintian's is_maintainer_script (its regex: `^config` or a name ending in pre/post inst/rm). */
export const isMaintainerScript = (name: string): boolean => /^config|(?:pre|post)(?:inst|rm)$/.test(name);

// Commands whose package a maintainer script must depend on: command pattern → requirement.
const PREREQUISITE_BY_COMMAND = (
  [
    ['\\badduser\\s', 'adduser'],
    ['\\bgconf-schemas\\s', 'gconf2'],
    ['\\bupdate-inetd\\s', 'update-inetd | inet-superserver | openbsd-inetd | inetutils-inetd | rlinetd | xinetd'],
    ['\\bucf\\s', 'ucf'],
    ['\\bupdate-xmlcatalog\\s', 'xml-core'],
    ['\\bupdate-fonts-(?:alias|dir|scale)\\s', 'xfonts-utils'],
  ] as const
).map(([pattern, requirement]) => ({
  command: new RegExp(`(${pattern})`),
  // The command guarded by a test or a lookup, which lintian lets pass. (`command\s+.*?X` is
  // quadratic on a line repeating `command`.)
  guarded: [new RegExp(`-x\\s+\\S*${pattern}`), new RegExp(`(?:which|type)\\s+${pattern}`), boundedPattern(`command\\s+.*?${pattern}`)],
  requirement,
}));

// Built once: a script is scanned line by line, and a RegExp built per line costs more than the match.
const SET_E = new RegExp(`${LEADING}set\\s*(?:\\s+-(?:-.*|[^e]+))*\\s-\\w*e`);
const UDEVADM = new RegExp(`${LEADING}(?:/bin/)?udevadm\\s`);
const UPDATE_INETD = new RegExp(`${LEADING}(?:/usr/sbin/)?update-inetd\\s`);

export function checkMaintainerScripts(pkg: LintPackage, report: Report): void {
  for (const member of pkg.controlMembers.values()) if (isMaintainerScript(member.name)) checkScript(pkg, member, report);
}

function checkScript(pkg: LintPackage, item: ControlMember, report: Report): void {
  const at = (position = 0, ...notes: string[]) => pointedAt(item.name, position, ...notes);
  if (item.text.startsWith('\x7fELF')) return report('elf-maintainer-script', at());
  const hb = isScript(item.text, item.size) ? readHashbang(item.text) : undefined;
  // `env` is kept here: `#!/usr/bin/env bash` is an unknown control interpreter.
  const interpreter = /^\S*/.exec(hb?.hashbang ?? '')![0];
  if (interpreter === '') return report('script-without-interpreter', at());
  report('maintainer-script-interpreter', at(0, interpreter));
  if (!interpreter.startsWith('/')) report('interpreter-not-absolute', at(0, interpreter));
  const base = basename(interpreter);
  const known = interpreters().get(base);
  const wrongPath = (expected: string) => {
    if (interpreter !== expected) report(expected === '/usr/bin/env perl' ? 'incorrect-path-for-interpreter' : 'wrong-path-for-interpreter', at(0, interpreter, '!=', expected));
  };
  if (interpreter.startsWith('/usr/local/')) report('control-interpreter-in-usr-local', at(0, interpreter));
  else if (base === 'sh' || base === 'bash' || base === 'perl') wrongPath(`${known!.folder}/${base}`);
  else if (item.name === 'config') report('forbidden-config-interpreter', at(0, interpreter));
  else if (item.name === 'postrm') report('forbidden-postrm-interpreter', at(0, interpreter));
  else if (known) {
    wrongPath(`${known.folder}/${base}`);
    report('unusual-control-interpreter', at(0, interpreter));
    if (known.prerequisites) {
      const pre = item.name === 'preinst';
      const have = packageRelation(pkg, pre ? 'Pre-Depends' : 'strong');
      if (!satisfies(have, known.prerequisites)) report(pre ? 'control-interpreter-without-predepends' : 'control-interpreter-without-depends', at(0, interpreter, `(does not satisfy ${known.prerequisites})`));
    }
  } else return report('unknown-control-interpreter', at(0, interpreter));
  scanLines(pkg, item, base, hb!.isShellScript, report);
}

function scanLines(pkg: LintPackage, item: ControlMember, base: string, shell: boolean, report: Report): void {
  const at = (position: number, ...notes: string[]) => pointedAt(item.name, position, ...notes);
  const strong = packageRelation(pkg, 'strong');
  const multiArchSame = pkg.field('Multi-Arch') === 'same';
  const superserver = satisfies(packageRelation(pkg, 'Provides'), 'inet-superserver:any');
  const lines = physicalLines(item.text);
  let sawBange = false;
  let sawSetE = false;
  let sawDebconf = false;
  let sawUdevadmGuard = false;
  let automatic = false;
  let previous = '';
  lines.forEach((raw, index) => {
    const position = index + 1;
    // Quadratic on a first line repeating `/sh`, hence bounded.
    if (position === 1 && shell && boundedPattern(`/${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*.*\\s-\\w*e\\w*\\b`).test(raw)) sawBange = true;
    if (/^# Automatically added by \S+\s*$/.test(raw)) automatic = true;
    // lintian compares the line with its newline to the end marker, so a section never ends (but on the last line).
    if (raw === '# End automatically added section' && position === lines.length && !item.text.endsWith('\n')) automatic = false;
    if (/^\s*$/.test(raw) || /^\s*#/.test(raw)) return;
    let line = removeComments(raw);
    if (shell && line.endsWith('\\')) {
      previous += line.replace('\\', '');
      return;
    }
    line = previous + line;
    previous = '';
    if (shell && SET_E.test(line)) sawSetE = true;
    if (thenOnSameLine(line, UDEVADM_GUARD, /udevadm/g)) sawUdevadmGuard = true;
    if (UDEVADM.test(line) && sawSetE && !sawUdevadmGuard && !line.includes('||') && !satisfies(strong, 'udev:any')) {
      report('udevadm-called-without-guard', at(position));
    }
    if (shell) {
      badCommands(pkg, item, line, position, false, automatic, report);
      if (line.includes('/usr/share/debconf/confmodule')) sawDebconf = true;
      if (/^\s*read(?:\s|$)/.test(line) && !sawDebconf) report('read-in-maintainer-script', at(position));
      if (/^\s*py3?compile(?:\s|$)/.test(line) && multiArchSame) report('multi-arch-same-package-calls-pycompile', at(position));
      if ((/>\s*\/etc\/inetd\.conf(?:\s|$)/.test(line) || /^\s*(?:cp|mv)\s+(?:.*\s)?\/etc\/inetd\.conf\s*$/.test(line)) && !superserver) {
        report('maintainer-script-modifies-inetd-conf', at(position));
      }
      if (!automatic) commandsWithPath(line, (command, how) => report('command-with-path-in-maintainer-script', at(position, command, how)));
    }
    for (const { command, guarded, requirement } of PREREQUISITE_BY_COMMAND) {
      const m = command.exec(line);
      if (!m) continue;
      if (guarded.some((g) => g.test(line)) || /\|\|\s*true\b/.test(line)) continue;
      const first = requirement.replace(/[ (].*/, '');
      if (satisfies(strong, requirement) || pkg.name === first || item.name === 'postrm') continue;
      report(`maintainer-script-needs-depends-on-${first}`, at(position, m[1]!, `(does not satisfy ${requirement})`));
    }
    badCommands(pkg, item, line, position, true, automatic, report);
    if (UPDATE_INETD.test(line)) {
      if (line.includes('--pattern') && line.includes('--add')) report('maintainer-script-has-invalid-update-inetd-options', at(position, '(--pattern with --add)'));
      if (line.includes('--group') && !line.includes('--add')) report('maintainer-script-has-invalid-update-inetd-options', at(position, '(--group without --add)'));
    }
  });
  if (shell && !sawSetE) report(sawBange ? 'maintainer-script-without-set-e' : 'maintainer-script-ignores-errors', at(0));
}

const PATHED = '(/(?:usr/)?s?bin/[\\w.+-]+)';
const PATHED_COMMAND = new RegExp(`${LEADING}${PATHED}(?:\\s|;|$)`);
const PATHED_TEST = new RegExp(`\\[\\s+(?:!\\s+)?-x\\s+${PATHED}\\s+\\]`);

/** Programs run by their full path: in backticks, in `[ -x … ]` tests, as plain commands. */
function commandsWithPath(line: string, found: (command: string, how: string) => void): void {
  for (const m of line.matchAll(/`([^`]+)`/g)) {
    const inner = PATHED_COMMAND.exec(m[1]!);
    if (inner) found(inner[1]!, '(in backticks)');
  }
  const test = PATHED_TEST.exec(line);
  if (test) found(test[1]!, '(in test syntax)');
  const plain = PATHED_COMMAND.exec(line.replace(/`[^`]+`/g, ''));
  if (plain) found(plain[1]!, '(plain script)');
}

function badCommands(pkg: LintPackage, item: ControlMember, line: string, position: number, anyScript: boolean, automatic: boolean, report: Report): void {
  for (const bad of BAD_COMMANDS) {
    if ((automatic && bad.ignoreAutomatic) || bad.anyScript !== anyScript || !line.includes(bad.literal)) continue;
    if (bad.scriptInclude && !bad.scriptInclude.test(item.name)) continue;
    const m = bad.command.exec(line);
    if (!m || bad.packageExclude?.test(pkg.name)) continue;
    report(bad.tag.name, pointedAt(item.name, position, `"${(m[1] ?? '').trim()}"`));
  }
}
