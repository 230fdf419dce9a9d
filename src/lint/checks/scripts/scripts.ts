/**
 * lintian's `scripts` check: installed scripts and maintainer scripts share its tags (an installed
 * script and a postinst can both lack an interpreter), so one Check runs both halves.
 */
import type { Check } from '../../types.js';
import { BAD_COMMANDS } from './bad-commands.js';
import { checkMaintainerScripts } from './control.js';
import { checkInstalledScripts } from './installed.js';
import { CONTROL_SCRIPT_TAGS, INSTALLED_SCRIPT_TAGS, NEEDS_DEPENDS_TAGS } from './tags.js';

export const scriptsCheck: Check = {
  name: 'scripts',
  tags: [...INSTALLED_SCRIPT_TAGS, ...CONTROL_SCRIPT_TAGS, ...NEEDS_DEPENDS_TAGS, ...BAD_COMMANDS.map((b) => b.tag)],
  run({ pkg, report }) {
    checkInstalledScripts(pkg, report);
    checkMaintainerScripts(pkg, report);
  },
};
