/**
 * Reads coverage reports of any supported format into the coverage model: the format is detected
 * from content, and every path is made relative to the project root. Reports are read one after
 * the other, so memory holds one report's parse at a time.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DebshipError, ExitCode, isDebshipError } from '../../core/errors.js';
import { HINTS, ReportContext } from './context.js';
import { detectSyntax } from './detect.js';
import type { CoverageReport } from './model.js';
import { pathResolver } from './paths.js';
import { coberturaReader } from './read-cobertura.js';
import { readJsonReport } from './read-istanbul.js';
import { lcovReader } from './read-lcov.js';

/** Enough to get past an XML declaration and comments, or leading blank lines. */
const HEAD_BYTES = 64 * 1024;
/** istanbul JSON is parsed whole; beyond this the text alone nears V8's string limit. */
const MAX_JSON_BYTES = 256 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export async function readCoverageReports(paths: string[], opts: { root: string }): Promise<CoverageReport[]> {
  const reports: CoverageReport[] = [];
  for (const path of paths) reports.push(await readCoverageReport(path, opts.root));
  return reports;
}

async function readCoverageReport(path: string, root: string): Promise<CoverageReport> {
  const { head, size } = await readHead(path);
  const detect = new ReportContext(path, HINTS.any, pathResolver(root, root));
  if (size === 0 || (size <= HEAD_BYTES && head.replace(/^\uFEFF/, '').trim() === '')) throw detect.fail('the report is empty');
  const syntax = detectSyntax(head);
  if (syntax === undefined) {
    throw detect.fail('not a coverage report in a known format: expected lcov (TN:/SF: lines), Cobertura XML, istanbul JSON or coverage.py JSON', 1);
  }
  const ctx = new ReportContext(path, HINTS[syntax], pathResolver(root, dirname(resolve(path))));
  if (syntax === 'istanbul') {
    if (size > MAX_JSON_BYTES) throw ctx.fail(`${size} bytes is more JSON than can be parsed (limit ${MAX_JSON_BYTES}); use an lcov report`);
    const report = readJsonReport(await readText(path), ctx);
    return { source: path, ...report };
  }
  const reader = syntax === 'lcov' ? lcovReader(ctx) : coberturaReader(ctx);
  await streamChunks(path, (chunk) => reader.write(chunk));
  return { source: path, format: syntax, files: reader.end() };
}

async function readHead(path: string): Promise<{ head: string; size: number }> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const buf = Buffer.alloc(Math.min(size, HEAD_BYTES));
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      return { head: buf.subarray(0, bytesRead).toString('utf8'), size };
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw unreadable(path, e);
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw unreadable(path, e);
  }
}

/** Only read errors become "unreadable"; what the sink throws (DebshipErrors) passes through. */
async function streamChunks(path: string, sink: (chunk: string) => void): Promise<void> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<string>;
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (e) {
        throw unreadable(path, e);
      }
      if (next.done) return;
      sink(next.value);
    }
  } finally {
    input.destroy();
  }
}

function unreadable(path: string, cause: unknown): DebshipError {
  if (isDebshipError(cause)) return cause;
  return new DebshipError('coverage-report-unreadable', `cannot read the coverage report: ${(cause as Error).message}`, {
    file: path,
    hint: 'check the path, and that the test run that writes the report ran before this step',
    exitCode: ExitCode.usage,
    cause,
  });
}
