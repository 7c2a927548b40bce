import type { MatrixRow } from './rows.ts';

export interface MatrixNotice {
  type: 'success' | 'error' | 'warning' | 'info';
  text: string;
}

export interface MatrixSummary {
  deployable: boolean | null;
  reason: string;
  success: number;
  failed: number;
  unknown: number;
  ignored?: number;
}

export interface SummaryContext {
  /** Texts for specified selectors that matched no version. */
  missing: string[];
  /** How to name the provider side of an unverified row, e.g. "the version of Bar currently in production". */
  describeTarget(row: MatrixRow): string;
  /** Whether ignore selectors were given: only then is `ignored` counted. */
  ignoring: boolean;
}

/**
 * Deployable when every considered row has a successful verification. Not deployable when a specified version
 * does not exist, or a verification failed. Unknown (null) when a row has no verification yet, so clients can
 * poll with `--retry-while-unknown`.
 */
export function summarize(rows: MatrixRow[], ctx: SummaryContext): { summary: MatrixSummary; notices: MatrixNotice[] } {
  const considered = rows.filter((r) => !r.ignored);
  const ignored = rows.filter((r) => r.ignored);
  const failed = considered.filter((r) => r.success === false);
  const unknown = considered.filter((r) => r.success === null);
  const succeeded = considered.filter((r) => r.success === true);

  let deployable: boolean | null;
  if (ctx.missing.length > 0) deployable = false;
  else if (unknown.length > 0) deployable = null;
  else deployable = failed.length === 0;

  const errors: MatrixNotice[] = [
    ...ctx.missing.map((text) => ({ type: 'error' as const, text })),
    ...failed.map((r) => ({
      type: 'error' as const,
      text: `The verification for the pact between version ${r.consumerVersionNumber} of ${r.consumerName} and version ${r.providerVersionNumber} of ${r.providerName} failed`,
    })),
    ...unknown.map((r) => ({
      type: 'error' as const,
      text: `There is no verified pact between version ${r.consumerVersionNumber} of ${r.consumerName} and ${ctx.describeTarget(r)}`,
    })),
  ];
  const uniqueErrors = [...new Map(errors.map((e) => [e.text, e])).values()];
  const notices: MatrixNotice[] = [...uniqueErrors];
  if (deployable === true) {
    notices.push({
      type: 'success',
      text:
        considered.length > 0
          ? 'All required verification results are published and successful'
          : 'There are no missing dependencies',
    });
  }
  for (const r of ignored) {
    notices.push({
      type: 'info',
      text: `Ignoring the ${r.success === null ? 'missing verification' : r.success ? 'successful verification' : 'failed verification'} for the pact between version ${r.consumerVersionNumber} of ${r.consumerName} and ${r.providerVersionNumber === null ? `the version of ${r.providerName}` : `version ${r.providerVersionNumber} of ${r.providerName}`}`,
    });
  }
  const reasonSource = uniqueErrors.length > 0 ? uniqueErrors : notices.filter((n) => n.type === 'success');
  return {
    summary: {
      deployable,
      reason: reasonSource.map((n) => n.text).join('\n'),
      success: succeeded.length,
      failed: failed.length,
      unknown: unknown.length,
      ...(ctx.ignoring ? { ignored: ignored.length } : {}),
    },
    notices,
  };
}
