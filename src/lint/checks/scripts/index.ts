/** The scripts check family: installed scripts and maintainer scripts, after lintian's scripts and maintainer-scripts/* checks. */
import type { Check } from '../../types.js';
import {
  adduserCheck,
  emptyCheck,
  generatedCheck,
  killallCheck,
  ldconfigCheck,
  mknodCheck,
  statoverrideCheck,
  systemctlCheck,
  temporaryFilesCheck,
} from './maintainer-scripts.js';
import { scriptsCheck } from './scripts.js';

export const scriptsChecks: Check[] = [
  scriptsCheck,
  systemctlCheck,
  adduserCheck,
  emptyCheck,
  ldconfigCheck,
  killallCheck,
  mknodCheck,
  temporaryFilesCheck,
  statoverrideCheck,
  generatedCheck,
];
