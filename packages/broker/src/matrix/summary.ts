import { type NextStep, type Reason, type ReasonCode, ReasonCodes } from './reasons.ts';
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
  /** Every cause behind the verdict, with a stable code and the next step (see reasons.ts). */
  reasons: Reason[];
}

/** A specified selector that matched no version: its sentence, and the cause when the resolver knows it. */
export type MissingVersion = string | { text: string; code?: ReasonCode; nextStep?: NextStep };

/** Why a row has no verification, when it is not simply unpublished (no provider version to verify with). */
export interface UnknownCause {
  code: ReasonCode;
  nextStep?: NextStep;
}

export interface SummaryContext {
  /** Specified selectors that matched no version. */
  missing: MissingVersion[];
  /**
   * How to name a side of a row in the reasons, as the real broker names it by the selector that brought it in:
   * "version 1 of Foo", "the version of Bar currently in production (2)". By its version number when not given.
   */
  describe?(row: MatrixRow, side: 'consumer' | 'provider'): string;
  /** Whether ignore selectors were given: only then is `ignored` counted. */
  ignoring: boolean;
  /** The cause and next step for an unverified row; VERIFICATION_NOT_PUBLISHED without a step when absent. */
  explainUnknown?(row: MatrixRow): UnknownCause;
  /** The next step for a failed verification. */
  explainFailure?(row: MatrixRow): NextStep | undefined;
  /** Advice on the question itself ("WARN: …"): notices of type warning, first in `reason` too. */
  warnings?: string[];
}

/** The real broker's advice when a question leaves the answer unreliable (its wording, which the clients print). */
export const MatrixWarnings = {
  noEnvironment:
    'WARN: It is recommended to specify the environment into which you are deploying. Without the environment, this result will not be reliable.',
  noVersionNumber:
    'WARN: It is recommended to specify the version number (rather than the tag or branch) of the pacticipant you wish to deploy to avoid race conditions. Without a version number, this result will not be reliable.',
} as const;

const withStep = (reason: Omit<Reason, 'nextStep'>, nextStep: NextStep | undefined): Reason =>
  nextStep ? { ...reason, nextStep } : reason;

const byVersion = (row: MatrixRow, side: 'consumer' | 'provider'): string =>
  side === 'consumer'
    ? `version ${row.consumerVersionNumber} of ${row.consumerName}`
    : row.providerVersionNumber === null
      ? `any version of ${row.providerName}`
      : `version ${row.providerVersionNumber} of ${row.providerName}`;

/** The reasons the rows give: failed verifications, then missing ones. */
function rowCauses(failed: MatrixRow[], unknown: MatrixRow[], ctx: SummaryContext): Reason[] {
  const name = ctx.describe ?? byVersion;
  return [
    ...failed.map((r) =>
      withStep(
        {
          code: r.pending ? ReasonCodes.verificationFailedWhilePending : ReasonCodes.verificationFailed,
          deployable: false,
          text: `The verification for the pact between ${name(r, 'consumer')} and ${name(r, 'provider')} failed`,
        },
        ctx.explainFailure?.(r),
      ),
    ),
    ...unknown.map((r) => {
      const cause = ctx.explainUnknown?.(r) ?? { code: ReasonCodes.verificationNotPublished };
      return withStep(
        {
          code: cause.code,
          deployable: null,
          text: `There is no verified pact between ${name(r, 'consumer')} and ${name(r, 'provider')}`,
        },
        cause.nextStep,
      );
    }),
  ];
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

  const missing = ctx.missing.map((m) => (typeof m === 'string' ? { text: m } : m));
  const reasons: Reason[] = [
    ...missing.map((m) =>
      withStep({ code: m.code ?? ReasonCodes.versionNotFound, deployable: false, text: m.text }, m.nextStep),
    ),
    // A version that does not exist is the whole answer: the rows of the versions that do exist add nothing.
    ...(missing.length > 0 ? [] : rowCauses(failed, unknown, ctx)),
  ];
  // The notices keep the sentences the official clients have always printed; the reasons add the cause.
  const uniqueReasons = [...new Map(reasons.map((reason) => [reason.text, reason])).values()];
  const uniqueErrors: MatrixNotice[] = uniqueReasons.map((reason) => ({ type: 'error', text: reason.text }));
  const warnings: MatrixNotice[] = (ctx.warnings ?? []).map((text) => ({ type: 'warning', text }));
  const notices: MatrixNotice[] = [...warnings, ...uniqueErrors];
  if (deployable === true) {
    const text =
      considered.length > 0
        ? 'All required verification results are published and successful'
        : 'There are no missing dependencies';
    notices.push({ type: 'success', text });
    uniqueReasons.push({
      code: considered.length > 0 ? ReasonCodes.allVerified : ReasonCodes.noDependencies,
      deployable: true,
      text,
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
      reason: [...warnings, ...reasonSource].map((n) => n.text).join('\n'),
      success: succeeded.length,
      failed: failed.length,
      unknown: unknown.length,
      ...(ctx.ignoring ? { ignored: ignored.length } : {}),
      reasons: uniqueReasons,
    },
    notices,
  };
}
