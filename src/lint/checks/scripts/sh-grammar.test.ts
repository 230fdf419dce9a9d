import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withByteFiles } from '../../test-helpers.js';
import { certainlyValidSh } from './sh-grammar.js';

/** The scripts `dash -n` rejects, of those given. */
function dashRejects(scripts: string[]): string[] {
  const loop = 'i=0; while [ $i -lt $1 ]; do /bin/dash -n "$i" </dev/null >/dev/null 2>&1 || echo $i; i=$((i + 1)); done';
  const out = withByteFiles(scripts, (_, dir) => execFileSync('/bin/sh', ['-c', loop, 'sh', String(scripts.length)], { cwd: dir, maxBuffer: 64 << 20 }));
  return out.toString().split('\n').filter(Boolean).map((i) => scripts[Number(i)]!);
}

const WORDS = ['echo', 'true', ':', 'x', '"$1"', "'a b'", '"a\\"b"', '$x', '${x}', '${x:-y}', '${#x}', '${x#*/}', '$(true)', '"$(echo a)"', '-d', '[', ']', '=', 'a#b', '\xe9', 'fi', 'done', '{a,b}'];
const REDIRECTS = ['>/dev/null', '2>&1', '>&2', '<x', '>>y', '2>/dev/null'];
const SEPARATORS = ['; ', ' && ', ' || ', ' | ', '\n', ' &\n', ';\n', ' &&\n'];
// What mutations insert: constructs the reader must refuse or get right.
const SOUP = ['if', 'then', 'elif', 'else', 'fi', 'while', 'do', 'done', 'for', 'in', 'case', 'esac', ';;', ')', '(', '{', '}', '!', ';', '&', '&&', '||', '|', '\n', '$((1))', '`true`', '<<EOF', 'f()', 'x=1', '#c', '\\\n', '\\', '\r', '$', '"', "'", '${', '$(', '|)', 'function', '[[', 'f\\\ni'];

/** Valid sh built from the constructs maintainer scripts use, from a seed. */
function script(seed: number): string {
  let state = seed >>> 0 || 1;
  const rnd = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const pick = <T>(a: readonly T[]) => a[rnd(a.length)]!;
  const simple = () => [pick(['echo', 'true', 'deb-systemd-helper', 'x=1 cmd', ':']), ...Array.from({ length: rnd(4) }, () => pick([...WORDS, ...REDIRECTS]))].join(' ');
  const list = (depth: number): string => Array.from({ length: 1 + rnd(3) }, () => command(depth)).join(pick(SEPARATORS));
  const command = (depth: number): string => {
    if (depth > 2) return simple();
    switch (rnd(10)) {
      case 0:
        return `if ${list(depth + 1)}; then\n${list(depth + 1)}\n${rnd(2) ? `elif ${simple()}; then ${list(depth + 1)}\n` : ''}${rnd(2) ? `else\n${list(depth + 1)}\n` : ''}fi${rnd(2) ? ' >/dev/null' : ''}`;
      case 1:
        return `${pick(['while', 'until'])} ${simple()}; do\n${list(depth + 1)}\ndone`;
      case 2:
        return `for v in ${pick(['a b', '"$@"', '', '$x'])}${pick(['; ', '\n'])}do ${list(depth + 1)}; done`;
      case 3:
        return `case "$1" in\n${pick(['configure', 'a|b', '(x)', '*'])})\n${rnd(2) ? list(depth + 1) : ''}\n;;\n${pick(['*)', 'abort-upgrade|abort-remove)'])} ${rnd(2) ? simple() : ''}${rnd(2) ? ' ;;' : ''}\nesac`;
      case 4:
        return `{ ${list(depth + 1)}; }`;
      case 5:
        return `( ${list(depth + 1)} )`;
      case 6:
        return `f${rnd(100)}() {\n${list(depth + 1)}\n}`;
      case 7:
        return `! ${simple()}`;
      default:
        return simple();
    }
  };
  return `#!/bin/sh\nset -e\n${list(0)}\n`;
}

/** The script with a few tokens of SOUP inserted and a few characters removed. */
function mutated(seed: number): string {
  let text = script(seed);
  let state = (seed * 7919) >>> 0 || 1;
  const rnd = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  for (let k = 1 + rnd(3); k > 0; k--) {
    const at = rnd(text.length);
    text = rnd(2) ? text.slice(0, at) + SOUP[rnd(SOUP.length)]! + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + rnd(3));
  }
  return text;
}

describe('the sh reader', () => {
  it('accepts the maintainer scripts of debhelper and debship', () => {
    const debhelper = [
      '#!/bin/sh',
      'set -e',
      '# Automatically added by dh_installsystemd/13.11.4',
      'if [ "$1" = "configure" ] || [ "$1" = "abort-upgrade" ] || [ "$1" = "abort-deconfigure" ] || [ "$1" = "abort-remove" ] ; then',
      "\tdeb-systemd-helper unmask 'demo.service' >/dev/null || true",
      "\tif deb-systemd-helper --quiet was-enabled 'demo.service'; then",
      "\t\tdeb-systemd-helper enable 'demo.service' >/dev/null || true",
      '\telse',
      "\t\tdeb-systemd-helper update-state 'demo.service' >/dev/null || true",
      '\tfi',
      'fi',
      'if [ -z "${DPKG_ROOT:-}" ] && [ -d /run/systemd/system ]; then',
      '\tsystemctl --system daemon-reload >/dev/null || true',
      '\tdeb-systemd-invoke $_dh_action \'demo.service\' >/dev/null || true',
      'fi',
      'case "$1" in',
      '    configure)',
      '    ;;',
      '    abort-upgrade|abort-remove|abort-deconfigure)',
      '    ;;',
      '    *)',
      '        echo "postinst called with unknown argument \\`$1\'" >&2',
      '        exit 1',
      '    ;;',
      'esac',
      'exit 0',
      '',
    ].join('\n');
    expect(certainlyValidSh(debhelper)).toBe(true);
    expect(certainlyValidSh('#!/bin/sh\nset -e\nif [ "$1" = configure ]; then\n  adduser --system --group --home /nonexistent demo\nfi\n')).toBe(true);
    expect(certainlyValidSh('')).toBe(true);
  });

  it('leaves to dash what it does not know, and what dash rejects', () => {
    for (const s of ['if true; then fi', 'cat <<EOF\nx\nEOF', 'echo `date`', 'echo $((1+1))', 'x\r', 'f\\\ni', 'true |', '{ true }', 'echo )', 'case x in esac) ;; esac', 'function f {\n:\n}', 'true & ;', 'echo $']) {
      expect(certainlyValidSh(s), s).toBe(false);
    }
  });

  it('never accepts what dash rejects', () => {
    const samples = [...Array.from({ length: 3000 }, (_, i) => script(i + 1)), ...Array.from({ length: 6000 }, (_, i) => mutated(i + 1)), ...fc.sample(fc.array(fc.constantFrom(...SOUP, ...WORDS, ...REDIRECTS, ' '), { maxLength: 12 }).map((a) => a.join(' ')), { numRuns: 3000, seed: 5 })];
    const accepted = samples.filter(certainlyValidSh);
    expect(dashRejects(accepted)).toEqual([]);
    expect(accepted.length).toBeGreaterThan(2000);
  }, 120_000);

  it('knows what dash accepts of the constructs maintainer scripts use', () => {
    // The generator's scripts are mostly valid (it nests and joins freely); dash says which.
    const generated = Array.from({ length: 3000 }, (_, i) => script(i + 1));
    const invalid = new Set(dashRejects(generated));
    const valid = generated.filter((s) => !invalid.has(s));
    expect(valid.length).toBeGreaterThan(1500);
    expect(valid.filter((s) => !certainlyValidSh(s))).toEqual([]);
  });

  it('reads long and deeply nested scripts without failing', () => {
    expect(certainlyValidSh(`${'echo "$x" >/dev/null || true\n'.repeat(100_000)}`)).toBe(true);
    expect(certainlyValidSh(`${'{ '.repeat(100_000)}true${'; }'.repeat(100_000)}`)).toBe(false);
  });
});
