/**
 * tmpfiles.d snippets and `invoke-rc.d --skip-systemd-native`, after lintian's systemd/tmpfiles
 * and systemd/native/prerequisites checks.
 */
import type { Check } from '../../types.js';
import { isMaintainerScript } from '../scripts/control.js';
import { isScript, readHashbang } from '../scripts/hashbang.js';
import { logicalLines } from '../scripts/lines.js';
import { packageRelation, satisfies } from '../../relation.js';
import { decodedUtf8 } from './unit-file.js';
import { thenOnSameLine } from '../../linear-text.js';
import { pointedAt } from '../../hint-text.js';

const USR_LIB_TMPFILES = /^usr\/lib\/tmpfiles\.d\/.*\.conf$/s;

export const tmpfilesCheck: Check = {
  name: 'systemd/tmpfiles',
  tags: [
    { name: 'systemd-tmpfile-in-var-run', severity: 'info', check: 'systemd/tmpfiles', explanation: 'A tmpfiles.d snippet creates a directory under /var/run, a compatibility link to /run.', fix: 'write /run instead of /var/run in the tmpfiles.d snippet' },
    { name: 'misplaced-systemd-tmpfiles', severity: 'error', check: 'systemd/tmpfiles', explanation: 'A tmpfiles.d snippet is installed in /etc/tmpfiles.d, which belongs to the administrator.', fix: 'install the snippet in /usr/lib/tmpfiles.d', renamedFrom: ['systemd-tmpfiles.d-outside-usr-lib'] },
  ],
  wantsContent: ({ path }) => USR_LIB_TMPFILES.test(path.slice(1)),
  run({ pkg, report }) {
    for (const file of pkg.files) {
      if (USR_LIB_TMPFILES.test(file.name) && /^d\s+\/var\/run\//m.test(decodedUtf8(file.content))) report('systemd-tmpfile-in-var-run', `[${file.name}]`);
      if (/^etc\/tmpfiles\.d\/.*\.conf$/s.test(file.name) && file.type === 'file') report('misplaced-systemd-tmpfiles', `[${file.name}]`);
    }
  },
};

const NATIVE_PREREQUISITES = 'init-system-helpers:any';

export const nativePrerequisitesCheck: Check = {
  name: 'systemd/native/prerequisites',
  tags: [
    {
      name: 'skip-systemd-native-flag-missing-pre-depends',
      severity: 'warning',
      check: 'systemd/native/prerequisites',
      explanation: 'A maintainer script calls `invoke-rc.d --skip-systemd-native`, which needs a recent init-system-helpers in Pre-Depends.',
      fix: 'add `init-system-helpers (>= 1.58)` to `deb.predepends`',
    },
  ],
  run({ pkg, report }) {
    let satisfied: boolean | undefined;
    for (const m of pkg.controlMembers.values()) {
      if (!isMaintainerScript(m.name) || !isScript(m.text, m.size) || !readHashbang(m.text).interpreter) continue;
      for (const { line, position } of logicalLines(m.text)) {
        if (!thenOnSameLine(line, /invoke-rc.d\b/g, /--skip-systemd-native\b/g)) continue;
        satisfied ??= satisfies(packageRelation(pkg, 'Pre-Depends'), NATIVE_PREREQUISITES);
        if (!satisfied) report('skip-systemd-native-flag-missing-pre-depends', pointedAt(m.name, position, `(does not satisfy ${NATIVE_PREREQUISITES})`));
      }
    }
  },
};
