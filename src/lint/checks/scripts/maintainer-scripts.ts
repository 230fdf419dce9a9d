/**
 * lintian's small maintainer-scripts/* checks: systemctl, adduser, empty scripts, ldconfig,
 * killall, mknod, temporary files, dpkg-statoverride and generated sections.
 */
import { tagInfo } from '../../tag.js';
import type { Check, ControlMember, LintPackage, TagInfo } from '../../types.js';
import { LEADING } from './bad-commands.js';
import { isMaintainerScript } from './control.js';
import { isScript, readHashbang } from './hashbang.js';
import { logicalLines } from './lines.js';
import { joinContinued, thenOnSameLine, trimTrailingNewlines } from '../../linear-text.js';
import { pointed, pointedAt } from '../../hint-text.js';
import { isUdeb, sourceName } from '../../package-identity.js';

const tag = tagInfo;

const scripts = (pkg: LintPackage): ControlMember[] => [...pkg.controlMembers.values()].filter((m) => isMaintainerScript(m.name));
const hashbangOf = (m: ControlMember) => (isScript(m.text, m.size) ? readHashbang(m.text) : undefined);
/** Scripts with an interpreter (a `#!` line naming one), which most of these checks require. */
const interpreted = (pkg: LintPackage) => scripts(pkg).filter((m) => (hashbangOf(m)?.interpreter ?? '') !== '');
/** Perl's split(/\n/): trailing empty lines dropped. */
const splitLines = (text: string) => trimTrailingNewlines(text).split('\n');

export const systemctlCheck: Check = {
  name: 'maintainer-scripts/systemctl',
  tags: [
    tag('maintainer-script-calls-systemctl', 'warning', 'maintainer-scripts/systemctl', 'A maintainer script calls systemctl directly, which fails or misbehaves where systemd is not running (containers, chroots).', 'declare the unit under `systemd:` and let debship generate the deb-systemd-helper and deb-systemd-invoke calls'),
  ],
  run({ pkg, report }) {
    for (const m of scripts(pkg)) {
      if (!/^\S*sh\b/.test(hashbangOf(m)?.hashbang ?? '')) continue;
      splitLines(m.text).forEach((line, i) => {
        if (!line.startsWith('#') && /^(?:.+;)?\s*systemctl\b/.test(line) && !line.includes('daemon-reload')) report('maintainer-script-calls-systemctl', pointedAt(m.name, i + 1));
      });
    }
  },
};

export const adduserCheck: Check = {
  name: 'maintainer-scripts/adduser',
  tags: [tag('adduser-with-home-var-run', 'warning', 'maintainer-scripts/adduser', 'A user is created with its home in /var/run, which is emptied at boot.', 'declare the user under `users:` with a home such as /nonexistent or /var/lib/<package>')],
  run({ pkg, report }) {
    for (const m of scripts(pkg)) {
      for (const { line: joined, index } of joinContinued(m.text.split('\n'))) {
        const line = joined.trimEnd();
        if (/^\s*$/.test(line) || /^[#\n]/.test(line)) continue;
        if (thenOnSameLine(line, /adduser /g, /--home +\/var\/run/g)) report('adduser-with-home-var-run', pointedAt(m.name, index + 1));
      }
    }
  },
};

// dh_make's boilerplate does not count as code.
const BOILERPLATE = [/^\s*set\s+-\w+\s*$/, /^\s*case\s+"?\$1"?\s+in\s*$/, /^\s*(?:[a-z|-]+|\*)\)\s*$/, /^\s*[:;]+\s*$/, /^\s*echo\s+"[^"]+"(?:\s*>&2)?\s*$/, /^\s*esac\s*$/, /^\s*exit\s+\d+\s*$/];

export const emptyCheck: Check = {
  name: 'maintainer-scripts/empty',
  tags: [tag('maintainer-script-empty', 'warning', 'maintainer-scripts/empty', 'A maintainer script does nothing; dpkg runs it all the same.', 'remove the script from `scripts:`')],
  run({ pkg, report }) {
    for (const m of interpreted(pkg)) {
      if (!logicalLines(m.text).some(({ line }) => !BOILERPLATE.some((r) => r.test(line)))) report('maintainer-script-empty', pointed(m.name));
    }
  },
};

export const ldconfigCheck: Check = {
  name: 'maintainer-scripts/ldconfig',
  tags: [
    tag('maintscript-calls-ldconfig', 'warning', 'maintainer-scripts/ldconfig', 'A maintainer script runs ldconfig; dpkg’s ldconfig trigger does that for packages with shared libraries.', 'remove the ldconfig call (and ship the `triggers` file with `activate-noawait ldconfig` if the package installs public libraries)'),
    tag('udeb-postinst-calls-ldconfig', 'error', 'maintainer-scripts/ldconfig', 'A udeb’s postinst runs ldconfig, which the installer does not have.', 'remove the ldconfig call', ['udeb-postinst-must-not-call-ldconfig']),
  ],
  run({ pkg, report }) {
    const udeb = isUdeb(pkg);
    // lintian's glibc/control/ldconfig screen: glibc's own packages run ldconfig themselves.
    const glibc = sourceName(pkg) === 'glibc';
    for (const m of scripts(pkg)) {
      if (!/^[^#\n]*\bldconfig\b/m.test(m.text)) continue;
      const tag = m.name === 'postinst' && udeb ? 'udeb-postinst-calls-ldconfig' : 'maintscript-calls-ldconfig';
      report(tag, pointed(m.name), { masked: tag === 'maintscript-calls-ldconfig' && glibc });
    }
  },
};

const lineCheck = (name: string, t: TagInfo, found: (line: string, seen: Set<string>) => string | undefined): Check => ({
  name,
  tags: [t],
  run({ pkg, report }) {
    for (const m of interpreted(pkg)) {
      const seen = new Set<string>();
      for (const { line, position } of logicalLines(m.text)) {
        const note = found(line, seen);
        if (note !== undefined) report(t.name, pointedAt(m.name, position, note));
      }
    }
  },
});

export const killallCheck = lineCheck(
  'maintainer-scripts/killall',
  tag('killall-is-dangerous', 'warning', 'maintainer-scripts/killall', 'A maintainer script runs killall, which on some systems kills every process.', 'stop services through their unit (`systemd:`), or use pkill with an exact name'),
  (line) => (/^\s*killall(?:\s|$)/.test(line) ? '' : undefined),
);

export const mknodCheck = lineCheck(
  'maintainer-scripts/mknod',
  tag('mknod-in-maintainer-script', 'error', 'maintainer-scripts/mknod', 'A maintainer script creates device files, which is udev’s job.', 'remove the mknod call'),
  (line) => (/^\s*mknod(?:\s|$)/.test(line) && !/\sp\s/.test(line) ? '' : undefined),
);

export const temporaryFilesCheck = lineCheck(
  'maintainer-scripts/temporary-files',
  tag('possibly-insecure-handling-of-tmp-files-in-maintainer-script', 'warning', 'maintainer-scripts/temporary-files', 'A maintainer script uses a fixed name in /tmp, which another local user can plant first.', 'create temporary files with `mktemp`'),
  (line) => {
    const m = /\W((?:\/var)?\/tmp|\$TMPDIR\/[^)\]}\s]+)/.exec(line);
    if (!m || /\bmks?temp\b|\btempfile\b|\bmkdir\b|\bXXXXXX\b|\$RANDOM/.test(line)) return undefined;
    return m[1]!;
  },
);

const STATOVERRIDE = new RegExp(`${LEADING}(?:/usr/bin/)?dpkg-statoverride\\s`);

export const statoverrideCheck = lineCheck(
  'maintainer-scripts/dpkg-statoverride',
  tag('unconditional-use-of-dpkg-statoverride', 'warning', 'maintainer-scripts/dpkg-statoverride', 'A maintainer script adds a dpkg-statoverride without checking with --list first; the second installation then fails.', 'check `dpkg-statoverride --list PATH` before `--add`, or set owner and mode in `contents`'),
  (line, seen) => {
    if (!STATOVERRIDE.test(line)) return undefined;
    if (line.includes('--list')) seen.add('list');
    return line.includes('--add') && !seen.has('list') ? '' : undefined;
  },
);

export const generatedCheck: Check = {
  name: 'maintainer-scripts/generated',
  tags: [tag('debhelper-autoscript-in-maintainer-scripts', 'classification', 'maintainer-scripts/generated', 'A maintainer script contains sections generated by a packaging tool.', 'nothing to fix')],
  run({ pkg, report }) {
    const tools = new Set<string>();
    for (const m of scripts(pkg)) {
      if (!hashbangOf(m)?.hashbang) continue;
      for (const line of m.text.split('\n')) {
        const found = /^# Automatically added by (\S+)\s*$/.exec(line);
        if (found) tools.add(found[1]!.replace(/:\s*$/, ''));
      }
    }
    for (const tool of tools) report('debhelper-autoscript-in-maintainer-scripts', tool);
  },
};
