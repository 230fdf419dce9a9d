/** Overrides: the checks of a package's own overrides file, and the tags the engine emits when applying overrides. */
import type { Check } from '../../types.js';
import { duplicateCheck, malformedCheck, mysteryCheck, restrictedCheck } from './file-checks.js';
import { overrideUsageCheck } from './usage.js';

export const overridesChecks: Check[] = [malformedCheck, duplicateCheck, restrictedCheck, mysteryCheck, overrideUsageCheck];
