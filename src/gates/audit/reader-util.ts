/**
 * Small pieces every report reader shares: rating a severity without letting a bad vector end the
 * read, de-duplicating id lists, and the advisory page for an id.
 */
import { normalizeCwe } from './cwe-categories.js';
import type { SeverityRating } from './model.js';
import { rateSeverity, type SeverityInput } from './severity.js';

const UNKNOWN: SeverityRating = Object.freeze({ severity: 'unknown', from: 'none' });

/**
 * rateSeverity over what the scanner said, without blanks, duplicate vectors or scores outside
 * 0–10. Should the rater throw on some input, the advisory is rated without its vectors (then as
 * unknown) rather than failing the whole report over one advisory.
 */
export function rate(input: SeverityInput): SeverityRating {
  const clean: SeverityInput = {};
  const vectors = (input.vectors ?? []).map((v) => v.trim()).filter(Boolean);
  if (vectors.length) clean.vectors = [...new Set(vectors)];
  if (input.databaseSeverity?.trim()) clean.databaseSeverity = input.databaseSeverity.trim();
  if (input.score !== undefined && Number.isFinite(input.score) && input.score >= 0 && input.score <= 10) clean.score = input.score;
  try {
    return rateSeverity(clean);
  } catch {
    if (clean.vectors) {
      const rest: SeverityInput = { ...clean };
      delete rest.vectors;
      try {
        return rateSeverity(rest);
      } catch {
        // Fall through: nothing the rater accepts.
      }
    }
    return { ...UNKNOWN };
  }
}

/** Non-empty trimmed strings, first occurrence kept, in order. */
export function unique(values: Iterable<string | null | undefined>, without: readonly string[] = []): string[] {
  const skip = new Set(without);
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (t && !skip.has(t)) out.add(t);
  }
  return [...out];
}

/** CWE ids as `CWE-79`, de-duplicated, in order. */
export function cweList(values: Iterable<string | number | null | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const n = normalizeCwe(v);
    if (n) out.add(n);
  }
  return [...out];
}

const GHSA = /^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/i;

/**
 * The advisory's page: GitHub's for GHSA ids, osv.dev's for other ids that look like database ids
 * (PYSEC-2021-66, CVE-2020-28493, OSV-2020-111); none for anything else.
 */
export function advisoryUrl(id: string): string | undefined {
  if (GHSA.test(id)) return `https://github.com/advisories/${id}`;
  if (/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9.]+)+$/.test(id) && id.length <= 100) return `https://osv.dev/vulnerability/${id}`;
  return undefined;
}

/** The GHSA id in a GitHub advisory URL, upper-cased prefix as GitHub writes it. */
export function ghsaInUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  const m = /\/advisories\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})(?:[/?#]|$)/i.exec(url);
  return m ? `GHSA${m[1]!.slice(4).toLowerCase()}` : undefined;
}
