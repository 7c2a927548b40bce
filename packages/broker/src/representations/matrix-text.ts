import type { MatrixResult } from '../matrix/matrix.ts';

/** The matrix as a plain-text table (`Accept: text/plain`), like the CLI prints it, then the summary's reason. */
export function matrixText(result: MatrixResult): string {
  const header = ['CONSUMER', 'C.VERSION', 'PROVIDER', 'P.VERSION', 'SUCCESS?'];
  const rows = result.rows.map((r) => [
    r.consumerName,
    r.consumerVersionNumber,
    r.providerName,
    r.providerVersionNumber ?? '???',
    r.verificationNumber === null ? '???' : String(r.success),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join(' | ')
      .trimEnd();
  const table = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
  return `${table.join('\n')}\n\n${result.summary.reason}\n`;
}
