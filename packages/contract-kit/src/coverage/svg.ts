/**
 * A picture of the provider's API surface: one band per operation, one row per status, one chip per
 * response field, coloured by how many consumers rely on it (grey: none). Statuses no consumer relies
 * on share one row, to keep the picture about what is relied on.
 */
import { consumersOf } from './compute-coverage.ts';
import type { Coverage, OperationCoverage, Reliance } from './types.ts';

const width = 960;
const charWidth = 7.2;
const chipHeight = 20;
const gap = 6;
const margin = 16;
const statusColumn = 64;

const shades = ['#e5e7eb', '#86efac', '#22c55e', '#15803d'];

function shade(reliances: readonly Reliance[]): { fill: string; ink: string } {
  const count = Math.min(consumersOf(reliances).length, shades.length - 1);
  return { fill: shades[count] as string, ink: count >= 2 ? '#ffffff' : count === 0 ? '#6b7280' : '#14532d' };
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function chip(
  x: number,
  y: number,
  label: string,
  reliances: readonly Reliance[],
  title: string,
): { svg: string; width: number } {
  const w = Math.ceil(label.length * charWidth + 12);
  const { fill, ink } = shade(reliances);
  return {
    width: w,
    svg: `<g><title>${escapeXml(title)}</title><rect x="${x}" y="${y}" width="${w}" height="${chipHeight}" rx="4" fill="${fill}"/><text x="${x + 6}" y="${y + 14}" fill="${ink}">${escapeXml(label)}</text></g>`,
  };
}

function describe(reliances: readonly Reliance[]): string {
  return reliances.length === 0
    ? 'relied on by no consumer'
    : `relied on by ${reliances.map((r) => `${r.consumer}: ${r.interaction}`).join('; ')}`;
}

function operationBand(operation: OperationCoverage, top: number): { svg: string[]; height: number } {
  const svg: string[] = [];
  const covered = operation.reliedOnBy.length > 0;
  const header = `${operation.method} ${operation.path}`;
  const consumers = consumersOf(operation.reliedOnBy);
  svg.push(
    `<rect x="${margin}" y="${top}" width="${width - 2 * margin}" height="24" rx="4" fill="${covered ? '#1f2937' : '#9ca3af'}"/>`,
    `<text x="${margin + 8}" y="${top + 16}" fill="#ffffff" font-weight="bold">${escapeXml(header)}</text>`,
    `<text x="${width - margin - 8}" y="${top + 16}" fill="#ffffff" text-anchor="end">${escapeXml(covered ? consumers.join(', ') : 'no consumer')}</text>`,
  );
  let y = top + 24 + gap;
  for (const response of operation.responses.filter((r) => r.reliedOnBy.length > 0)) {
    svg.push(
      chip(
        margin,
        y,
        response.status,
        response.reliedOnBy,
        `${header} ${response.status}: ${describe(response.reliedOnBy)}`,
      ).svg,
    );
    let x = margin + statusColumn;
    for (const field of response.fields) {
      const label = field.path.replace(/^\$\./, '');
      const w = Math.ceil(label.length * charWidth + 12);
      if (x + w > width - margin) {
        x = margin + statusColumn;
        y += chipHeight + gap;
      }
      const title = `${header} ${response.status} ${field.path}: ${describe(field.reliedOnBy)}`;
      const item = chip(x, y, label, field.reliedOnBy, title);
      svg.push(item.svg);
      x += item.width + gap;
    }
    y += chipHeight + gap;
  }
  // Statuses no consumer relies on: one row of chips, their fields counted in the tooltip.
  const unused = operation.responses.filter((r) => r.reliedOnBy.length === 0);
  if (unused.length > 0) {
    let x = margin;
    for (const response of unused) {
      const title = `${header} ${response.status} (${response.fields.length} fields): relied on by no consumer`;
      const item = chip(x, y, response.status, [], title);
      svg.push(item.svg);
      x += item.width + gap;
    }
    svg.push(`<text x="${x + 4}" y="${y + 14}" fill="#6b7280">relied on by no consumer</text>`);
    y += chipHeight + gap;
  }
  return { svg, height: y - top };
}

export function coverageSvg(coverage: Coverage): string {
  const s = coverage.summary;
  const body: string[] = [
    `<text x="${margin}" y="${margin + 12}" font-size="14" font-weight="bold">${escapeXml(`${coverage.provider ?? 'Provider'}: ${s.operationsCovered} of ${s.operations} operations, ${s.fieldsReliedOn} of ${s.fields} response fields relied on`)}</text>`,
  ];
  let x = margin;
  const legendTop = margin + 22;
  for (const [label, count] of [
    ['no consumer', 0],
    ['1 consumer', 1],
    ['2 consumers', 2],
    ['3 or more', 3],
  ] as const) {
    const fake = Array.from({ length: count }, (_, i) => ({ consumer: String(i), interaction: '' }));
    const item = chip(x, legendTop, label, fake, label);
    body.push(item.svg);
    x += item.width + gap;
  }
  let y = legendTop + chipHeight + 2 * gap;
  for (const operation of coverage.operations) {
    const band = operationBand(operation, y);
    body.push(...band.svg);
    y += band.height + gap;
  }
  const height = y + margin - gap;
  const label = `Contract coverage of ${coverage.provider ?? 'the provider'}: which operations, statuses and response fields consumers rely on`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" font-size="12">`,
    `<title>${escapeXml(label)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
