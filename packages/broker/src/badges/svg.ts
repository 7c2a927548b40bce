/**
 * Small self-made badges (no shields.io round trip, no web fonts): a grey label and a coloured status, in the
 * shields.io flat layout. Widths come from a per-character estimate for Verdana 11px, the fallback fonts'
 * metrics being close enough for a badge.
 */
export type BadgeColour = 'green' | 'red' | 'orange' | 'grey';

const FILL: Record<BadgeColour, string> = { green: '#4c1', red: '#e05d44', orange: '#fe7d37', grey: '#9f9f9f' };

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Roughly how wide `text` is at 11px: narrow, wide and average glyphs. */
function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += /[iljtf.,:;'|!]/.test(c) ? 3.5 : /[mwMW@]/.test(c) ? 10 : /[A-Z]/.test(c) ? 7.5 : 6.5;
  return Math.ceil(width);
}

/** A badge; the label and status are escaped, so any pacticipant or tag name is safe in it. */
export function badgeSvg(label: string, status: string, colour: BadgeColour): string {
  const left = textWidth(label) + 10;
  const right = textWidth(status) + 10;
  const total = left + right;
  const l = escapeXml(label);
  const s = escapeXml(status);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${l}: ${s}">`,
    `<title>${l}: ${s}</title>`,
    `<rect width="${left}" height="20" fill="#555"/>`,
    `<rect x="${left}" width="${right}" height="20" fill="${FILL[colour]}"/>`,
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">',
    `<text x="${left / 2}" y="14">${l}</text>`,
    `<text x="${left + right / 2}" y="14">${s}</text>`,
    '</g></svg>',
  ].join('');
}
