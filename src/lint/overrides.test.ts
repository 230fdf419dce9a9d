import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOverrides } from './apply-overrides.js';
import { contextMatcher, parseOverrides, type Override } from './overrides.js';
import type { Finding } from './types.js';

const SRC = 'usr/share/lintian/overrides/foo';

// The file lintian 2.116 was run on to establish these expectations.
const FILE = `# why no phrase
# second line
foo: no-phrase Maintainer foo@*
foo [amd64]: package-relation-with-self
foo [i386] binary: extended-description-is-empty
foo binary extended-description-is-empty
no-phrase *nothing*
bad-package-name
foo: obsolete-relation-form Depends: libc6 (> 2)
[!amd64]: recommended-field
totally-unknown-tag
renamed: no-version-field
no-version-field

debian-revision-is-zero 1.?-0
description-starts-with-package-name
 # indented comment
description-starts-with-package-name
`;

describe('parseOverrides (a package\'s own file)', () => {
  const { overrides, errors } = parseOverrides(FILE, 'foo', SRC);

  it('reads prefixes, architectures, patterns and justifications as lintian does', () => {
    expect(overrides.map((o) => [o.line, o.tag, o.architectures.join(' '), o.pattern])).toEqual([
      [3, 'no-phrase', '', 'Maintainer foo@*'],
      [4, 'package-relation-with-self', 'amd64', ''],
      [5, 'extended-description-is-empty', 'i386', ''],
      [7, 'no-phrase', '', '*nothing*'],
      [8, 'bad-package-name', '', ''],
      [9, 'obsolete-relation-form', '', 'Depends: libc6 (> 2)'],
      [10, 'recommended-field', '!amd64', ''],
      [11, 'totally-unknown-tag', '', ''],
      [12, 'renamed:', '', 'no-version-field'],
      [13, 'no-version-field', '', ''],
      [15, 'debian-revision-is-zero', '', '1.?-0'],
      [16, 'description-starts-with-package-name', '', ''],
      [18, 'description-starts-with-package-name', '', ''],
    ]);
    expect(overrides[0]!.justification).toBe('why no phrase second line');
    // A blank line ends a justification; an override without one inherits it from the line above with the same tag.
    expect(overrides[1]!.justification).toBe('');
    expect(parseOverrides('# shared\na x\na y\nb\n', 'foo', SRC).overrides.map((o) => o.justification)).toEqual(['shared', 'shared', '']);
    expect(overrides[12]!.justification).toBe('indented comment');
  });

  it('reports a prefix without a colon as malformed', () => {
    expect(errors).toEqual([{ message: 'Expected a colon', source: SRC, line: 6 }]);
  });

  it('collapses whitespace', () => {
    expect(parseOverrides('  foo:\ttag   a  b  ', 'foo', SRC).overrides[0]).toMatchObject({ tag: 'tag', pattern: 'a b' });
  });

  it('shares a long justification down many lines in linear time', () => {
    // Collapsing the shared 100 KB again for each of 20,000 lines would be 2 GB of scanning.
    const why = 'word  '.repeat(20_000);
    const text = `# ${why}\n${'tag x\n'.repeat(20_000)}`;
    const { overrides } = parseOverrides(text, 'foo', SRC);
    expect(overrides).toHaveLength(20_000);
    expect(new Set(overrides.map((o) => o.justification))).toEqual(new Set([why.replace(/\s+/g, ' ').trim()]));
  });
});

describe('parseOverrides (a shared --overrides file)', () => {
  it('limits an override to the package its prefix names', () => {
    const { overrides, errors } = parseOverrides('foo: a-tag x\nbar [amd64]: b-tag\nc-tag Depends: y\n[arm64]: d-tag\n', undefined, 'extra');
    expect(errors).toEqual([]);
    expect(overrides.map((o) => [o.package, o.tag, o.architectures, o.pattern])).toEqual([
      ['foo', 'a-tag', [], 'x'],
      ['bar', 'b-tag', ['amd64'], ''],
      [undefined, 'c-tag', [], 'Depends: y'],
      [undefined, 'd-tag', ['arm64'], ''],
    ]);
  });
});

describe('contextMatcher', () => {
  it.each([
    ['Maintainer foo@*', 'Maintainer foo@example.org', true],
    ['1.?-0', '1.0-0', true],
    ['1.?-0', '1.10-0', false],
    ['[usr/bin/*]', '[usr/bin/foo]', true],
    ['usr/bin/*', '[usr/bin/foo]', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['(x)', '(x)', true],
  ])('%s ~ %s → %s', (pattern, context, expected) => {
    expect(contextMatcher(pattern)(context)).toBe(expected);
  });
});

describe('applyOverrides', () => {
  const f = (tag: string, context = ''): Finding => ({ package: 'foo', severity: 'error', tag, context });
  const canonical = (t: string) => ({ 'no-version-field': 'required-field' })[t] ?? (t.includes('unknown') || t.endsWith(':') ? undefined : t);

  it('matches lintian on the reference file', () => {
    const findings = [
      f('debian-revision-is-zero', '1.0-0'),
      f('depends-on-essential-package-without-using-version', 'Depends: bash'),
      f('description-starts-with-package-name'),
      f('extended-description-is-empty'),
      f('no-phrase', 'Maintainer foo@example.org'),
      f('obsolete-relation-form', 'Depends: libc6 (> 2)'),
      f('package-relation-with-self', 'Depends: foo'),
      f('recommended-field', 'foo.deb Priority'),
    ];
    const { overrides } = parseOverrides(FILE, 'foo', SRC);
    const out = applyOverrides(findings, overrides, { name: 'foo', architecture: 'amd64' }, canonical);
    expect(out.findings.map((x) => x.tag)).toEqual(['depends-on-essential-package-without-using-version', 'extended-description-is-empty', 'recommended-field']);
    expect(out.overridden.map((x) => [x.tag, x.justification])).toEqual([
      ['debian-revision-is-zero', ''],
      ['description-starts-with-package-name', 'indented comment'],
      ['no-phrase', 'why no phrase second line'],
      ['obsolete-relation-form', ''],
      ['package-relation-with-self', ''],
    ]);
    expect(out.usage).toEqual([
      { tag: 'mismatched-override', context: `no-phrase *nothing* [${SRC}:7]` },
      { tag: 'unused-override', context: `bad-package-name  [${SRC}:8]` },
      { tag: 'unused-override', context: `no-version-field  [${SRC}:13]` },
    ]);
  });

  it('prefers an override without context, then the shortest matching pattern', () => {
    const o = parseOverrides('t *b*\nt a*\n', 'foo', SRC).overrides;
    const out = applyOverrides([f('t', 'abc')], o, { name: 'foo', architecture: 'amd64' }, (t) => t);
    expect(out.overridden[0]!.override.line).toBe(2);
    const all = parseOverrides('t a*\nt\n', 'foo', SRC).overrides;
    expect(applyOverrides([f('t', 'abc')], all, { name: 'foo', architecture: 'amd64' }, (t) => t).overridden[0]!.override.line).toBe(2);
  });

  it('honours architecture lists, wildcards and negations, and overrides limited to another package', () => {
    const o = parseOverrides('[linux-any]: a\n[!arm64]: b\n[arm64 i386]: c\nbar: d\n', undefined, 'extra').overrides;
    const out = applyOverrides([f('a'), f('b'), f('c'), f('d')], o, { name: 'foo', architecture: 'amd64' }, (t) => t);
    expect(out.overridden.map((x) => x.tag)).toEqual(['a', 'b']);
    expect(out.unused).toEqual([]);
  });

  it('chooses as trying every pattern in order of length would, exact ones looked up', () => {
    // lintian's order: the overrides of a tag sorted by pattern length, file order among equals.
    const naive = (findings: Finding[], overrides: Override[]) =>
      findings.map((x) => {
        const byPattern = new Map<string, Override>();
        for (const o of overrides) byPattern.delete(o.pattern), byPattern.set(o.pattern, o);
        const ordered = [...byPattern.values()].sort((a, b) => a.pattern.length - b.pattern.length);
        return (byPattern.get('') ?? ordered.find((o) => contextMatcher(o.pattern)(x.context)))?.line;
      });
    const piece = fc.constantFrom('a', 'b', '*', '?', '\\*', '\\', '\n');
    const pattern = fc.array(piece, { maxLength: 4 }).map((a) => a.join(''));
    const context = fc.array(fc.constantFrom('a', 'b', '*', '\\', '\n'), { maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 8 }), fc.array(context, { minLength: 1, maxLength: 6 }), (patterns, contexts) => {
        const overrides: Override[] = patterns.map((pattern, i) => ({ tag: 't', architectures: [], pattern, justification: '', source: SRC, line: i + 1 }));
        const findings = contexts.map((c) => f('t', c));
        const out = applyOverrides(findings, overrides, { name: 'foo', architecture: 'amd64' }, (t) => t);
        const lines = out.overridden.map((x) => x.override.line);
        const want = naive(findings, overrides);
        expect(lines).toEqual(want.filter((l) => l !== undefined));
        expect(out.findings.map((x) => x.context)).toEqual(contexts.filter((_, i) => want[i] === undefined));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches 40,000 findings against 40,000 exact overrides at once, and stops runaway joker matching with an error', () => {
    const findings = Array.from({ length: 40_000 }, (_, i) => f('t', `usr/share/demo/file-${i}`));
    const exact = Array.from({ length: 40_000 }, (_, i) => `t usr/share/demo/file-${i * 2}`).join('\n');
    const out = applyOverrides(findings, parseOverrides(exact, 'foo', SRC).overrides, { name: 'foo', architecture: 'amd64' }, (t) => t);
    expect(out.overridden).toHaveLength(20_000);
    expect(out.unused).toHaveLength(20_000);
    const jokers = Array.from({ length: 40_000 }, (_, i) => `t *other-${i}*`).join('\n');
    expect(() => applyOverrides(findings, parseOverrides(jokers, 'foo', SRC).overrides, { name: 'foo', architecture: 'amd64' }, (t) => t)).toThrow(
      expect.objectContaining({ code: 'overrides-too-costly', message: expect.stringContaining(SRC) }),
    );
  });

  it('lets a masked finding use its override and make others of its tag mismatched, then drops it', () => {
    const o = parseOverrides('t [postinst]\nt [prerm]\nu\n', 'foo', SRC).overrides;
    const masked: Finding = { ...f('t', '[postinst]'), masked: true };
    const out = applyOverrides([masked, { ...f('u'), masked: true }, f('v')], o, { name: 'foo', architecture: 'amd64' }, (t) => t);
    expect(out.findings.map((x) => x.tag)).toEqual(['v']);
    expect(out.overridden).toEqual([]);
    expect(out.usage).toEqual([{ tag: 'mismatched-override', context: `t [prerm] [${SRC}:2]` }]);
  });

  it('never silences lintian\'s own override diagnostics', () => {
    const o = parseOverrides('unused-override\nmalformed-override\n', 'foo', SRC).overrides;
    const out = applyOverrides([f('malformed-override', 'x')], o, { name: 'foo', architecture: 'amd64' }, (t) => t);
    expect(out.findings).toHaveLength(1);
    expect(out.usage).toEqual([]);
  });
});

describe('contextMatcher against the expression lintian builds', () => {
  // lintian's match_glob as a regular expression: what the automaton must agree with.
  const expression = (pattern: string) => {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '\\' && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      else re += c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return new RegExp(`^${re}$`, 'u');
  };
  const piece = fc.constantFrom('a', 'b', '*', '?', '\\', '.', '(', '\n', '\r', '\u2028', '😀', ' ');

  it('agrees on random patterns and contexts', () => {
    let matched = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(piece, { maxLength: 10 }), (p, c) => {
        const pattern = p.join('');
        const context = c.join('').replace(/\\/g, '');
        const want = expression(pattern).test(context);
        if (want) matched++;
        expect(contextMatcher(pattern)(context), JSON.stringify([pattern, context])).toBe(want);
      }),
      { numRuns: 30_000, seed: 20261128 },
    );
    expect(matched).toBeGreaterThan(300);
  });

  it('agrees on longer patterns with many stars', () => {
    // Few letters, so parts recur and the leftmost place of a part is often not the only one.
    const star = fc.constantFrom('a', 'b', 'ab', 'aab', 'aaba', 'abab', '*', '*', '*', '**', '?', '\\*', '\r', ' ');
    const text = fc.constantFrom('a', 'a', 'a', 'b', 'b', '*', '\r', ' ');
    let matched = 0;
    fc.assert(
      fc.property(fc.array(star, { maxLength: 14 }), fc.array(text, { maxLength: 24 }), (p, c) => {
        const pattern = p.join('');
        const context = c.join('');
        const want = expression(pattern).test(context);
        if (want) matched++;
        expect(contextMatcher(pattern)(context), JSON.stringify([pattern, context])).toBe(want);
      }),
      { numRuns: 30_000, seed: 20261128 },
    );
    expect(matched).toBeGreaterThan(1_000);
    // A part found after a false start that overlaps it.
    expect(contextMatcher('*aab*')('aaab')).toBe(true);
    expect(contextMatcher('*abab*')('ababab')).toBe(true);
  });

  it('takes time linear in the context where the expression backtracks for hours', () => {
    // `^.*a.*a…b$` on 2,000 a's: about 2,000^20 paths for V8's engine.
    expect(contextMatcher(`${'*a'.repeat(20)}*b`)('a'.repeat(2_000))).toBe(false);
    expect(contextMatcher(`${'*a'.repeat(20)}*b`)(`${'a'.repeat(2_000)}b`)).toBe(true);
    // A set of reached pattern positions would cost pattern × context here: 20 billion steps.
    expect(contextMatcher(`${'*a'.repeat(100_000)}*b`)('a'.repeat(200_000))).toBe(false);
    expect(contextMatcher(`*${'a'.repeat(100_000)}b*`)('a'.repeat(200_000))).toBe(false);
    expect(contextMatcher('*'.repeat(1_000_000))('a'.repeat(1_000_000))).toBe(true);
  });
});
