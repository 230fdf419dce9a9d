/**
 * Tells the formats apart by content, never by file name: CI setups rename reports freely
 * (coverage.xml, cobertura.xml, lcov.info, coverage.lcov, out.json).
 */
import type { CoverageFormat } from './model.js';

/** The reader a file goes to; istanbul's two JSON shapes are told apart after parsing. */
export type ReportSyntax = 'lcov' | 'cobertura' | 'istanbul';

/** Every keyword lcov's tools write at the start of a line (geninfo(1), lcov 2.x included). */
const LCOV_KEYWORDS = new Set(['TN', 'SF', 'VER', 'FN', 'FNL', 'FNA', 'FNDA', 'FNF', 'FNH', 'DA', 'LF', 'LH', 'BRDA', 'BRF', 'BRH', 'MCDC', 'MCF', 'MCH']);

/**
 * The syntax of a report from its first bytes (decoded), or undefined when it is none of them.
 * An XML document is read as Cobertura; its root element is checked while it streams.
 */
export function detectSyntax(head: string): ReportSyntax | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return 'cobertura';
  if (text.startsWith('{')) return 'istanbul';
  const first = text.slice(0, text.search(/\r?\n|$/));
  if (first.trim() === 'end_of_record') return 'lcov';
  const colon = first.indexOf(':');
  return colon > 0 && LCOV_KEYWORDS.has(first.slice(0, colon)) ? 'lcov' : undefined;
}

/**
 * coverage-final.json maps paths to statement/branch maps; coverage-summary.json maps `total` and
 * paths to ratios. `{}` is what istanbul writes for a run that loaded no files.
 */
export function detectIstanbulShape(json: Record<string, unknown>): Extract<CoverageFormat, `istanbul-${string}`> | undefined {
  const keys = Object.keys(json);
  if (keys.length === 0) return 'istanbul-final';
  const sample = json[keys.find((k) => k !== 'total') ?? 'total'];
  if (!isObject(sample)) return undefined;
  if ('statementMap' in sample) return 'istanbul-final';
  if (isObject(sample.lines) && 'total' in sample.lines) return 'istanbul-summary';
  return undefined;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
