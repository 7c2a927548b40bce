import { isAbsolute, relative } from 'node:path';
import type { LintFinding, LintReport } from './types.ts';

export type LintReportFormat = 'text' | 'json' | 'github';

/** Paths under the working directory as a person (and GitHub) names them: relative. */
function shown(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summary(report: LintReport): string {
  const kinds =
    report.messages > 0
      ? ` (${report.interactions - report.messages} HTTP, ${plural(report.messages, 'message')})`
      : '';
  const scope = `${plural(report.files, 'pact file')}, ${plural(report.interactions, 'interaction')}${kinds}, ${Math.round(report.durationMs)} ms`;
  if (report.errors > 0) return `✗ ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')} (${scope})`;
  if (report.warnings > 0) return `✓ no errors, ${plural(report.warnings, 'warning')} (${scope})`;
  return `✓ no problems (${scope})`;
}

function text(report: LintReport): string {
  const groups = new Map<string, LintFinding[]>();
  for (const finding of report.findings) groups.set(finding.file, [...(groups.get(finding.file) ?? []), finding]);
  const blocks = [...groups].map(([file, findings]) => {
    const lines = [file === '' ? 'not in a pact file' : shown(file)];
    for (const f of findings) {
      lines.push(`  ${f.severity.padEnd(7)}  ${f.code}${f.interaction === undefined ? '' : `  "${f.interaction}"`}`);
      if (f.path !== undefined) lines.push(`           at ${f.path}`);
      lines.push(`           ${f.message}`, `           → ${f.hint}`);
    }
    return lines.join('\n');
  });
  return [...blocks, summary(report)].join('\n\n');
}

function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** GitHub Actions workflow commands: one annotation per finding, on the pact file. */
function github(report: LintReport): string {
  return report.findings
    .map((f) => {
      const title = `${f.code}${f.interaction === undefined ? '' : ` (${f.interaction})`}`;
      const properties = [
        ...(f.file === '' ? [] : [`file=${escapeProperty(shown(f.file))}`]),
        `title=${escapeProperty(title)}`,
      ];
      const body = [f.message, ...(f.path === undefined ? [] : [`at ${f.path}`]), f.hint].join('\n');
      return `::${f.severity} ${properties.join(',')}::${escapeData(body)}`;
    })
    .join('\n');
}

/** The report for people (`text`), for programs (`json`), or as GitHub Actions annotations (`github`). */
export function formatLintReport(report: LintReport, format: LintReportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'github':
      return github(report);
    default:
      return text(report);
  }
}
