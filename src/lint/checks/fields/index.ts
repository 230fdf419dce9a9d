/** The fields check family. */
import type { Check } from '../../types.js';

export const fieldsChecks: Check[] = [];
