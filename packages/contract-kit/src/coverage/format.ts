/** Coverage for people (text), for a pull request or wiki (markdown), for programs (JSON), or as a picture (SVG). */
import { consumersOf } from './compute-coverage.ts';
import { coverageSvg } from './svg.ts';
import type { Coverage, OperationCoverage, Reliance, ResponseCoverage } from './types.ts';

export type CoverageFormat = 'text' | 'markdown' | 'json' | 'svg';

export const coverageFormats: readonly CoverageFormat[] = ['text', 'markdown', 'json', 'svg'];

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

export function coverageHeadline(coverage: Coverage): string {
  const s = coverage.summary;
  return `${coverage.provider ?? 'The provider'}: ${s.operationsCovered} of ${s.operations} operations covered (${percent(s.operationsCovered, s.operations)}), ${s.responsesCovered} of ${s.responses} responses, ${s.fieldsReliedOn} of ${s.fields} response fields relied on (${percent(s.fieldsReliedOn, s.fields)}); ${plural(s.consumers.length, 'consumer')} (${s.consumers.join(', ') || 'none'}), ${plural(s.interactions, 'interaction')}`;
}

function who(reliances: readonly Reliance[]): string {
  return consumersOf(reliances)
    .map(
      (consumer) => `${consumer} (${plural(reliances.filter((r) => r.consumer === consumer).length, 'interaction')})`,
    )
    .join(', ');
}

const operationName = (o: OperationCoverage) => `${o.method} ${o.path}`;
const uncoveredOperations = (c: Coverage) => c.operations.filter((o) => o.reliedOnBy.length === 0);

function unreadFields(response: ResponseCoverage): string[] {
  return response.fields.filter((f) => f.reliedOnBy.length === 0).map((f) => f.path);
}

function text(coverage: Coverage): string {
  const lines = [coverageHeadline(coverage)];
  for (const operation of coverage.operations) {
    if (operation.reliedOnBy.length === 0) continue;
    lines.push('', `${operationName(operation)}  relied on by ${who(operation.reliedOnBy)}`);
    const unused: string[] = [];
    for (const response of operation.responses) {
      if (response.reliedOnBy.length === 0) {
        unused.push(response.status);
        continue;
      }
      lines.push(`  ${response.status}  ${response.reliedOnBy.map((r) => `"${r.interaction}"`).join(', ')}`);
      for (const field of response.fields.filter((f) => f.reliedOnBy.length > 0)) {
        lines.push(`       ${field.path.padEnd(28)} ${who(field.reliedOnBy)}`);
      }
      for (const field of response.undocumentedFields) {
        lines.push(`       ${field.path.padEnd(28)} ${who(field.reliedOnBy)}, not in the schema`);
      }
      const unread = unreadFields(response);
      if (unread.length > 0) lines.push(`       no consumer reads: ${unread.join(', ')}`);
    }
    for (const s of operation.undocumentedStatuses) {
      lines.push(`  ${s.status}  not in the document, expected by ${who(s.reliedOnBy)}`);
    }
    if (unused.length > 0) lines.push(`  no consumer relies on: ${unused.join(', ')}`);
  }
  const uncovered = uncoveredOperations(coverage);
  lines.push(
    '',
    `Relied on by no consumer: ${uncovered.length === 0 ? 'none' : uncovered.map(operationName).join(', ')}`,
  );
  if (coverage.unmatched.length > 0) {
    lines.push(
      `Interactions matching no operation of the document: ${coverage.unmatched.map((u) => `${u.consumer} "${u.interaction}" (${u.request})`).join(', ')}`,
    );
  }
  return lines.join('\n');
}

function cell(value: string): string {
  return value.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function markdown(coverage: Coverage): string {
  const s = coverage.summary;
  const out = [
    `### Contract coverage: ${coverage.provider ?? 'provider'}`,
    '',
    `**${s.operationsCovered} of ${s.operations} operations** covered, ${s.responsesCovered} of ${s.responses} responses, **${s.fieldsReliedOn} of ${s.fields} response fields** relied on, by ${s.consumers.join(', ') || 'no consumer'}.`,
    '',
    '| Operation | Consumers | Statuses relied on | Fields relied on |',
    '|---|---|---|---|',
  ];
  for (const o of coverage.operations) {
    const statuses = o.responses.filter((r) => r.reliedOnBy.length > 0);
    const fields = statuses.reduce((n, r) => n + r.fields.filter((f) => f.reliedOnBy.length > 0).length, 0);
    const total = statuses.reduce((n, r) => n + r.fields.length, 0);
    out.push(
      `| \`${cell(operationName(o))}\` | ${o.consumers.join(', ') || '—'} | ${statuses.map((r) => r.status).join(', ') || '—'} | ${statuses.length === 0 ? '—' : `${fields} of ${total}`} |`,
    );
  }
  for (const o of coverage.operations.filter((x) => x.reliedOnBy.length > 0)) {
    out.push('', `<details><summary><code>${operationName(o)}</code></summary>`, '');
    out.push('| Status | Field | Relied on by |', '|---|---|---|');
    for (const r of o.responses.filter((x) => x.reliedOnBy.length > 0)) {
      out.push(`| ${r.status} | | ${cell(r.reliedOnBy.map((x) => `${x.consumer}: ${x.interaction}`).join('<br>'))} |`);
      for (const f of r.fields) {
        out.push(`| | \`${cell(f.path)}\` | ${f.reliedOnBy.length === 0 ? 'no consumer' : cell(who(f.reliedOnBy))} |`);
      }
    }
    out.push('', '</details>');
  }
  const uncovered = uncoveredOperations(coverage);
  out.push('', `Relied on by no consumer: ${uncovered.map((o) => `\`${operationName(o)}\``).join(', ') || 'none'}.`);
  return out.join('\n');
}

export function formatCoverage(coverage: Coverage, format: CoverageFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(coverage, null, 2);
    case 'markdown':
      return markdown(coverage);
    case 'svg':
      return coverageSvg(coverage);
    default:
      return text(coverage);
  }
}
