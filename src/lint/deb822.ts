/**
 * The binary control file as lintian reads it: each value verbatim (continuation lines keep their
 * leading space, trailing whitespace is dropped, `#` lines are skipped), so the field checks see
 * exactly what lintian's checks see. Lenient about content (missing fields are findings, not
 * errors), strict about syntax lintian itself refuses.
 */
import { DebshipError } from '../core/errors.js';

export type ControlFields = Array<[name: string, value: string]>;

/** Parses the one stanza a binary control file has; `what` names the file in errors. */
export function parseVerbatim(text: string, what: string): ControlFields {
  const stanzas: ControlFields[] = [];
  let fields: ControlFields = [];
  let seen = new Set<string>();
  const fail = (line: number, msg: string): DebshipError =>
    new DebshipError('deb-corrupt', `${what}: line ${line}: ${msg}`, { file: what, hint: 'the control file is malformed; dpkg-deb --info shows it' });
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) continue;
    if (/^\s*$/.test(line)) {
      if (fields.length) stanzas.push(fields);
      fields = [];
      seen = new Set();
      continue;
    }
    const field = /^([^: \t]+):\s*(.*)$/s.exec(line);
    if (field) {
      const key = field[1]!.toLowerCase();
      if (seen.has(key)) throw fail(i + 1, `duplicate field ${field[1]}`);
      seen.add(key);
      fields.push([field[1]!, field[2]!.trimEnd()]);
    } else if (/^[ \t]/.test(line)) {
      const last = fields.at(-1);
      if (!last) throw fail(i + 1, 'continuation line outside a stanza');
      last[1] += '\n' + line.trimEnd();
    } else {
      throw fail(i + 1, `cannot parse line ${JSON.stringify(line.slice(0, 60))}`);
    }
  }
  if (fields.length) stanzas.push(fields);
  if (stanzas.length !== 1) throw fail(1, `${stanzas.length} stanzas where exactly one is expected`);
  return stanzas[0]!;
}

/** Case-insensitive lookup of the verbatim value. */
export function fieldLookup(fields: ControlFields): (name: string) => string | undefined {
  const byName = new Map(fields.map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => byName.get(name.toLowerCase());
}
