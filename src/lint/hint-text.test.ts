import { describe, expect, it } from 'vitest';
import { note, pointed, pointedAt } from './hint-text.js';

describe('hint text', () => {
  it('joins the non-empty notes, trimmed, with newlines escaped', () => {
    expect(note(' a ', '', 'b\nc')).toBe('a b\\nc');
    expect(note('', '(lines 4 5)')).toBe('(lines 4 5)');
    expect(note(0o644, 'x')).toBe('420 x');
    expect(note()).toBe('');
  });

  it('puts the pointer last, with a line when there is one', () => {
    expect(pointed('usr/bin/x', '0600', '!=', '0644')).toBe('0600 != 0644 [usr/bin/x]');
    expect(pointed('conffiles:2')).toBe('[conffiles:2]');
    expect(pointedAt('postinst', 3, 'systemctl')).toBe('systemctl [postinst:3]');
    expect(pointedAt('postinst', 0)).toBe('[postinst]');
    expect(pointed('overrides/pkg', '', '(lines 4 5)')).toBe('(lines 4 5) [overrides/pkg]');
  });
});
