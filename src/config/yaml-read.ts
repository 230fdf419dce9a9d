/**
 * YAML text → plain value, with positions, read the way nfpm reads it.
 *
 * nfpm decodes with Go's yaml.v3 into typed fields, so a plain scalar means what its field needs:
 * `version: 1.10` is the string "1.10", `mode: 0644` is the integer 0o644, `enable: yes` is true.
 * YAML 1.2 libraries would say 1.1, 644 and "yes". To load an nfpm.yaml unchanged, scalars are read
 * here against the zod schema: the text of a plain scalar is kept, and converted only when the
 * schema at that path wants a number or a boolean. Quoted scalars are always strings.
 *
 * Also handled: anchors and aliases (with a budget against alias bombs and a check for cycles), `<<`
 * merge keys (yaml.v3 supports them), and `key:` with no value, which nfpm treats as absent.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { formatPath, quotePath, type Path, type Problem } from './problems.js';
import { looksLikeOctalWrittenAsDecimal, parseYamlBool, parseYamlInt } from './scalars.js';
import { childSchemas, infoOf, kindsOf } from './schema-walk.js';
import { SourceMap } from './yaml-positions.js';

type Schema = z.core.$ZodType;

export interface YamlRead {
  /** The document as a plain value; null for an empty document. */
  value: unknown;
  positions: SourceMap;
  /** YAML syntax errors: nothing else can be trusted when there are any. */
  errors: Problem[];
  /** Other errors (bad aliases, ambiguous modes): reading went on, later stages can add theirs. */
  problems: Problem[];
  warnings: Problem[];
}

/** More nodes than any real config has: stops `&a [*a, *a, …]` expansion bombs. */
const NODE_BUDGET = 100_000;

const SYNTAX_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'Each key may appear once per mapping: remove or rename one of them.',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  BAD_INDENT: 'Check the indentation: nested keys must be indented more than their parent, siblings equally.',
  MULTIPLE_DOCS: 'Keep one document per file: remove the extra `---` section.',
  BLOCK_AS_IMPLICIT_KEY: 'Put a space after the colon (`key: value`) and check the indentation of the line above.',
  MISSING_CHAR: 'A quote or bracket is not closed.',
};

export function readYaml(text: string, root: Schema): YamlRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const positions = new SourceMap(lineCounter);
  const errors: Problem[] = doc.errors.map((e) => ({
    code: 'config/yaml-syntax',
    message: `YAML syntax error: ${firstLine(e.message)}`,
    hint: SYNTAX_HINTS[e.code] ?? 'Fix the YAML syntax here; common causes are inconsistent indentation and a missing space after `:`.',
    offset: e.pos[0],
  }));
  const warnings: Problem[] = doc.warnings.map((w) => ({
    code: 'config/yaml-warning',
    message: `YAML: ${firstLine(w.message)}`,
    offset: w.pos[0],
  }));
  if (errors.length) return { value: null, positions, errors, problems: [], warnings };
  const problems: Problem[] = [];
  const reader = new Reader(doc, positions, problems, warnings);
  const value = reader.read(doc.contents as Node | null, [root], []);
  return { value, positions, errors, problems, warnings };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}

class Reader {
  private budget = NODE_BUDGET;
  private readonly resolving = new Set<Node>();

  constructor(
    private readonly doc: Document,
    private readonly positions: SourceMap,
    private readonly errors: Problem[],
    private readonly warnings: Problem[],
  ) {}

  read(node: Node | null | undefined, schemas: Schema[], path: Path): unknown {
    if (node === null || node === undefined) return null;
    if (--this.budget < 0) {
      if (this.budget === -1) {
        this.errors.push({ code: 'config/yaml-aliases', message: 'the document expands to too many values (aliases nested too deeply)', hint: 'Use fewer nested aliases.', path });
      }
      return null;
    }
    this.positions.setValue(path, node.range?.[0]);
    if (isAlias(node)) return this.readAlias(node, schemas, path);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      this.readMap(node, schemas, path, out, false);
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => this.read(item as Node | null, childSchemas(schemas, i), [...path, i]));
    }
    if (isScalar(node)) return this.readScalar(node, schemas, path);
    return null;
  }

  private readAlias(node: Node & { resolve(doc: Document): Node | undefined; source: string }, schemas: Schema[], path: Path): unknown {
    const target = node.resolve(this.doc);
    if (!target) return null; // reported by the parser
    if (this.resolving.has(target)) {
      this.errors.push({ code: 'config/yaml-aliases', message: `alias \`*${node.source}\` refers to a value that contains it`, hint: 'An alias cannot point at one of its own parents.', path });
      return null;
    }
    this.resolving.add(target);
    try {
      const value = this.read(target, schemas, path);
      this.positions.setValue(path, node.range?.[0]); // the use site, not the anchor
      return value;
    } finally {
      this.resolving.delete(target);
    }
  }

  /** Reads pairs into `out`; with `fillOnly` (a `<<` merge), keys already there are kept. */
  private readMap(node: YAMLMap, schemas: Schema[], path: Path, out: Record<string, unknown>, fillOnly: boolean): void {
    const merges: Array<{ node: Node; offset?: number }> = [];
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.source === '<<') {
        if (pair.value) merges.push({ node: pair.value as Node, offset: keyNode.range?.[0] });
        continue;
      }
      const key = this.keyText(keyNode, path);
      if (key === undefined) continue;
      if (fillOnly && Object.prototype.hasOwnProperty.call(out, key)) continue;
      const childPath = [...path, key];
      this.positions.setKey(childPath, keyNode?.range?.[0]);
      const child = childSchemas(schemas, key);
      const ignored = child.length ? infoOf(child).ignored : undefined;
      if (ignored) {
        this.warnings.push({ code: 'config/ignored-key', message: `${quotePath(childPath)} has no effect on a .deb: ${ignored}`, path: childPath, at: 'key' });
      }
      const valueNode = pair.value as Node | null;
      const value = this.read(valueNode, child, childPath);
      if (valueNode === null) this.positions.setValue(childPath, keyNode?.range?.[1]);
      if (value === null && child.length && !kindsOf(child).has('null')) {
        // `key:` with nothing after it: absent, as yaml.v3 leaves a Go field at its zero value;
        // in a string map (env, fields) it is the empty string.
        this.positions.markEmpty(childPath);
        if (isRecordOfStrings(schemas, child)) define(out, key, '');
        continue;
      }
      define(out, key, value);
    }
    for (const merge of merges) this.readMerge(merge.node, schemas, path, out, merge.offset);
  }

  private readMerge(node: Node, schemas: Schema[], path: Path, out: Record<string, unknown>, offset?: number): void {
    const sources: Node[] = isSeq(node) ? (node.items as Node[]) : [node];
    for (let source of sources) {
      let guard: Node | undefined;
      if (isAlias(source)) {
        const target = source.resolve(this.doc) as Node | undefined;
        if (!target || this.resolving.has(target)) continue;
        guard = target;
        source = target;
      }
      if (!isMap(source)) {
        this.errors.push({ code: 'config/yaml-merge', message: `the merge key \`<<\` in ${quotePath(path)} needs a mapping or a list of mappings`, hint: 'Write `<<: *anchor` where the anchor names a mapping.', path, offset });
        continue;
      }
      if (guard) this.resolving.add(guard);
      try {
        this.readMap(source, schemas, path, out, true);
      } finally {
        if (guard) this.resolving.delete(guard);
      }
    }
  }

  private keyText(keyNode: Node | null, path: Path): string | undefined {
    if (isScalar(keyNode)) {
      if (keyNode.type === 'PLAIN' && typeof keyNode.source === 'string' && keyNode.source !== '') return keyNode.source;
      if (typeof keyNode.value === 'string') return keyNode.value;
      if (keyNode.value !== null && typeof keyNode.value !== 'object') return String(keyNode.value);
    }
    this.errors.push({
      code: 'config/yaml-key',
      message: `keys in ${formatPath(path) === '(top level)' ? 'the configuration' : quotePath(path)} must be plain names, not ${isScalar(keyNode) ? 'empty' : 'lists or mappings'}`,
      hint: 'Write `name: value` pairs.',
      path,
      offset: keyNode?.range?.[0],
    });
    return undefined;
  }

  private readScalar(node: Scalar, schemas: Schema[], path: Path): unknown {
    const value = node.value;
    if (node.type !== 'PLAIN' || node.tag) {
      // Quoted, block or explicitly tagged: the YAML value itself.
      if (value instanceof Uint8Array || value instanceof Date) return String(value);
      return value;
    }
    const text = typeof node.source === 'string' ? node.source : String(value);
    if (value === null) return null;
    const kinds = kindsOf(schemas);
    if (kinds.size === 0 || kinds.has('any')) return value;
    if (kinds.has('number')) {
      const n = parseYamlInt(text);
      if (n !== undefined) {
        if (infoOf(schemas).octal && looksLikeOctalWrittenAsDecimal(text)) {
          this.errors.push({
            code: 'config/ambiguous-mode',
            message: `${quotePath(path)} is ${text}, which YAML reads as a decimal number (0o${n.toString(8)}), not as octal ${text}`,
            hint: `Write 0${text} or 0o${text} for octal (as nfpm reads 0${text}), or quote it: "${text}".`,
            path,
          });
        }
        return n;
      }
    }
    if (kinds.has('boolean')) {
      const b = parseYamlBool(text);
      if (b !== undefined) return b;
    }
    if (kinds.has('string')) return text;
    return value;
  }
}

/** Sets a key even when it is `__proto__`. */
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecordOfStrings(parent: Schema[], child: Schema[]): boolean {
  const kinds = kindsOf(child);
  return kinds.has('string') && kinds.size === 1 && parent.some((s) => recordLike(s));
}

function recordLike(s: Schema): boolean {
  const d = s._zod.def as { type: string; innerType?: Schema };
  if (d.type === 'record') return true;
  return d.innerType ? recordLike(d.innerType) : false;
}
