/**
 * Cobertura XML (coverage.py's `coverage xml`, coverage-04.dtd): `<class filename>` elements
 * hold `<line number hits [branch condition-coverage="50% (1/2)"]>`. Streamed through saxes a
 * chunk at a time, so a large report never becomes one string and nothing in a DTD is expanded.
 */
import { SaxesParser } from 'saxes';
import { hitCount, lineNumber, quote, type ChunkReader, type ReportContext } from './context.js';
import { byCodeUnits } from './paths.js';
import { coveredCount } from './totals.js';

/** Cobertura nests seven deep; deeper documents are not coverage reports. */
const MAX_DEPTH = 64;
/**
 * "k of n" expands to n outcomes, so a short attribute could claim millions: bound each line and
 * the whole report, far above what instrumented code produces.
 */
const MAX_OUTCOMES_PER_LINE = 10_000;
const MAX_OUTCOMES = 10_000_000;
const MAX_SOURCE_CHARS = 1 << 16;

interface Collected {
  lines: Map<number, number>;
  branches: Map<number, number[]>;
}

export function coberturaReader(ctx: ReportContext): ChunkReader {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: string[] = [];
  const sources: string[] = [];
  let sourceText: string | undefined;
  let current: Collected | undefined;
  // Filenames are resolved against <sources> at the end: the DTD puts sources first, but nothing forces it.
  const byFilename = new Map<string, Collected>();
  let outcomes = 0;

  const fail = (message: string, cause?: unknown) => ctx.fail(message, parser.line, parser.column + 1, cause);

  // Throwing from the handler stops saxes at the first error instead of letting it carry on.
  parser.on('error', (e) => {
    throw fail(e.message.replace(/^\d+:\d+: /, ''), e);
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) throw fail('the DOCTYPE declares entities: coverage reports never need them, and entity expansion is how XML bombs work');
  });
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1);
    const grandparent = stack.at(-2);
    if (parent === undefined && tag.name !== 'coverage') throw fail(`the root element is <${tag.name}>, not <coverage>: this is not a Cobertura report`);
    // Clover XML also has a <coverage> root, with <project> inside; reading it as Cobertura would find no files.
    if (parent === 'coverage' && tag.name === 'project') throw fail('this is a Clover report (<coverage><project>), not Cobertura');
    if (stack.length >= MAX_DEPTH) throw fail(`elements nest more than ${MAX_DEPTH} deep`);
    stack.push(tag.name);
    const attrs = tag.attributes;
    if (tag.name === 'source' && parent === 'sources') sourceText = '';
    else if (tag.name === 'class' && parent === 'classes') current = collected(attrs.filename);
    // <method> elements repeat their lines inside the class; only the class's own <lines> count.
    else if (tag.name === 'line' && parent === 'lines' && grandparent === 'class' && current) readLine(current, attrs);
  });
  const text = (t: string) => {
    if (sourceText === undefined) return;
    sourceText += t;
    if (sourceText.length > MAX_SOURCE_CHARS) throw fail(`a <source> is longer than ${MAX_SOURCE_CHARS} characters`);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.name === 'source' && sourceText !== undefined) {
      sources.push(sourceText.trim());
      sourceText = undefined;
    } else if (tag.name === 'class') current = undefined;
  });

  function collected(filename: string | undefined): Collected {
    if (!filename) throw fail('a <class> has no filename attribute');
    let c = byFilename.get(filename);
    if (!c) byFilename.set(filename, (c = { lines: new Map(), branches: new Map() }));
    return c;
  }

  function readLine(c: Collected, attrs: Record<string, string>): void {
    const line = lineNumber(attrs.number);
    if (line === undefined) throw fail(`<line number=${quote(attrs.number ?? '')}> is not a line number between 1 and 10000000`);
    const hits = hitCount(attrs.hits);
    if (hits === undefined) throw fail(`<line hits=${quote(attrs.hits ?? '')}> is not a non-negative integer`);
    // Several classes of one file describe the same run: a line they share was hit as often as the most says.
    c.lines.set(line, Math.max(c.lines.get(line) ?? 0, hits));
    const condition = attrs['condition-coverage'];
    if (condition === undefined || attrs.branch === 'false') return;
    const m = /\((\d{1,16})\/(\d{1,16})\)/.exec(condition);
    const covered = hitCount(m?.[1]);
    const total = hitCount(m?.[2]);
    if (covered === undefined || total === undefined || covered > total) {
      throw fail(`condition-coverage=${quote(condition)} is not like "50% (1/2)"`);
    }
    if (total > MAX_OUTCOMES_PER_LINE) throw fail(`condition-coverage=${quote(condition)} claims more than ${MAX_OUTCOMES_PER_LINE} branches on one line`);
    if ((outcomes += total) > MAX_OUTCOMES) throw fail(`the report claims more than ${MAX_OUTCOMES} branch outcomes`);
    if (total === 0) return;
    // Cobertura says only how many outcomes were taken, not which: the taken ones are put first.
    const taken = Array.from({ length: total }, (_, i) => (i < covered ? 1 : 0));
    const prev = c.branches.get(line);
    c.branches.set(line, prev ? sameRun(prev, taken) : taken);
  }

  return {
    write(chunk) {
      parser.write(chunk);
    },
    end() {
      parser.close();
      const byPath = new Map<string, Collected>();
      for (const [filename, c] of byFilename) {
        const path = ctx.paths.cobertura(filename, sources);
        const prev = byPath.get(path);
        if (prev) absorb(prev, c);
        else byPath.set(path, c);
      }
      return [...byPath]
        .sort(([a], [b]) => byCodeUnits(a, b))
        .map(([path, c]) => ({ path, lines: c.lines, branches: c.branches }));
    },
  };
}

/** Two views of one line from the same run: the most taken of each outcome, or the better view. */
function sameRun(a: number[], b: number[]): number[] {
  if (a.length === b.length) return a.map((hits, i) => Math.max(hits, b[i]!));
  return coveredCount(b) > coveredCount(a) ? b : a;
}

function absorb(into: Collected, from: Collected): void {
  for (const [line, hits] of from.lines) into.lines.set(line, Math.max(into.lines.get(line) ?? 0, hits));
  for (const [line, outcomes] of from.branches) {
    const prev = into.branches.get(line);
    into.branches.set(line, prev ? sameRun(prev, outcomes) : outcomes);
  }
}
