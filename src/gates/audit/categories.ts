/**
 * What an attacker gets from an advisory, from its CWE ids, or from its words when it has none.
 *
 * CWE ids decide when any of them is in the table (cwe-categories.ts); several ids in different
 * categories give the most serious one, in CATEGORIES order (code-execution first, other last).
 *
 * The words are a fallback for advisories without a listed CWE (pip-audit reports carry none, and
 * many PYSEC records neither): case-insensitive phrases on the title and description, tried from
 * the most serious category down, so "SQL injection" is sql-injection rather than injection and
 * "command injection" is code-execution. The match is on words, not meaning: "not vulnerable to
 * command injection" still says code-execution. That errs towards the more serious category,
 * which is the safe side for a gate, and a CWE on the advisory always wins over its wording.
 */
import { CWE_CATEGORIES, cweNumber } from './cwe-categories.js';
import { CATEGORIES, type Category } from './model.js';

const RANK = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));

/** Phrases per category, most serious category first. Each pattern is linear-time. */
const PHRASES: ReadonlyArray<readonly [Category, readonly RegExp[]]> = [
  [
    'code-execution',
    [
      /\b(?:remote|arbitrary) (?:code|command)s?\b/i,
      /\bcode execution\b/i,
      /\b(?:command|code|eval|shell|template) injection\b/i,
      /\bRCE\b/i,
      /\bdeseriali[sz]/i,
      /\bsandbox (?:escape|breakout|bypass)/i,
      /\bexecut(?:e|es|ing|ion of) arbitrary\b/i,
    ],
  ],
  [
    'privilege-escalation',
    [
      /\bprivilege escalation\b/i,
      /\bescalat(?:e|es|ed|ing|ion of) (?:\w+ )?privileges?\b/i,
      /\b(?:authentication|authori[sz]ation|auth) bypass/i,
      /\bbypass(?:es|ed|ing)? (?:the )?(?:authentication|authori[sz]ation)\b/i,
      /\b(?:improper|missing|broken|incorrect) (?:authentication|authori[sz]ation)\b/i,
      /\bunauthori[sz]ed access\b/i,
    ],
  ],
  ['sql-injection', [/\b(?:no)?sql injection\b/i, /\bSQLi\b/i]],
  [
    'injection',
    [
      /\bcross[- ]site scripting\b/i,
      /\bXSS\b/i,
      /\binjection\b/i,
      /\bprototype pollution\b/i,
      /\b(?:HTTP )?response splitting\b/i,
      /\bCRLF\b/i,
    ],
  ],
  ['path-traversal', [/\b(?:path|directory) traversal\b/i, /\bzip[- ]?slip\b/i, /\barbitrary file (?:read|write|overwrite)/i]],
  ['ssrf', [/\bSSRF\b/i, /\bserver[- ]side request forgery\b/i]],
  [
    'denial-of-service',
    [
      /\bdenial[- ]of[- ]service\b/i,
      /\bReDoS\b/i,
      /(?<!ms-)\bDoS\b/i,
      /\b(?:resource|memory|cpu|stack) exhaustion\b/i,
      /\binfinite loop\b/i,
      /\b(?:uncontrolled|excessive) (?:resource|memory|cpu) (?:consumption|usage|allocation)\b/i,
      /\bcatastrophic backtracking\b/i,
      /\bmemory leak\b/i,
    ],
  ],
  [
    'information-disclosure',
    [
      /\binformation (?:disclosure|exposure|leak)/i,
      /\bexposure of sensitive\b/i,
      /\bsensitive (?:information|data) (?:disclosure|exposure|leak)/i,
      /\bleak(?:s|ed|age|ing)?\b/i,
    ],
  ],
];

/**
 * The category of an advisory with these CWE ids (`CWE-79`, `79` or 79) and this text (title and
 * description); `other` when neither says anything.
 */
export function categorize(cwes: readonly (string | number)[], text: string): Category {
  let best: Category | undefined;
  for (const id of cwes) {
    const n = cweNumber(id);
    const category = n === undefined ? undefined : CWE_CATEGORIES.get(n);
    if (category && (best === undefined || RANK.get(category)! < RANK.get(best)!)) best = category;
  }
  if (best) return best;
  return categorizeText(text);
}

/** The most serious category whose phrases occur in `text`; `other` when none does. */
export function categorizeText(text: string): Category {
  if (typeof text !== 'string' || text === '') return 'other';
  for (const [category, patterns] of PHRASES) {
    if (patterns.some((p) => p.test(text))) return category;
  }
  return 'other';
}
