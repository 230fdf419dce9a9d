import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { linearRegExp } from './bounded-pattern.js';
import { withLinearFallback } from './linear-fallback.js';

// V8 refuses a code cache made under other flags: a flag left set would cost every later start
// of debship its cache (src/cli/code-cache.ts). Sources differ only in a comment of fixed width,
// so each compiles afresh and the cache still fits it.
const source = (n: number) => `/*${String(n).padStart(6, '0')}*/ function f() { return ${'1 + '.repeat(50)}1; } f();`;

describe("V8's flags around the linear engine", () => {
  it('are as they were once a lint and a linear expression are done', async () => {
    const cache = new Script(source(1), { filename: 'probe.js' }).createCachedData();
    await withLinearFallback(async () => {
      // During the lint they differ: the same check sees a cache refused then.
      expect(new Script(source(2), { filename: 'probe.js', cachedData: cache }).cachedDataRejected).toBe(true);
    });
    expect(linearRegExp('a.*b').test('xaxb')).toBe(true);
    expect(new Script(source(3), { filename: 'probe.js', cachedData: cache }).cachedDataRejected).toBe(false);
  });

  it('stay set while any of several overlapping lints runs', async () => {
    const cache = new Script(source(4), { filename: 'probe.js' }).createCachedData();
    let release!: () => void;
    const first = withLinearFallback(() => new Promise<void>((r) => (release = r)));
    await withLinearFallback(async () => {});
    // The second lint ended, the first has not: the fallback is still on.
    expect(new Script(source(5), { filename: 'probe.js', cachedData: cache }).cachedDataRejected).toBe(true);
    release();
    await first;
    expect(new Script(source(6), { filename: 'probe.js', cachedData: cache }).cachedDataRejected).toBe(false);
  });
});
