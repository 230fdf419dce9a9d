import { describe, expect, it } from 'vitest';
import { parseLintArgs } from './lint-options.js';

describe('parseLintArgs (the fast path of debship lint)', () => {
  it('reads what commander would, defaults included', () => {
    expect(parseLintArgs(['lint', 'a.deb', '-I', '--fail-on=warning', '--format', 'json', 'b.deb', '--debug', '--no-color'])).toEqual({
      files: ['a.deb', 'b.deb'],
      flags: { failOn: 'warning', format: 'json', displayInfo: true, debug: true, color: false },
    });
    expect(parseLintArgs(['--debug', 'lint', '-j', '3', 'x.deb'])).toEqual({ files: ['x.deb'], flags: { failOn: 'error', format: 'text', jobs: '3', debug: true } });
    expect(parseLintArgs(['lint', '-E', '--pedantic', 'x.deb'])?.flags).toEqual({ failOn: 'error', format: 'text', displayExperimental: true, pedantic: true });
  });

  it('leaves everything else to the full command line', () => {
    for (const argv of [['build'], ['lint', '--help'], ['lint', '-h'], ['lint', '--bogus'], ['lint', '--format'], [], ['--version']]) {
      expect(parseLintArgs(argv), argv.join(' ')).toBeUndefined();
    }
  });
});
