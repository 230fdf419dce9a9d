import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAD_COMMANDS } from './bad-commands.js';
import { adduserSystemLong, startStopDaemonLong } from './long-line-forms.js';

// Pieces of the two rows' expressions and what sits between them, line ends included (`.` stops
// there, `\s` does not), so lines hit every branch and its near misses.
const PIECES = [
  'adduser', 'adduserx', '--system', '--home', '--homes', '/home/', '/home/svc', '/homex', '/var/lib/x', '"/home/x"', '"/srv"', '"$HOME"', '$', '${X}',
  '"', '/', 'start-stop-daemon', 'xstart-stop-daemon', '--stop', '--stopx', '--start', 'adduser --home /home/x', 'adduser --system', ' --system', ' --home "$HOME"', ' --home /var/x', ' --home "/home/x"', ' ', ' ', ' ', '  ', '\t', '\n', '\r', '\u2028', 'x', '-', '=', 'home/',
];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((p) => p.join(''));

function expression(tag: string): RegExp {
  return new RegExp(BAD_COMMANDS.find((b) => b.tag.name === tag)!.command.source);
}

const agree = (re: RegExp, form: (l: string) => RegExpExecArray | null) => (l: string) => {
  const want = re.exec(l);
  const got = form(l);
  expect(got && { index: got.index, match: [...got] }, JSON.stringify(l)).toEqual(want && { index: want.index, match: [...want] });
};

describe('the long-line forms of the bad-command rows', () => {
  it('find what the start-stop-daemon row finds', () => {
    fc.assert(fc.property(line, agree(expression('maintainer-script-calls-start-stop-daemon'), startStopDaemonLong)), { numRuns: 30_000, seed: 20261128 });
  });

  it('find what the adduser row finds', () => {
    fc.assert(fc.property(line, agree(expression('maintainer-script-lacks-home-in-adduser'), adduserSystemLong)), { numRuns: 30_000, seed: 20261128 });
  });

  it('find matches in the generated lines (the properties compare something)', () => {
    const sample = fc.sample(line, { numRuns: 5_000, seed: 20261128 });
    expect(sample.filter((l) => startStopDaemonLong(l)).length).toBeGreaterThan(50);
    const adduser = sample.map((l) => adduserSystemLong(l)?.[0]).filter((m) => m !== undefined);
    // Both branches: a system user without a home, and a home under /home before --system.
    expect(adduser.some((m) => !m.includes('--home'))).toBe(true);
    expect(adduser.some((m) => /^adduser\s--home/.test(m))).toBe(true);
  });

  it('take linear time where the expressions take quadratic and cubic', () => {
    // 200,000 repetitions: the expressions would run for hours; the forms read the line a few times.
    const ssd = `${'start-stop-daemon '.repeat(200_000)}--stop`;
    expect(startStopDaemonLong(ssd)).toBeNull();
    const adduser = `${'adduser --system '.repeat(200_000)} --home /x`;
    expect(adduserSystemLong(adduser)).toBeNull();
  });
});
