/**
 * Output gathered into pieces of about a mebibyte: a lint run's findings can be longer than the
 * longest string V8 makes, and one write per line would be slow.
 */
export const WRITE_PIECE = 1 << 20;

export interface PieceWriter {
  add(text: string): void;
  /** Writes what is left. */
  end(): void;
}

export function pieceWriter(out: NodeJS.WritableStream): PieceWriter {
  let text = '';
  return {
    add(more) {
      text += more;
      if (text.length >= WRITE_PIECE) {
        out.write(text);
        text = '';
      }
    },
    end() {
      if (text) out.write(text);
      text = '';
    },
  };
}

/**
 * Writes what `JSON.stringify(value, null, 2)` gives, and a newline, without ever holding the
 * whole text: arrays and objects are written member by member, so a report too long for one
 * string still comes out whole. For plain data (no toJSON, no cycles), as reports are.
 */
export function writePrettyJson(value: unknown, out: NodeJS.WritableStream): void {
  const w = pieceWriter(out);
  addJson(value, '', w);
  w.add('\n');
  w.end();
}

function addJson(value: unknown, indent: string, w: PieceWriter): void {
  if (Array.isArray(value)) {
    if (!value.length) return w.add('[]');
    const inner = `${indent}  `;
    w.add('[\n');
    value.forEach((v, i) => {
      w.add(inner);
      // What JSON.stringify writes for an array member it cannot represent.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') w.add('null');
      else addJson(v, inner, w);
      w.add(i + 1 < value.length ? ',\n' : '\n');
    });
    return w.add(`${indent}]`);
  }
  if (value !== null && typeof value === 'object') {
    // Members JSON.stringify leaves out of an object.
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    if (!entries.length) return w.add('{}');
    const inner = `${indent}  `;
    w.add('{\n');
    entries.forEach(([k, v], i) => {
      w.add(`${inner}${JSON.stringify(k)}: `);
      addJson(v, inner, w);
      w.add(i + 1 < entries.length ? ',\n' : '\n');
    });
    return w.add(`${indent}}`);
  }
  w.add(JSON.stringify(value));
}
