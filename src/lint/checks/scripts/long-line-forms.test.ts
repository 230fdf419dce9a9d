import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAD_COMMANDS } from './bad-commands.js';
import { adduserSystemLong, rmDeviceLong, startStopDaemonLong } from './long-line-forms.js';

// Pieces of the two rows' expressions and what sits between them, line ends included (`.` stops
// there, `\s` does not), so lines hit every branch and its near misses.
const PIECES = [
  'adduser', 'adduserx', '--system', '--home', '--homes', '/home/', '/home/svc', '/homex', '/var/lib/x', '"/home/x"', '"/srv"', '"$HOME"', '$', '${X}',
  '"', '/', 'start-stop-daemon', 'xstart-stop-daemon', '--stop', '--stopx', '--start', 'adduser --home /home/x', 'adduser --system', ' --system', ' --home "$HOME"', ' --home /var/x', ' --home "/home/x"', ' ', ' ', ' ', '  ', '\t', '\n', '\r', '\u2028', 'x', '-', '=', 'home/',
];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((p) => p.join(''));

// The rm row is anchored at the start: lines start with `rm` or near misses of it.
const RM_PIECES = ['/dev/', '/dev/x', '/dev/shm/', '/dev/.', '/dev/..', '/dev/.x', 'shm/', '.', '..', '/', '>', 'x', 'rm', ' ', ' ', '  ', '\t', '\n', '\u2028', '-f', '*'];
const rmLine = fc
  .tuple(fc.constantFrom('', ' ', '\t', ' \n'), fc.constantFrom('rm', 'rm', 'rmx', 'r'), fc.array(fc.constantFrom(...RM_PIECES), { maxLength: 14 }))
  .map(([lead, rm, rest]) => lead + rm + rest.join(''));

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

  it('find what the rm /dev row finds', () => {
    fc.assert(fc.property(rmLine, agree(expression('maintainer-script-removes-device-files'), rmDeviceLong)), { numRuns: 30_000, seed: 20261128 });
  });

  it('find matches in the generated lines (the properties compare something)', () => {
    const sample = fc.sample(line, { numRuns: 5_000, seed: 20261128 });
    expect(sample.filter((l) => startStopDaemonLong(l)).length).toBeGreaterThan(50);
    const adduser = sample.map((l) => adduserSystemLong(l)?.[0]).filter((m) => m !== undefined);
    // Both branches: a system user without a home, and a home under /home before --system.
    expect(adduser.some((m) => !m.includes('--home'))).toBe(true);
    expect(adduser.some((m) => /^adduser\s--home/.test(m))).toBe(true);
    const rm = fc.sample(rmLine, { numRuns: 5_000, seed: 20261128 }).map((l) => rmDeviceLong(l)?.[2]).filter((m) => m !== undefined);
    // Devices after other words, and the nearest of several to the first `>`.
    expect(rm.length).toBeGreaterThan(50);
    expect(rmDeviceLong('rm -f /dev/a /dev/b > /dev/c')?.[2]).toBe('/dev/b');
  });

  it('take linear time where the expressions take quadratic and cubic', () => {
    // 200,000 repetitions: the expressions would run for hours; the forms read the line a few times.
    const ssd = `${'start-stop-daemon '.repeat(200_000)}--stop`;
    expect(startStopDaemonLong(ssd)).toBeNull();
    const adduser = `${'adduser --system '.repeat(200_000)} --home /x`;
    expect(adduserSystemLong(adduser)).toBeNull();
    // Quadratic in the blanks after `rm` for the expression: 160,000 ran for 21 s.
    expect(rmDeviceLong(`rm${' '.repeat(1_000_000)}/dev/.x`)).toBeNull();
  });
});
