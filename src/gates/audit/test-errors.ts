/** Error checks shared by the audit readers' tests. */
import { expect } from 'vitest';
import { DebshipError } from '../../core/errors.js';
import { parseAuditReport } from './read.js';

/** The DebshipError `fn` throws; fails the test on anything else, or on no error. */
export function caught(fn: () => unknown): DebshipError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DebshipError) return e;
    throw e;
  }
  throw new Error('expected a DebshipError');
}

/** `doc` is rejected as an invalid report of `scanner`, with `message` naming what is wrong. */
export function expectInvalidShape(doc: unknown, scanner: string, message: string): void {
  const e = caught(() => parseAuditReport(JSON.stringify(doc), 'bad.json'));
  expect(e.code).toBe('audit-report-invalid');
  expect(e.message).toContain(`bad.json is not a valid ${scanner} report`);
  expect(e.message).toContain(message);
}
