/** The documentation check family: manual pages, after lintian's documentation checks. */
import type { Check } from '../../types.js';
import { manualCheck } from './manual.js';

export const documentationChecks: Check[] = [manualCheck];
