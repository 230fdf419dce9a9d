import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignments, isUri, serviceFileLines, shellwords, unitTable, unitValues } from './unit-file.js';

/** lintian's extract_service_file_values as written: one pass over the assignments for one key. */
function oneKey(lines: string[], section: string, key: string): string[] {
  let values: string[] = [];
  for (const a of assignments(lines)) {
    if (a.section !== section || a.key !== key) continue;
    if (!a.value.length) values = [];
    else for (const word of shellwords(a.value)) values.push(word);
  }
  return values;
}

describe('shellwords', () => {
  it('splits like Text::ParseWords', () => {
    expect(shellwords('multi-user.target  graphical.target')).toEqual(['multi-user.target', 'graphical.target']);
    expect(shellwords(`"a b" 'c d' e\\ f "g"h`)).toEqual(['a b', 'c d', 'e f', 'gh']);
    expect(shellwords('  trailing  ')).toEqual(['trailing']);
    expect(shellwords('"unbalanced')).toEqual([]);
    expect(shellwords('')).toEqual([]);
  });
});

describe('isUri (Data::Validate::URI)', () => {
  it('accepts man:, https: and file: URIs and rejects the rest', () => {
    expect(['man:demo(8)', 'https://example.org/docs', 'file:/usr/share/doc/demo/README.md', 'info:demo'].every(isUri)).toBe(true);
    expect(['example.org/docs', '/usr/share/doc/demo', 'https://exa mple.org', '1http://x', 'http://x%2'].some(isUri)).toBe(false);
  });
});

describe('unit values as lintian reads them', () => {
  const unit = ['[Unit]', 'Description=demo', 'Documentation=man:demo(8) \\', '  https://example.org', '# comment', '[Service]', 'User=nobody', 'Environment=A=B', 'ExecStart=/usr/bin/demo', 'ExecStart=', 'ExecStart=/usr/bin/demo2 --x', ''].join('\n');
  const lines = serviceFileLines(unit);

  it('joins continuations and drops comments', () => {
    expect(unitValues(lines, 'Unit', 'Documentation')).toEqual(['man:demo(8)', 'https://example.org']);
  });

  it('resets on an empty assignment and splits a key at the last =, as lintian’s greedy pattern does', () => {
    expect(unitValues(lines, 'Service', 'ExecStart')).toEqual(['/usr/bin/demo2', '--x']);
    expect(unitValues(lines, 'Service', 'Environment')).toEqual([]);
    expect(unitValues(lines, 'Service', 'Environment=A')).toEqual(['B']);
    expect(unitValues(lines, 'Unit', 'User')).toEqual([]);
  });

  it('reads every key at once as lintian reads each alone', () => {
    const line = fc.constantFrom('[Unit]', '[Service]', '[Install]', 'User=a', 'User=', 'User = b c', 'Type=oneshot', 'A=B=C', 'A=', ' x', '"q"=1', 'WantedBy=a.target "b c"', '[Unit', '#User=z');
    const keys = ['User', 'Type', 'A', 'A=B', 'WantedBy', '"q"', 'Missing'];
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (ls) => {
        const table = unitTable(ls);
        for (const section of ['Unit', 'Service', 'Install']) for (const key of keys) expect(table(section, key)).toEqual(oneKey(ls, section, key));
      }),
      { numRuns: 2000 },
    );
  });
});
