/** The scripts check family. */
import type { Check } from '../../types.js';

export const scriptsChecks: Check[] = [];
