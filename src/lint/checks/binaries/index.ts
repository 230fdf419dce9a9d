/** The binaries check family. */
import type { Check } from '../../types.js';

export const binariesChecks: Check[] = [];
