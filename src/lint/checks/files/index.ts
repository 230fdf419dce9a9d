/** The files check family. */
import type { Check } from '../../types.js';

export const filesChecks: Check[] = [];
