/** The systemd check family. */
import type { Check } from '../../types.js';

export const systemdChecks: Check[] = [];
