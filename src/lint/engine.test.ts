import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { overridesChecks } from './checks/overrides/index.js';
import { lintPackages } from './engine.js';
import { parseOverrides } from './overrides.js';
import { TEST_CONTROL, writeTestDeb } from './test-deb.js';
import type { Check } from './types.js';

let dir: string;
let demo: string;
let other: string;

/** Reports one finding per file under /usr/bin, using real tag names and severities. */
const fake: Check = {
  name: 'test/fake',
  tags: [
    { name: 'no-phrase', severity: 'error', check: 'fields/mail-address', explanation: 'x' },
    { name: 'recommended-field', severity: 'warning', check: 'fields/recommended', renamedFrom: ['old-recommended'], explanation: 'x' },
    { name: 'synopsis-is-a-sentence', severity: 'info', check: 'fields/description', explanation: 'x' },
  ],
  run({ pkg, report }) {
    for (const f of pkg.files) if (f.path.startsWith('/usr/bin/')) report('recommended-field', `[${f.name}]`);
    report('no-phrase', `Maintainer ${pkg.name}@example.org`);
    report('no-phrase', `Maintainer ${pkg.name}@example.org`); // repeated: counted once
    report('synopsis-is-a-sentence');
  },
};
const checks = [fake, ...overridesChecks];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'debship-lint-engine-'));
  demo = await writeTestDeb(dir, 'demo.deb', {
    control: TEST_CONTROL,
    files: [
      { name: './', type: 'dir' },
      { name: './usr/bin/b', content: 'b' },
      { name: './usr/bin/a', content: 'a' },
      { name: './usr/share/lintian/overrides/demo', content: '# only for b\nrecommended-field [usr/bin/b]\nno-such-tag-here\nsynopsis-is-a-sentence nothing\n' },
    ],
  });
  other = await writeTestDeb(dir, 'other.deb', { control: TEST_CONTROL.replace('Package: demo', 'Package: other'), files: [{ name: './usr/bin/c', content: 'c' }] });
});

describe('lintPackages', () => {
  it('runs the checks, applies the package\'s overrides and reports unused ones, sorted like lintian', async () => {
    const run = await lintPackages([demo], { failOn: ['error'], checks });
    const [p] = run.packages;
    expect(p!.findings.map((f) => `${f.severity[0]!.toUpperCase()}: ${f.tag} ${f.context}`)).toEqual([
      'E: alien-tag no-such-tag-here [usr/share/lintian/overrides/demo:3]',
      'E: no-phrase Maintainer demo@example.org',
      'W: mismatched-override synopsis-is-a-sentence nothing [usr/share/lintian/overrides/demo:4]',
      'W: recommended-field [usr/bin/a]',
      'I: synopsis-is-a-sentence ',
    ]);
    expect(p!.overridden).toMatchObject([{ tag: 'recommended-field', context: '[usr/bin/b]', justification: 'only for b' }]);
    expect(p!.unusedOverrides.map((o) => o.line)).toEqual([4]);
    expect(run).toMatchObject({ failed: true, errored: false });
  });

  it('reads an overrides file longer than the 1 MiB other files are read up to', async () => {
    // 2 MB of comments before the override that silences recommended-field.
    const filler = '# filler\n'.repeat(220_000);
    const big = await writeTestDeb(dir, 'big-overrides.deb', {
      control: TEST_CONTROL,
      files: [
        { name: './usr/bin/a', content: 'a' },
        { name: './usr/share/lintian/overrides/demo', content: `${filler}\nrecommended-field\n` },
      ],
    });
    const [p] = (await lintPackages([big], { failOn: ['error'], checks })).packages;
    expect(p!.findings.map((f) => f.tag)).not.toContain('recommended-field');
    expect(p!.overridden.map((f) => f.tag)).toEqual(['recommended-field']);
  });

  it('fails only on the --fail-on levels', async () => {
    expect((await lintPackages([demo], { failOn: ['warning'], checks, suppressTags: ['no-phrase', 'alien-tag'] })).failed).toBe(true);
    expect((await lintPackages([demo], { failOn: ['error'], checks, suppressTags: ['no-phrase', 'alien-tag'] })).failed).toBe(false);
    expect((await lintPackages([demo], { failOn: 'none', checks })).failed).toBe(false);
    expect((await lintPackages([demo], { failOn: ['override'], checks })).failed).toBe(true);
    expect((await lintPackages([demo], { failOn: ['pedantic'], checks })).failed).toBe(false);
  });

  it('suppresses tags by current or older name, overrides included', async () => {
    const run = await lintPackages([demo], { failOn: ['error'], checks, suppressTags: ['old-recommended', 'mismatched-override'] });
    const tags = run.packages[0]!.findings.map((f) => f.tag);
    expect(tags).not.toContain('recommended-field');
    expect(tags).not.toContain('mismatched-override');
    expect(run.packages[0]!.overridden).toEqual([]);
  });

  it('applies shared overrides to the packages they name, and reports them unused where they match nothing', async () => {
    const { overrides } = parseOverrides('other: recommended-field\nno-phrase Maintainer *\nold-recommended [usr/bin/zzz]\n', undefined, 'extra.overrides');
    const run = await lintPackages([demo, other], { failOn: ['error'], checks, overrides });
    const [d, o] = run.packages;
    expect(o!.overridden.map((f) => f.tag)).toEqual(['no-phrase', 'recommended-field']);
    expect(d!.overridden.map((f) => f.tag)).toEqual(['no-phrase', 'recommended-field']);
    expect(d!.findings.filter((f) => f.tag.endsWith('-override')).map((f) => f.context)).toContain('old-recommended [usr/bin/zzz] [extra.overrides:3]');
    expect(run.failed).toBe(true); // alien-tag in demo's own file
  });

  it('records an unreadable package as an error and still lints the others', async () => {
    const junk = join(dir, 'junk.deb');
    writeFileSync(junk, 'junk');
    const run = await lintPackages([junk, other], { failOn: ['error'], checks, concurrency: 1 });
    expect(run.packages[0]).toMatchObject({ file: junk, findings: [], errors: [{ message: expect.stringContaining('junk.deb') }] });
    expect(run.packages[1]!.findings.length).toBeGreaterThan(0);
    expect(run).toMatchObject({ errored: true, failed: true });
  });

  it('reports experimental tags only when asked, after pedantic ones, failing only `experimental`', async () => {
    const trial: Check = {
      name: 'test/experimental',
      tags: [
        { name: 'systemd-service-file-missing-hardening-features', severity: 'pedantic', check: 'systemd', explanation: 'x', experimental: true },
        { name: 'perl-module-name-not-mentioned-in-description', severity: 'warning', check: 'fields/description', explanation: 'x', experimental: true },
        { name: 'no-phrase', severity: 'error', check: 'fields/mail-address', explanation: 'x' },
      ],
      run({ report }) {
        report('perl-module-name-not-mentioned-in-description', 'Foo::Bar');
        report('systemd-service-file-missing-hardening-features', '[x.service]');
        report('no-phrase');
      },
    };
    const tags = (run: Awaited<ReturnType<typeof lintPackages>>) => run.packages[0]!.findings.map((f) => `${f.tag}${f.experimental ? ' X' : ''}`);
    const plain = await lintPackages([other], { failOn: ['warning', 'pedantic', 'experimental'], checks: [trial], suppressTags: ['no-phrase'] });
    expect(tags(plain)).toEqual([]);
    expect(plain.failed).toBe(false);
    const asked = await lintPackages([other], { failOn: ['warning', 'pedantic'], checks: [trial], experimental: true });
    expect(tags(asked)).toEqual(['no-phrase', 'perl-module-name-not-mentioned-in-description X', 'systemd-service-file-missing-hardening-features X']);
    expect(asked.failed).toBe(false);
    expect((await lintPackages([other], { failOn: ['experimental'], checks: [trial], experimental: true })).failed).toBe(true);
    // An override of an experimental tag is used even when the tag is not reported.
    const { overrides } = parseOverrides('perl-module-name-not-mentioned-in-description\n', undefined, 'extra');
    const silent = await lintPackages([other], { failOn: ['error'], checks: [trial, ...overridesChecks], overrides });
    expect(silent.packages[0]!.findings.map((f) => f.tag)).toEqual(['no-phrase']);
  });

  it('runs the other checks while one waits on another process, and keeps what it reports then', async () => {
    const order: string[] = [];
    const waiting: Check = {
      name: 'test/waiting',
      tags: [fake.tags[0]!],
      async run({ report }) {
        order.push('waiting starts');
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('waiting reports');
        report('no-phrase', 'late');
      },
    };
    const quick: Check = { name: 'test/quick', tags: [fake.tags[2]!], run: ({ report }) => void (order.push('quick'), report('synopsis-is-a-sentence')) };
    const run = await lintPackages([other], { failOn: ['error'], checks: [waiting, quick] });
    expect(order).toEqual(['waiting starts', 'quick', 'waiting reports']);
    expect(run.packages[0]!.findings.map((f) => `${f.tag} ${f.context}`)).toEqual(['no-phrase late', 'synopsis-is-a-sentence ']);
  });

  it('turns a broken check into an error of the package, keeping the other checks\' findings', async () => {
    const broken: Check = { name: 'test/broken', tags: [], run: () => { throw new Error('boom'); } };
    const undeclared: Check = { name: 'test/undeclared', tags: [], run: ({ report }) => report('no-phrase') };
    const run = await lintPackages([other], { failOn: ['error'], checks: [broken, undeclared, fake] });
    expect(run.packages[0]!.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('check test/broken failed on'),
      expect.stringContaining('reported undeclared tag no-phrase'),
    ]);
    expect(run.packages[0]!.findings.length).toBeGreaterThan(0);
  });
});
