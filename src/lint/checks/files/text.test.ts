import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflate, MAX_INFLATED } from './text.js';

describe('inflating a file the checks read', () => {
  it('gives the data, and nothing for damaged data or data inflating past the limit', () => {
    expect(inflate(gzipSync('hello'))?.toString()).toBe('hello');
    expect(inflate(Buffer.from('not gzip'))).toBeUndefined();
    expect(inflate(gzipSync(Buffer.alloc(1000)), 999)).toBeUndefined();
    // a compression bomb: 80 KB that would inflate to 80 MiB
    expect(inflate(gzipSync(Buffer.alloc(MAX_INFLATED + (16 << 20))))).toBeUndefined();
  });
});
