/**
 * CWE ids → what an attacker gets. Only weaknesses whose usual outcome is clear are listed:
 * generic ones (CWE-20 improper input validation, CWE-693, CWE-707, NVD-CWE-Other/noinfo) are left
 * out on purpose, so an advisory carrying only those is categorised by its words instead.
 *
 * Choices worth explaining:
 * - Command injection (77, 78) is code-execution, not injection: the attacker runs commands.
 * - Server-side template injection (1336) is code-execution: template engines evaluate code, and
 *   the advisories filed under it (Jinja2 sandbox escapes) are arbitrary code execution.
 * - Prototype pollution (1321) is injection: what it reliably gives is attacker-chosen properties on
 *   every object. Reaching code execution takes a gadget elsewhere in the program, and the advisories
 *   where one exists are rated high or critical, so their severity already makes them actionable;
 *   filing all of them under code-execution would make every low-rated pollution fail the gate.
 * - Memory-corruption writes (119–122, 415, 416, 787) and format strings (134) are code-execution;
 *   out-of-bounds reads (125), integer overflows (190, 191), NULL dereferences (476) are
 *   denial-of-service: their usual outcome is a crash. An overflow that leads to a write carries
 *   the write's CWE as well, and the worse category wins.
 * - Authentication bypass (287, 288, 290, 294, 306, 1390) and hard-coded credentials (259, 798)
 *   are privilege-escalation: acting as another user, or without logging in, is gaining rights that
 *   were not granted. The model has no separate "authentication bypass", and the policy treats both
 *   the same way.
 * - XML external entities (611) are path-traversal: the usual outcome is reading local files, as
 *   with a traversal; requests to internal hosts (ssrf) rank lower.
 * - Open redirects, cookie flags and clickjacking (601, 614, 1004, 1021) are `other`: listed so the
 *   text fallback does not promote them because the description mentions a worse outcome.
 */
import type { Category } from './model.js';

const TABLE: Record<Category, readonly number[]> = {
  'code-execution': [
    77, 78, 94, 95, 96, 97, 98, 114, 119, 120, 121, 122, 134, 415, 416, 426, 427, 434, 470, 494, 502, 787, 829, 830, 917,
    1336,
  ],
  'privilege-escalation': [
    250, 259, 266, 267, 268, 269, 270, 271, 272, 273, 274, 276, 279, 284, 285, 287, 288, 290, 294, 302, 306, 425, 639,
    648, 732, 798, 862, 863, 1390,
  ],
  'sql-injection': [89, 564, 943],
  injection: [74, 75, 76, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 93, 99, 113, 116, 117, 643, 644, 652, 1236, 1321],
  'path-traversal': [
    22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 59, 61, 62, 64, 65, 73, 611,
  ],
  ssrf: [441, 918],
  'denial-of-service': [
    125, 190, 191, 369, 399, 400, 401, 404, 405, 407, 409, 410, 476, 606, 617, 674, 770, 772, 776, 789, 834, 835, 920,
    1050, 1333,
  ],
  'information-disclosure': [
    200, 201, 202, 203, 208, 209, 212, 214, 215, 312, 319, 359, 497, 522, 523, 524, 525, 532, 538, 540, 548, 552, 598,
    615, 922,
  ],
  other: [601, 614, 1004, 1021],
};

/** CWE number → category. */
export const CWE_CATEGORIES: ReadonlyMap<number, Category> = (() => {
  const map = new Map<number, Category>();
  for (const [category, ids] of Object.entries(TABLE) as [Category, readonly number[]][]) {
    for (const id of ids) {
      const before = map.get(id);
      if (before && before !== category) throw new Error(`CWE-${id} is listed under ${before} and ${category}`);
      map.set(id, category);
    }
  }
  return map;
})();

/**
 * The CWE number in `CWE-79`, `cwe-79`, `CWE 79`, `79` or 79; undefined for anything else
 * (`NVD-CWE-Other`, `NVD-CWE-noinfo`, garbage).
 */
export function cweNumber(id: string | number): number | undefined {
  if (typeof id === 'number') return Number.isSafeInteger(id) && id >= 0 ? id : undefined;
  if (typeof id !== 'string') return undefined;
  const m = /^\s*(?:CWE[-_ ]?)?(\d{1,9})\s*$/i.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** `CWE-79` for anything `cweNumber` reads; other strings trimmed, as given. */
export function normalizeCwe(id: string | number): string | undefined {
  const n = cweNumber(id);
  if (n !== undefined) return `CWE-${n}`;
  if (typeof id !== 'string') return undefined;
  const t = id.trim();
  return t ? t : undefined;
}
