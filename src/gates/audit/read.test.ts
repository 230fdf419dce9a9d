import { mkdtemp, mkdir, open, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DebshipError } from '../../core/errors.js';
import { detectFormat } from './detect.js';
import { isScannerFailure, jsonErrorOffset, MAX_JSON_CONTAINERS, parseAuditReport, readAuditReport, readAuditReports } from './read.js';
import { caught } from './test-errors.js';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'debship-audit-read-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});


describe('format detection', () => {
  it.each([
    ['pip-audit.json', 'pip-audit'],
    ['pip-audit-legacy.json', 'pip-audit'],
    ['osv-scanner.json', 'osv-scanner'],
    ['osv-scanner-local.json', 'osv-scanner'],
    ['npm-audit-v2.json', 'npm-audit'],
    ['npm-audit-workspace.json', 'npm-audit'],
  ])('%s is %s, from its content', (name, format) => {
    expect(detectFormat(JSON.parse(fixture(name)))).toEqual({ kind: 'report', format });
    expect(parseAuditReport(fixture(name), 'any-name.txt').format).toBe(format);
  });

  it('recognises npm error objects', () => {
    expect(detectFormat(JSON.parse(fixture('npm-audit-405.json')))).toEqual({ kind: 'npm-error' });
    expect(detectFormat(JSON.parse(fixture('npm-audit-enoaudit.json')))).toEqual({ kind: 'npm-error' });
    expect(detectFormat({ message: 'x' })).toMatchObject({ kind: 'unknown' });
  });

  it('reads a report without auditReportVersion that has npm’s keys as npm audit', () => {
    expect(detectFormat({ vulnerabilities: {}, metadata: {} })).toEqual({ kind: 'report', format: 'npm-audit' });
  });
});

describe('reports debship does not read', () => {
  it.each([
    ['', 'is empty'],
    ['  \n\t', 'is empty'],
    ['\uFEFF', 'is empty'],
    ['[]', 'is an empty JSON list'],
    ['[1, 2]', 'is a JSON list, but not of pip-audit dependencies'],
    ['{}', 'is not a report debship reads: expected pip-audit (`dependencies`), osv-scanner (`results`) or npm audit (`auditReportVersion`) JSON; it is an empty object'],
    ['{"a": 1, "b": 2}', 'its top-level keys are `a`, `b`'],
    ['"text"', 'is a JSON string, not a scanner\'s JSON report'],
    ['42', 'is a JSON number'],
    ['null', 'is JSON null'],
    ['true', 'is a JSON boolean'],
    [`{"${'k'.repeat(100)}": 1}`, `\`${'k'.repeat(30)}…\``],
  ])('%j', (text, message) => {
    const e = caught(() => parseAuditReport(text, 'report.json'));
    expect(e.code).toBe('audit-report-invalid');
    expect(e.exitCode).toBe(2);
    expect(e.file).toBe('report.json');
    expect(e.message).toContain('report.json ');
    expect(e.message).toContain(message);
    expect(e.hint).toBeTruthy();
  });

  it('names an npm lockfile or package.json given instead of a report', () => {
    const lock = caught(() => parseAuditReport('{"name": "app", "lockfileVersion": 3, "packages": {}, "dependencies": {}}', 'package-lock.json'));
    expect(lock.message).toContain('is an npm lockfile, not a scanner\'s report');
    expect(lock.hint).toContain('npm audit --json');
    const manifest = caught(() => parseAuditReport('{"name": "app", "version": "1.0.0", "dependencies": {"lodash": "^4"}}', 'package.json'));
    expect(manifest.message).toContain('is an npm package.json');
  });

  it('lists at most five keys of an unknown object', () => {
    const e = caught(() => parseAuditReport(JSON.stringify(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i]))), 'r'));
    expect(e.message).toContain('`k4`, … (9 in all)');
  });

  it('reads a report after a byte order mark', () => {
    expect(parseAuditReport(`\uFEFF${fixture('pip-audit.json')}`, 'r').findings.length).toBe(12);
  });
});

describe('JSON syntax errors', () => {
  it.each([
    ['{"results": [}', 1, 14, 'unexpected `}`'],
    ['{\n  "results": [\n    {"source": nul}\n  ]\n}', 3, 19, 'unexpected `}`'],
    ['{"dependencies": [', 1, 19, 'it ends early (cut off?)'],
    ['{"auditReportVersion": 2, "vulnerabilities": {"a": "b\u0001"}}', 1, 54, 'unexpected control character U+0001'],
    ['{"a": "\\x"}', 1, 9, 'unexpected `x`'],
    ['{"a": 01}', 1, 8, 'unexpected `1`'],
    ['{"a": 1,}', 1, 9, 'unexpected `}`'],
    ['{"a" 1}', 1, 6, 'unexpected `1`'],
    ['{"a": -}', 1, 8, 'unexpected `}`'],
    ['{"a": tru}', 1, 10, 'unexpected `}`'],
    ['{} {}', 1, 4, 'unexpected `{`'],
    ['npm WARN config production Use `--omit=dev` instead.\n{"auditReportVersion": 2}', 1, 2, 'unexpected `p`'],
    ['{"a": "é\u2028 ✓", "b": [1, 2,, 3]}', 1, 26, 'unexpected `,`'],
    ['{"a": "\\u12G4"}', 1, 12, 'unexpected `G`'],
  ])('%j is reported at line %i, column %i', (text, line, column, what) => {
    const e = caught(() => parseAuditReport(text, 'report.json'));
    expect(e.code).toBe('audit-report-invalid');
    expect(e.exitCode).toBe(2);
    expect(e.file).toBe('report.json');
    expect(e.line).toBe(line);
    expect(e.column).toBe(column);
    expect(e.location).toBe(`report.json:${line}:${column}`);
    expect(e.message).toBe(`report.json is not valid JSON (line ${line}, column ${column}): ${what}`);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const name of ['pip-audit.json', 'osv-scanner.json', 'npm-audit-v2.json', 'npm-audit-405.json']) expect(jsonErrorOffset(fixture(name))).toBeUndefined();
    for (const text of ['0', '-0.5e+3', '"\\u00e9\\n"', '[[], {}, [{}]]', ' {"a" : [true, false, null] } ']) expect(jsonErrorOffset(text)).toBeUndefined();
  });

  it('locates errors in a truncated fixture at its end', () => {
    const text = fixture('osv-scanner.json');
    for (const cut of [1, 100, 5000, text.length - 3]) {
      const head = text.slice(0, cut);
      const e = caught(() => parseAuditReport(head, 'cut.json'));
      expect(e.message).toContain('it ends early');
      expect(e.line).toBe(head.split('\n').length);
    }
  });
});

describe('large and hostile input', () => {
  it('reads huge strings', () => {
    const huge = 'x'.repeat(5_000_000);
    const r = parseAuditReport(JSON.stringify({ dependencies: [{ name: 'a', version: '1', vulns: [{ id: 'PYSEC-1', fix_versions: [], description: `${huge} denial of service` }] }] }), 'r');
    expect(r.findings[0]!.category).toBe('denial-of-service');
    expect(r.findings[0]!.description!.length).toBeGreaterThan(5_000_000);
  });

  it('shortens a huge wrong value in the message', () => {
    const e = caught(() => parseAuditReport(JSON.stringify({ dependencies: [{ name: 'a', version: 1, vulns: [{ id: 'x'.repeat(1_000_000) }] }] }), 'r'));
    expect(e.message.length).toBeLessThan(300);
    const f = caught(() => parseAuditReport(JSON.stringify({ results: [{ packages: [{ package: { name: 'a', version: 'v'.repeat(1_000_000) }, vulnerabilities: 'x' }] }] }), 'r'));
    expect(f.message.length).toBeLessThan(300);
  });

  it('rejects deeply nested JSON without overflowing the stack', () => {
    const depth = 200_000;
    for (const text of [
      '['.repeat(depth) + ']'.repeat(depth),
      `{"results": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
      `{"dependencies": [{"name": "a", "version": "1", "vulns": [{"id": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}]}]}`,
      `{"auditReportVersion": 2, "vulnerabilities": {"a": ${'['.repeat(depth)}${']'.repeat(depth)}}}`,
      '['.repeat(depth),
    ]) {
      const e = caught(() => parseAuditReport(text, 'deep.json'));
      expect(e.code).toBe('audit-report-invalid');
      expect(e.file).toBe('deep.json');
    }
  });

  it('refuses a report with more JSON objects and lists than fit in memory, before building them', () => {
    // 210 MB of `{}` ran out of heap (a crash, not exit 2) after minutes; 5 million are refused at once.
    const head = '{"results": [{"packages": [{"package": {"name": "a", "version": "1"}, "vulnerabilities": [{"id": "X", "affected": [{"ranges": [{"events": [';
    const text = `${head}${'{},'.repeat(MAX_JSON_CONTAINERS)}{}]}]}]}]}]}]}`;
    const started = Date.now();
    const e = caught(() => parseAuditReport(text, 'dense.json'));
    expect(e).toMatchObject({ code: 'audit-report-invalid', file: 'dense.json' });
    expect(e.message).toMatch(/^dense\.json is too large to read: more than 5,000,000 JSON objects and lists/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('ignores unknown keys, including __proto__ and constructor', () => {
    const text = fixture('osv-scanner.json').replace('"results": [', '"__proto__": {"polluted": true}, "constructor": 1, "results": [');
    const r = parseAuditReport(text, 'r');
    expect(r.findings).toHaveLength(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readAuditReports', () => {
  it('reads files in the order given, naming each report by its path', async () => {
    const dir = await tempDir();
    const paths = ['npm-audit-v2.json', 'pip-audit.json', 'osv-scanner.json'].map((n) => join(dir, `${n}.out`));
    await Promise.all(paths.map((p, i) => writeFile(p, fixture(['npm-audit-v2.json', 'pip-audit.json', 'osv-scanner.json'][i]!))));
    const reports = await readAuditReports(paths);
    expect(reports.map((r) => [r.source, r.format])).toEqual([
      [paths[0], 'npm-audit'],
      [paths[1], 'pip-audit'],
      [paths[2], 'osv-scanner'],
    ]);
    expect(reports[1]!.findings[0]!.source).toBe(paths[1]);
    expect(await readAuditReports([])).toEqual([]);
  });

  it('reads UTF-16 reports with a byte order mark (Windows PowerShell redirection)', async () => {
    const dir = await tempDir();
    const text = fixture('npm-audit-v2.json');
    const le = join(dir, 'le.json');
    const be = join(dir, 'be.json');
    await writeFile(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await writeFile(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    for (const path of [le, be]) expect((await readAuditReport(path)).findings).toHaveLength(5);
  });

  it('says a file too large for a string is too large, not "Invalid string length"', async () => {
    const dir = await tempDir();
    const path = join(dir, 'huge.json');
    const fh = await open(path, 'w');
    await fh.truncate(600 * 1024 * 1024);
    await fh.close();
    await expect(readAuditReport(path)).rejects.toMatchObject({ code: 'file-unreadable', file: path, message: `cannot read the audit report ${path}: it is too large (600 MB)` });
  });

  it('fails with file-unreadable for a missing file or a directory', async () => {
    const dir = await tempDir();
    await expect(readAuditReports([join(dir, 'missing.json')])).rejects.toMatchObject({ code: 'file-unreadable', exitCode: 2, file: join(dir, 'missing.json') });
    await mkdir(join(dir, 'sub'));
    await expect(readAuditReports([join(dir, 'sub')])).rejects.toMatchObject({ code: 'file-unreadable', message: expect.stringContaining('it is a directory') });
  });

  it('fails on the first bad file with its name, and a scanner failure stays recognisable', async () => {
    const dir = await tempDir();
    const good = join(dir, 'good.json');
    const bad = join(dir, 'npm.json');
    await writeFile(good, fixture('pip-audit.json'));
    await writeFile(bad, fixture('npm-audit-405.json'));
    const e = await readAuditReports([good, bad]).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isScannerFailure(e)).toBe(true);
    expect((e as DebshipError).file).toBe(bad);
    // One by one, the good report is still read.
    expect((await readAuditReport(good)).findings).toHaveLength(12);
    await expect(readAuditReport(bad)).rejects.toMatchObject({ code: 'audit-scanner-failed', file: bad });
  });
});

/** Writes `count` copies of `item(i)` joined by commas between `head` and `tail`, in chunks. */
async function writeLarge(path: string, head: string, tail: string, item: (i: number) => string, bytes: number): Promise<number> {
  const fh = await open(path, 'w');
  let written = 0;
  let n = 0;
  try {
    await fh.write(head);
    written += head.length;
    while (written < bytes) {
      const chunk: string[] = [];
      for (let k = 0; k < 500; k++, n++) chunk.push(item(n));
      const text = (n > 500 ? ',' : '') + chunk.join(',');
      await fh.write(text);
      written += Buffer.byteLength(text);
    }
    await fh.write(tail);
  } finally {
    await fh.close();
  }
  return n;
}

describe('50 MB reports', { timeout: 300_000 }, () => {
  const SIZE = 50 * 1024 * 1024;

  it('npm audit', async () => {
    const dir = await tempDir();
    const path = join(dir, 'npm.json');
    const lodash = JSON.parse(fixture('npm-audit-v2.json')).vulnerabilities.lodash as Record<string, unknown>;
    const count = await writeLarge(
      path,
      '{"auditReportVersion": 2, "vulnerabilities": {',
      '}, "metadata": {}}',
      (i) => `${JSON.stringify(`pkg-${i}`)}: ${JSON.stringify({ ...lodash, name: `pkg-${i}`, nodes: [`node_modules/pkg-${i}`] })}`,
      SIZE,
    );
    const [r] = await readAuditReports([path]);
    expect(r!.findings).toHaveLength(count * 3);
    expect(r!.findings.at(-1)).toMatchObject({ package: `pkg-${count - 1}`, id: 'GHSA-29mw-wpgm-hmr9' });
  });

  it('osv-scanner', async () => {
    const dir = await tempDir();
    const path = join(dir, 'osv.json');
    const lodash = JSON.parse(fixture('osv-scanner.json')).results[0].packages[0] as { package: Record<string, unknown> };
    const count = await writeLarge(
      path,
      '{"results": [{"source": {"path": "/big/package-lock.json", "type": "lockfile"}, "packages": [',
      ']}]}',
      (i) => JSON.stringify({ ...lodash, package: { ...lodash.package, version: `4.17.${i}` } }),
      SIZE,
    );
    const [r] = await readAuditReports([path]);
    expect(r!.findings).toHaveLength(count * 3);
    expect(r!.findings.at(-1)!.version).toBe(`4.17.${count - 1}`);
  });

  it('pip-audit', async () => {
    const dir = await tempDir();
    const path = join(dir, 'pip.json');
    const jinja = JSON.parse(fixture('pip-audit.json')).dependencies[3] as Record<string, unknown>;
    const count = await writeLarge(path, '{"dependencies": [', '], "fixes": []}', (i) => JSON.stringify({ ...jinja, name: `pkg-${i}` }), SIZE);
    const [r] = await readAuditReports([path]);
    expect(r!.findings).toHaveLength(count * 5);
    expect(r!.findings.at(-1)!.package).toBe(`pkg-${count - 1}`);
  });
});
