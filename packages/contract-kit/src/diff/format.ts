/** A diff report for people (text), for a pull request (markdown), for GitHub Actions (annotations), or as JSON. */
import type { DiffReport, PactPairDiff } from './compare-sides.ts';
import type { DeployedProvider } from './deployed.ts';
import type { FieldChange, Impact, InteractionDiff } from './types.ts';

export type DiffFormat = 'text' | 'markdown' | 'github' | 'json';

export const diffFormats: readonly DiffFormat[] = ['text', 'markdown', 'github', 'json'];

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function where(change: FieldChange): string {
  const area = change.area === 'content-type' ? 'body content type' : change.area;
  return [change.part === 'interaction' ? '' : change.part, area, change.field].filter((s) => s !== '').join(' ');
}

function what(change: FieldChange): string {
  const kind = change.kind.replaceAll('-', ' ');
  const show = (side: FieldChange['before']) =>
    side === undefined ? '' : side.example !== undefined ? JSON.stringify(side.example) : side.type;
  if (change.kind === 'matcher-changed') return `${kind}: ${change.before?.matcher} → ${change.after?.matcher}`;
  if (change.kind === 'added') return `${kind} (${change.after?.matcher})`;
  if (change.kind === 'removed') return kind;
  return `${kind}: ${show(change.before)} → ${show(change.after)}`;
}

function counts(pair: PactPairDiff): string {
  const s = pair.diff.summary;
  return `${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.unchanged} unchanged interactions; ${s.breaking} breaking, ${s.relaxing} relaxing, ${s.neutral} neutral changes`;
}

function openapiNote(pair: PactPairDiff, interaction: InteractionDiff): string | undefined {
  const verdict = pair.verdicts[interaction.key]?.openapi;
  // Only a breaking interaction needs the schema's word: the rest asks nothing new of the provider.
  if (verdict === undefined || interaction.impact !== 'breaking') return undefined;
  if (verdict === 'unjudged') return 'OpenAPI: not judged';
  return verdict.satisfied
    ? 'OpenAPI: the provider’s schema already satisfies it'
    : `OpenAPI: the provider’s schema does not satisfy it: ${verdict.problems.join('; ')}`;
}

function deployedLine(d: DeployedProvider): string {
  return `${d.environment}: ${d.how} version ${d.version}: old pact ${d.old}, new pact ${d.new}`;
}

function headline(report: DiffReport): string {
  const pairs = report.pairs;
  const changed = pairs.filter((p) => p.diff.interactions.some((i) => i.change !== 'unchanged'));
  if (changed.length === 0) return `No contract changes between ${report.old} and ${report.new}.`;
  if (report.blocking) {
    const blocking = pairs.flatMap((p) => p.diff.interactions.filter((i) => p.verdicts[i.key]?.blocking));
    return `✗ Breaking for the provider: ${plural(blocking.length, 'interaction')} (${blocking.map((i) => `"${i.description}"`).join(', ')}).`;
  }
  const cleared = pairs.filter((p) => p.diff.impact === 'breaking');
  if (cleared.length > 0) {
    const why = cleared.map((p) =>
      p.deployed?.length === 0
        ? `no version of ${p.provider} is deployed or released`
        : p.deployed !== undefined && !Object.values(p.verdicts).some((v) => v.blocking)
          ? `${p.provider}’s OpenAPI document already satisfies each breaking interaction (static check)`
          : p.deployed !== undefined
            ? `every deployed or released version of ${p.provider} has verified the new pact`
            : `${p.provider}’s OpenAPI document already satisfies each breaking interaction (static check)`,
    );
    return `✓ Breaking changes, but nothing they break: ${[...new Set(why)].join('; ')}.`;
  }
  const relaxing = pairs.some((p) => p.diff.impact === 'relaxing');
  return relaxing
    ? '✓ Nothing breaking: the changes are relaxing or neutral for the provider.'
    : '✓ Nothing breaking: the changes are neutral for the provider.';
}

function text(report: DiffReport): string {
  const blocks = report.pairs.map((pair) => {
    const lines = [
      `${pair.consumer} → ${pair.provider}: ${pair.oldOrigin ?? '(none)'} → ${pair.newOrigin ?? '(none)'}`,
      `  ${counts(pair)}`,
    ];
    for (const interaction of pair.diff.interactions) {
      if (interaction.change === 'unchanged') continue;
      lines.push(
        '',
        `  ${interaction.impact.padEnd(8)}  ${interaction.change.padEnd(7)}  "${interaction.description}" (${interaction.request})`,
      );
      if (interaction.reason) lines.push(`            ${interaction.reason}`);
      for (const change of interaction.changes) {
        lines.push(
          `    ${change.impact.padEnd(8)}  ${where(change)}: ${what(change)}`,
          `              ${change.reason}`,
        );
      }
      const note = openapiNote(pair, interaction);
      if (note) lines.push(`            ${note}`);
    }
    if (pair.deployed) {
      lines.push('', '  Provider versions in environments (broker):');
      if (pair.deployed.length === 0) lines.push('    none deployed or released: nothing in an environment to break');
      for (const d of pair.deployed) lines.push(`    ${deployedLine(d)}`);
    }
    return lines.join('\n');
  });
  return [...blocks, headline(report)].join('\n\n');
}

const badge: Record<Impact, string> = { breaking: '🔴 breaking', relaxing: '🟢 relaxing', neutral: '⚪ neutral' };

function cell(value: string): string {
  return value.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function markdown(report: DiffReport): string {
  const out: string[] = [`### Contract diff: \`${report.old}\` → \`${report.new}\``, '', headline(report)];
  for (const pair of report.pairs) {
    out.push('', `#### ${pair.consumer} → ${pair.provider}`, '', counts(pair));
    const changed = pair.diff.interactions.filter((i) => i.change !== 'unchanged');
    if (changed.length === 0) continue;
    out.push('', '| Impact | Interaction | Request | Change |', '|---|---|---|---|');
    for (const i of changed) {
      out.push(`| ${badge[i.impact]} | ${cell(i.description)} | \`${cell(i.request)}\` | ${i.change} |`);
    }
    for (const i of changed) {
      const note = openapiNote(pair, i);
      out.push(
        '',
        `<details${i.impact === 'breaking' ? ' open' : ''}><summary><b>${cell(i.description)}</b> (${i.change}, ${i.impact})</summary>`,
        '',
      );
      if (i.reason) out.push(i.reason, '');
      if (i.changes.length > 0) {
        out.push('| Impact | Where | Change | Why |', '|---|---|---|---|');
        for (const c of i.changes) {
          out.push(`| ${badge[c.impact]} | \`${cell(where(c))}\` | ${cell(what(c))} | ${cell(c.reason)} |`);
        }
        out.push('');
      }
      if (note) out.push(note, '');
      out.push('</details>');
    }
    if (pair.deployed) {
      out.push('', `Provider versions in environments (from the broker):`, '');
      if (pair.deployed.length === 0) out.push('None deployed or released: nothing in an environment to break.');
      else {
        out.push('| Environment | Provider version | | Old pact | New pact |', '|---|---|---|---|---|');
        for (const d of pair.deployed)
          out.push(`| ${d.environment} | ${cell(d.version)} | ${d.how} | ${d.old} | ${d.new} |`);
      }
    }
  }
  return out.join('\n');
}

function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One annotation per changed interaction: an error when it blocks, a warning when breaking but cleared, a notice otherwise. */
function github(report: DiffReport): string {
  const lines: string[] = [];
  for (const pair of report.pairs) {
    for (const i of pair.diff.interactions) {
      if (i.change === 'unchanged') continue;
      const level =
        pair.verdicts[i.key]?.blocking && pair.blocking ? 'error' : i.impact === 'breaking' ? 'warning' : 'notice';
      const title = `${i.impact} contract change: ${i.description}`;
      const target = pair.files?.new ?? pair.files?.old;
      const properties = [...(target ? [`file=${escapeProperty(target)}`] : []), `title=${escapeProperty(title)}`];
      const body = [
        `${pair.consumer} → ${pair.provider}, ${i.request}: ${i.change}`,
        ...(i.reason ? [i.reason] : []),
        ...i.changes.map((c) => `${c.impact}: ${where(c)}: ${what(c)}. ${c.reason}`),
        ...[openapiNote(pair, i)].filter((n): n is string => n !== undefined),
      ].join('\n');
      lines.push(`::${level} ${properties.join(',')}::${escapeData(body)}`);
    }
  }
  return lines.join('\n');
}

export function formatDiffReport(report: DiffReport, format: DiffFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'markdown':
      return markdown(report);
    case 'github':
      return github(report);
    default:
      return text(report);
  }
}
