/**
 * One deb822 stanza, as in DEBIAN/control. A value's first line follows `Name: `; each further
 * line is written behind one space, and an empty line as ` .`. A blank line would end the stanza
 * (and break dpkg), so values that would produce one are refused rather than written.
 */
import { DebshipError } from '../core/errors.js';
import type { ControlFields } from './types.js';

const FIELD_NAME = /^[!-9;-~][!-9;-~]*$/;

/**
 * Multi-line values are given without the one-space continuation indent: `"synopsis\nline\n\nline"`
 * becomes `Description: synopsis\n line\n .\n line\n`. Trailing whitespace is dropped.
 */
export function formatControl(fields: ControlFields): string {
  const seen = new Set<string>();
  let out = '';
  for (const [name, value] of fields) {
    if (!FIELD_NAME.test(name) || name.startsWith('#') || name.startsWith('-')) {
      throw new DebshipError('control-field', `invalid control field name ${JSON.stringify(name)}`, {
        hint: 'field names are printable ASCII without spaces or ":", and do not start with "#" or "-"',
      });
    }
    const key = name.toLowerCase();
    if (seen.has(key)) throw new DebshipError('control-field', `control field ${name} appears twice`);
    seen.add(key);
    const raw = value.split('\n');
    // A line of only spaces or tabs is a blank line to deb822 parsers: it would end the stanza.
    const blank = raw.findIndex((l, i) => i > 0 && /^[ \t]+$/.test(l));
    if (blank > 0) {
      throw new DebshipError('control-field', `control field ${name}, line ${blank + 1}: a line of only whitespace would end the stanza`, {
        hint: 'use an empty line for a paragraph break; it is written as " ."',
      });
    }
    const lines = raw.map((l) => l.replace(/[ \t]+$/, ''));
    const first = lines[0]!.replace(/^[ \t]+/, '');
    if (first === '' && lines.length === 1) {
      throw new DebshipError('control-field', `control field ${name} has an empty value`);
    }
    if (/[\0\r]/.test(value)) throw new DebshipError('control-field', `control field ${name} contains a NUL or carriage return`);
    out += first === '' ? `${name}:\n` : `${name}: ${first}\n`;
    for (const [i, line] of lines.slice(1).entries()) {
      if (line === '') {
        out += ' .\n';
      } else if (line === '.') {
        // ` .` is how an empty line is written, so a literal `.` line cannot be.
        throw new DebshipError('control-field', `control field ${name}, line ${i + 2}: "${line}" cannot be represented in a control file`, {
          hint: 'use an empty line for a paragraph break; it is written as " ."',
        });
      } else {
        out += ` ${line}\n`;
      }
    }
  }
  return out;
}

/** Parses exactly one stanza; errors carry the 1-based line number and `file` when given. */
export function parseControl(text: string, file?: string): ControlFields {
  const fields: ControlFields = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const fail = (line: number, msg: string): DebshipError =>
    new DebshipError('control-parse', `${file ?? 'control'}:${line}: ${msg}`, { file, line });
  let ended = false;
  let current: { name: string; lines: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    const value = current.lines.join('\n');
    fields.push([current.name, value]);
    current = undefined;
  };
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    const line = raw.replace(/\r$/, '');
    if (/^[ \t]*$/.test(line)) {
      if (fields.length > 0 || current) ended = true;
      continue;
    }
    if (ended) throw fail(n, 'a blank line ends the stanza, but more fields follow (only one stanza is allowed)');
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (!current) throw fail(n, 'continuation line before any field');
      const content = line.slice(1).replace(/[ \t]+$/, '');
      current.lines.push(content === '.' ? '' : content);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw fail(n, `expected "Field: value", got ${JSON.stringify(line.slice(0, 60))}`);
    const name = line.slice(0, colon);
    if (!FIELD_NAME.test(name) || name.startsWith('-') || name.startsWith('#')) throw fail(n, `invalid field name ${JSON.stringify(name)}`);
    const key = name.toLowerCase();
    const prev = seen.get(key);
    if (prev !== undefined) throw fail(n, `duplicate field ${name} (first on line ${prev})`);
    seen.set(key, n);
    flush();
    current = { name, lines: [line.slice(colon + 1).trim()] };
  }
  flush();
  if (fields.length === 0) throw fail(1, 'no fields found');
  return fields;
}

/** A field's value by case-insensitive name. */
export function getField(fields: ControlFields, name: string): string | undefined {
  const key = name.toLowerCase();
  return fields.find(([n]) => n.toLowerCase() === key)?.[1];
}

/**
 * Where dpkg-gencontrol puts Installed-Size: after the identity fields (Package … Maintainer),
 * before dependencies, Section, Priority, Homepage and Description.
 */
const AFTER_INSTALLED_SIZE = new Set(
  [
    'pre-depends', 'depends', 'recommends', 'suggests', 'enhances', 'conflicts', 'breaks', 'replaces',
    'provides', 'built-using', 'static-built-using', 'section', 'priority', 'multi-arch', 'homepage',
    'description', 'tag', 'task',
  ],
);

/** `fields` with Installed-Size set (replacing any given value) in dpkg-gencontrol's position. */
export function withInstalledSize(fields: ControlFields, kib: number): ControlFields {
  const rest = fields.filter(([n]) => n.toLowerCase() !== 'installed-size');
  let at = rest.findIndex(([n]) => AFTER_INSTALLED_SIZE.has(n.toLowerCase()));
  if (at < 0) at = rest.length;
  return [...rest.slice(0, at), ['Installed-Size', String(kib)], ...rest.slice(at)];
}
