/** Strings in UTF-16 code-unit order (JavaScript's `<`), as a sort comparator: stable across locales. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
