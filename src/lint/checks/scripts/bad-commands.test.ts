import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONG } from '../../bounded-pattern.js';
import { BAD_COMMANDS } from './bad-commands.js';

// Words of the commands' patterns and of shell lines around them. Lines are built from these,
// whole or with one character changed (`invoke-rc.d` becomes `invoke-rcXd`, which `invoke-rc.d`
// in a regex still matches), so every pattern gets matching lines and near misses.
const WORDS = [
  'install-info', 'rm', '-f', '/dev/sda1', '/dev/shm/x', 'invoke-rc.d', 'foo', 'start', '||', 'exit', '0', 'cp', 'mv', '>',
  '/etc/ld.so.conf', '/etc/services', '/etc/protocols', '/etc/rpc', 'grep', 'egrep', '/etc/passwd', '/etc/group', 'adduser',
  '--system', '--home', '/home/svc', '/var/lib/svc', '"$HOME"', 'chown', 'root.root', 'root:root', 'chmod', '-R', '--recursive',
  'find', '-exec', 'dpkg-maintscript-helper', 'symlink_to_dir', '/usr/share/doc/x/', 'fc-cache', '/usr/bin/fc-cache',
  'gconftool', 'gconftool-2', 'install-sgmlcatalog', 'PIUPARTS_TEST', 'PIUPARTS_OBJECTS', 'PIUPARTS_PHASE',
  'PIUPARTS_DISTRIBUTION_NEXT', 'start-stop-daemon', '--stop', 'update-alternatives', '--remove', '--set', '--set-selections', '--config', 'echo', "'", 'if', 'then', 'do', '!', 'env', 'A=1', ';',
  '`', '&&', '(', '{',
  // Whole commands, which random words seldom line up to.
  'invoke-rc.d foo start || exit 0', 'dpkg-maintscript-helper symlink_to_dir /usr/share/doc/x/ 1.0', 'adduser --system --home /home/svc svc',
  'chmod -R 0755 /srv', 'find /srv -exec chown root.root', 'update-alternatives --remove x /usr/bin/x', 'rm -f /dev/sda1',
  'cp x /etc/services', 'grep -q svc /etc/passwd', 'start-stop-daemon --start --exec /usr/bin/x', 'update-alternatives --set x /usr/bin/x',
];

const mutated = (word: string) =>
  fc.tuple(fc.nat(word.length - 1), fc.constantFrom('X', '.', '-', ' ', '/', '\\')).map(([at, ch]) => word.slice(0, at) + ch + word.slice(at + 1));
const word = fc.constantFrom(...WORDS).chain((w) => fc.oneof({ weight: 4, arbitrary: fc.constant(w) }, { weight: 1, arbitrary: mutated(w) }));
// Words apart by one space mostly, sometimes by more or by tabs (patterns that span `\s+`).
const gap = fc.oneof({ weight: 6, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.constantFrom('  ', '\t', ' \t') });
const line = fc
  .tuple(fc.constantFrom('', ' ', '  ', '\t'), fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: 8 }), fc.constantFrom('', ' ', '\t'))
  .map(([lead, words, tail]) => lead + words.map(([w, g], i) => (i ? g : '') + w).join('') + tail);

describe("the bad commands' literals", () => {
  it('are in every line the command matches, so lines without them can be skipped', () => {
    const matched = new Set<string>();
    fc.assert(
      fc.property(line, (l) => {
        for (const bad of BAD_COMMANDS) {
          if (!bad.command.test(l)) continue;
          matched.add(bad.tag.name);
          expect(l, bad.tag.name).toContain(bad.literal);
        }
      }),
      { numRuns: 20_000, seed: 20261127 },
    );
    // Every command matched some generated lines: the property was tested on each.
    expect([...matched].sort()).toEqual(BAD_COMMANDS.map((b) => b.tag.name).sort());
  });
});

describe('the bad commands on long lines', () => {
  // Past LONG characters a row runs on V8's linear engine or on its long-line form: the same
  // matches as its expression, which the padding leaves cheap to run here.
  const padding = fc.constantFrom(' '.repeat(LONG), 'true; '.repeat(LONG / 6 + 1), `${'x'.repeat(LONG)}\n`);
  const long = fc.tuple(line, padding, fc.boolean()).map(([l, pad, before]) => (before ? pad + l : l + pad));

  it('match as their expressions', () => {
    const matched = new Set<string>();
    fc.assert(
      fc.property(long, (l) => {
        for (const bad of BAD_COMMANDS) {
          if (!l.includes(bad.literal)) continue;
          const want = new RegExp(bad.command.source).exec(l);
          const got = bad.command.exec(l);
          expect(got && [got.index, ...got], `${bad.tag.name}: ${JSON.stringify(l)}`).toEqual(want && [want.index, ...want]);
          if (want) matched.add(bad.tag.name);
        }
      }),
      { numRuns: 3_000, seed: 20261128 },
    );
    expect([...matched].sort()).toEqual(BAD_COMMANDS.map((b) => b.tag.name).sort());
  });
});
