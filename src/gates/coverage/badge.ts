/**
 * A shields.io-style flat badge, "coverage | 87%", drawn locally so CI can publish it without a
 * badge service. Text widths come from a table of Verdana 11px advance widths; badges only hold
 * short ASCII words, so an estimate within a pixel or two is enough.
 */
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { makeDirs } from '../../core/make-dirs.js';

/** Colour thresholds, highest first, and shields' colour names' hex values. */
const COLORS: [min: number, color: string][] = [
  [90, '#4c1'], // brightgreen
  [80, '#97ca00'], // green
  [70, '#a4a61d'], // yellowgreen
  [60, '#dfb317'], // yellow
  [50, '#fe7d37'], // orange
  [0, '#e05d44'], // red
];
const UNKNOWN = '#9f9f9f'; // lightgrey

export function badgeColor(percent: number | null): string {
  if (percent === null) return UNKNOWN;
  return COLORS.find(([min]) => percent >= min)?.[1] ?? COLORS.at(-1)![1];
}

/** Advance widths in pixels of Verdana at 11px, printable ASCII from space (0x20) to `~` (0x7e). */
const WIDTHS = [
  3.87, 4.33, 5.05, 9.0, 7.0, 11.84, 7.99, 2.95, 4.99, 4.99, 7.0, 9.0, 4.0, 4.99, 4.0, 4.99, // space ! " # $ % & ' ( ) * + , - . /
  7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 4.99, 4.99, 9.0, 9.0, 9.0, 6.0, //          0-9 : ; < = > ?
  11.0, 7.52, 7.54, 7.68, 8.48, 6.96, 6.32, 8.53, 8.27, 4.61, 5.0, 7.62, 6.12, 9.27, 8.23, 8.66, // @ A-O
  6.63, 8.66, 7.65, 7.52, 6.78, 8.05, 7.52, 10.87, 7.54, 6.77, 7.54, 4.99, 4.99, 4.99, 9.0, 7.0, // P-Z [ \ ] ^ _
  7.0, 6.61, 6.82, 5.73, 6.82, 6.55, 3.87, 6.82, 6.96, 3.01, 3.79, 6.51, 3.01, 10.7, 6.96, 6.68, // ` a-o
  6.82, 6.82, 4.69, 5.73, 4.33, 6.96, 6.51, 8.98, 6.51, 6.51, 5.78, 6.98, 4.99, 6.98, 9.0, //       p-z { | } ~
];

/** Estimated rendered width in pixels; characters outside the table count as a wide letter. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    w += WIDTHS[code - 0x20] ?? (code >= 0x2e80 ? 11 : 7.5);
  }
  return w;
}

/** Whole percent, rounded down so a badge never claims more than was measured (99.6% is "99%"). */
export function badgeValue(percent: number | null): string {
  return percent === null ? 'unknown' : `${Math.floor(percent + 1e-9)}%`;
}

export function badgeSvg(percent: number | null, label = 'coverage'): string {
  const value = badgeValue(percent);
  const color = badgeColor(percent);
  const lw = Math.round(textWidth(label)) + 10;
  const vw = Math.round(textWidth(value)) + 10;
  const width = lw + vw;
  const title = xml(`${label}: ${value}`);
  // Text is laid out at 10× scale and scaled down, as shields does, for sub-pixel positions.
  const text = (s: string, center: number) => {
    const x = Math.round(center * 10);
    const len = Math.round(textWidth(s) * 10);
    return (
      `<text aria-hidden="true" x="${x}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="${len}">${xml(s)}</text>` +
      `<text x="${x}" y="140" transform="scale(.1)" fill="#fff" textLength="${len}">${xml(s)}</text>`
    );
  };
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">`,
    text(label, lw / 2),
    text(value, lw + vw / 2),
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Write the badge for `percent` to `file` atomically, creating its directory. */
export async function writeBadge(file: string, percent: number | null): Promise<void> {
  makeDirs(dirname(file));
  await writeFileAtomic(file, badgeSvg(percent));
}
