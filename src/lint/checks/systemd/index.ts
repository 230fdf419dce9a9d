/** The systemd check family: units, init scripts, cron jobs and tmpfiles.d, after lintian's systemd checks. */
import type { Check } from '../../types.js';
import { systemdCheck } from './systemd.js';
import { nativePrerequisitesCheck, tmpfilesCheck } from './tmpfiles.js';

export const systemdChecks: Check[] = [systemdCheck, tmpfilesCheck, nativePrerequisitesCheck];
