/**
 * What an attacker gets from an advisory, from its CWE ids, or from its words when it has none.
 */
import type { Category } from './model.js';

export function categorize(cwes: readonly string[], text: string): Category {
  void cwes;
  void text;
  throw new Error('not implemented yet');
}
