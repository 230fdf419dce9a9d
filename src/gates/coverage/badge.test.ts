import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { badgeColor, badgeSvg, badgeValue, textWidth, writeBadge } from './badge.js';

/** Parses `svg` as XML (throwing on any error) and returns its elements with their attributes and text. */
function parse(svg: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: { name: string; attributes: Record<string, string>; text: string }[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const el = { name: t.name, attributes: t.attributes as Record<string, string>, text: '' };
    elements.push(el);
    open.push(el);
  });
  parser.on('text', (t) => {
    if (open.length) open.at(-1)!.text += t;
  });
  parser.on('closetag', () => void open.pop());
  parser.write(svg).close();
  return elements;
}

describe('badge', () => {
  it('colours by percent like shields, grey when unknown', () => {
    const cases: [number | null, string][] = [
      [100, '#4c1'],
      [90, '#4c1'],
      [89.99, '#97ca00'],
      [80, '#97ca00'],
      [75, '#a4a61d'],
      [60, '#dfb317'],
      [50, '#fe7d37'],
      [49.9, '#e05d44'],
      [0, '#e05d44'],
      [null, '#9f9f9f'],
    ];
    for (const [p, color] of cases) expect([p, badgeColor(p)]).toEqual([p, color]);
  });

  it('shows whole percents rounded down, never more than measured', () => {
    expect(badgeValue(87.4)).toBe('87%');
    expect(badgeValue(99.99)).toBe('99%');
    expect(badgeValue(100)).toBe('100%');
    expect(badgeValue(null)).toBe('unknown');
  });

  it('is valid SVG with the label, the value, an accessible title and the colour', () => {
    const elements = parse(badgeSvg(87.1));
    const svg = elements[0]!;
    expect(svg.name).toBe('svg');
    expect(svg.attributes).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', height: '20', 'aria-label': 'coverage: 87%' });
    expect(elements.find((e) => e.name === 'title')?.text).toBe('coverage: 87%');
    expect(elements.filter((e) => e.name === 'text').map((e) => e.text)).toEqual(['coverage', 'coverage', '87%', '87%']);
    const rects = elements.filter((e) => e.name === 'rect' && e.attributes.fill?.startsWith('#'));
    expect(rects.map((r) => r.attributes.fill)).toContain('#97ca00');
  });

  it('sizes the two halves from the text widths, so a longer value makes a wider badge', () => {
    const width = (svg: string) => Number(parse(svg)[0]!.attributes.width);
    expect(width(badgeSvg(100))).toBeGreaterThan(width(badgeSvg(5)));
    expect(width(badgeSvg(null))).toBeGreaterThan(width(badgeSvg(100)));
    // Verdana 11px: "coverage" is about 51px wide, digits 7px each.
    expect(textWidth('coverage')).toBeGreaterThan(48);
    expect(textWidth('coverage')).toBeLessThan(54);
    expect(textWidth('00')).toBe(14);
    // The value half is its text plus 5px padding on each side.
    const valueRect = parse(badgeSvg(87)).find((e) => e.name === 'rect' && e.attributes.fill === '#97ca00')!;
    expect(Number(valueRect.attributes.width)).toBe(Math.round(textWidth('87%')) + 10);
  });

  it('escapes what it is given as a label', () => {
    const elements = parse(badgeSvg(50, 'a<b & "c"'));
    expect(elements.find((e) => e.name === 'title')?.text).toBe('a<b & "c": 50%');
  });

  it('is written atomically, creating the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'debship-badge-'));
    try {
      const file = join(dir, 'badges', 'coverage.svg');
      await writeBadge(file, 91);
      await writeBadge(file, 42);
      expect(readFileSync(file, 'utf8')).toBe(badgeSvg(42));
      expect(readdirSync(join(dir, 'badges'))).toEqual(['coverage.svg']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
