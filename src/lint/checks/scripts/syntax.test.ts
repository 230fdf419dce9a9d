import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShellSyntax } from '../../shell-syntax.js';
import { fakePackage, runCheck, withByteFiles } from '../../test-helpers.js';
import { looksDangerous, syntaxCheck } from './syntax.js';

const LINTIAN_LIB = '/usr/share/lintian/lib';

/** lintian's own script_looks_dangerous on each text, written as bytes. */
function lintians(texts: string[]): boolean[] {
  const script = String.raw`
    use strict; use warnings; use JSON::PP;
    use Lintian::Check::Script::Syntax;
    package Item { sub unpacked_path { $_[0]{path} } }
    print encode_json([map { Lintian::Check::Script::Syntax::script_looks_dangerous(bless { path => $_ }, 'Item') ? JSON::PP::true : JSON::PP::false } @{decode_json(join('', <STDIN>))}]);`;
  return withByteFiles(texts, (files) => JSON.parse(execFileSync('perl', ['-I', LINTIAN_LIB, '-e', script], { input: JSON.stringify(files) }).toString()) as boolean[]);
}

const DANGEROUS_PIECES = [
  'exec', 'exec wish', 'exec true', 'eval "exec', "eval 'exec", 'then', 'else', '; ', '&&', '$0', '"$0"', '$@', '"$@"', '${1+"$@"}', '--', '&', 'me=$0;',
  'me', '$me', 'x', 'true', '#', ' ', '\t', '\xa0', '\xe9', '\r', '\\', 'elsewhere', 'reexec',
];

describe('script syntax', () => {
  it.runIf(existsSync(LINTIAN_LIB))('tells re-executing scripts as lintian does', () => {
    const line = fc.array(fc.constantFrom(...DANGEROUS_PIECES), { maxLength: 8 }).map((a) => a.join(''));
    const text = fc.array(line, { minLength: 1, maxLength: 6 }).map((l) => l.join('\n'));
    const samples = [...fc.sample(text, { numRuns: 3000, seed: 3 }), `${'x\n'.repeat(53)}exec wish "$0"\n`, `${'x\n'.repeat(52)}exec wish "$0"\n`];
    const theirs = lintians(samples);
    expect(theirs.filter(Boolean).length).toBeGreaterThan(300);
    samples.forEach((t, i) => expect({ t, dangerous: looksDangerous(t) }).toEqual({ t, dangerous: theirs[i] }));
  });

  it('asks dash and bash, several scripts at once, and answers nothing once closed', async () => {
    // Its own temporary directory, to see that nothing is left in it.
    const tmp = mkdtempSync(join(tmpdir(), 'debship-syntax-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const shells = new ShellSyntax();
    try {
      const scripts: Array<[string, string, boolean]> = [
        ['/bin/dash', 'if true; then :; fi\n', false],
        ['/bin/dash', 'if true; then\n', true],
        ['/bin/dash', 'function f {\n:\n}\n', true],
        ['/bin/bash', 'function f {\n:\n}\n', false],
        ['/bin/bash', 'case x in\n', true],
      ];
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => scripts[i % scripts.length]!).map(([shell, text]) => shells.fails(shell, Buffer.from(text))));
      expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => scripts[i % scripts.length]![2]));
      expect(await shells.fails('/nonexistent/sh', Buffer.from(':\n'))).toBeUndefined();
    } finally {
      shells.close();
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(await shells.fails('/bin/dash', Buffer.from(':\n'))).toBeUndefined();
    expect(readdirSync(tmp)).toEqual([]);
    rmSync(tmp, { recursive: true });
  });

  it('reports maintainer and installed scripts their shell rejects, but documentation, patches and re-executing scripts', async () => {
    const bad = '#!/bin/sh\nif true; then\n';
    const pkg = fakePackage({
      control: { postinst: bad, prerm: '#!/bin/bash\n[[ -x /x ]] || true\n', config: '#!/usr/bin/env sh\nfunction f {\n:\n}\n' },
      files: [
        { path: '/usr/bin/tool', content: bad, mode: 0o755 },
        { path: '/usr/bin/tool-bash', content: '#!/bin/bash\nfunction f {\n:\n}\n', mode: 0o755 },
        { path: '/usr/bin/tool-wish', content: '#!/bin/sh\n# the next line restarts with wish \\\nexec wish "$0" "$@"\nproc x {} {\n', mode: 0o755 },
        { path: '/usr/share/doc/demo/examples/run', content: bad },
        { path: '/usr/share/doc/demo/run', content: bad },
        { path: '/usr/lib/demo/fix.dpatch', content: bad },
        { path: '/usr/bin/tool-python', content: '#!/usr/bin/python3\nif true; then\n', mode: 0o755 },
        { path: '/usr/bin/tool-odd', content: '#!/usr/bin/constructor\nif true; then\n', mode: 0o755 },
      ],
    });
    expect(await runCheck(syntaxCheck, pkg)).toEqual([
      'example-shell-script-fails-syntax-check [usr/share/doc/demo/examples/run]',
      'maintainer-shell-script-fails-syntax-check [config]',
      'maintainer-shell-script-fails-syntax-check [postinst]',
      'shell-script-fails-syntax-check [usr/bin/tool]',
    ]);
  });

  it('reads long lines of re-execution hints in linear time', () => {
    // Each `exec` (each word before a `$0`) starts a scan to the end of the line in V8's backtracking engine.
    expect(looksDangerous(`${'; exec '.repeat(1 << 15)}x`)).toBe(false);
    expect(looksDangerous(`${'x $0 '.repeat(1 << 15)}`)).toBe(false);
    expect(looksDangerous(`${'eval "exec x'.repeat(1 << 14)} $0`)).toBe(true);
  });
});
