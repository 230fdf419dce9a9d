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
