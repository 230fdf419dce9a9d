/**
 * Where each key and value of the configuration is written: a map from tree paths to text
 * offsets, filled while the YAML is read, and turned into 1-based line:column on demand.
 */
import type { LineCounter } from 'yaml';
import { pathKey, type Path } from './problems.js';

interface Spot {
  key?: number;
  value?: number;
  /** The key is present with an empty value (`name:`). */
  empty?: boolean;
}

export interface LineColumn {
  line: number;
  column: number;
}

export class SourceMap {
  private readonly spots = new Map<string, Spot>();

  constructor(private readonly lines: LineCounter) {}

  setKey(path: Path, offset: number | undefined): void {
    if (offset !== undefined) this.spot(path).key = offset;
  }

  setValue(path: Path, offset: number | undefined): void {
    if (offset !== undefined) this.spot(path).value = offset;
  }

  markEmpty(path: Path): void {
    this.spot(path).empty = true;
  }

  /** Whether the key was written with no value. */
  isEmpty(path: Path): boolean {
    return this.spots.get(pathKey(path))?.empty === true;
  }

  /** Whether the key (or item) was written at all. */
  has(path: Path): boolean {
    return this.spots.has(pathKey(path));
  }

  /**
   * After list items were dropped (empty `${VAR}` expansions), move the positions of the kept
   * items to their new indices. `kept[newIndex] = oldIndex`.
   */
  reindex(listPath: Path, kept: readonly number[]): void {
    const moved: Array<[string, Spot]> = [];
    const prefix = pathKey(listPath).slice(0, -1); // '["depends"' without the closing bracket
    for (const [key, spot] of this.spots) {
      if (key.startsWith(prefix + ',') && key.length > prefix.length) {
        moved.push([key, spot]);
        this.spots.delete(key);
      }
    }
    const depth = listPath.length;
    for (const [key, spot] of moved) {
      const path = JSON.parse(key) as (string | number)[];
      const old = path[depth];
      const index = typeof old === 'number' ? kept.indexOf(old) : -1;
      if (index < 0) continue;
      path[depth] = index;
      this.spots.set(pathKey(path), spot);
    }
  }

  /**
   * Position of a path: the key (at: 'key') or the value. A path that is not written (a missing
   * key) is placed at its nearest written ancestor.
   */
  locate(path: Path, at: 'key' | 'value' = 'value'): LineColumn {
    for (let n = path.length; n >= 0; n--) {
      const spot = this.spots.get(pathKey(path.slice(0, n)));
      if (!spot) continue;
      const exact = n === path.length;
      const offset = exact && at === 'key' ? (spot.key ?? spot.value) : exact ? (spot.value ?? spot.key) : (spot.value ?? spot.key);
      if (offset !== undefined) return this.lineColumn(offset);
    }
    return { line: 1, column: 1 };
  }

  lineColumn(offset: number): LineColumn {
    const { line, col } = this.lines.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  }

  private spot(path: Path): Spot {
    const key = pathKey(path);
    let s = this.spots.get(key);
    if (!s) this.spots.set(key, (s = {}));
    return s;
  }
}
