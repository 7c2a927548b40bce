import type { MessageFailure } from './messages/message-endpoint.ts';
import type { StateFailure } from './state-server.ts';

/** `pending`: it failed, but its pact is pending for this provider branch, so the build does not fail. */
export type InteractionResult = 'passed' | 'failed' | 'pending';

/** The pact an interaction came from. */
export interface PactRef {
  consumer: string;
  /** The consumer version(s) of a pact from a broker; local files have none. */
  version?: string;
  /** The pact file or URL. */
  location: string;
  /** Pending for this provider branch (failures do not fail the build); WIP pacts are pending too. */
  pending: boolean;
  wip?: boolean;
}

export interface InteractionOutcome {
  description: string;
  pact: PactRef;
  /** `Given …` part as the verifier names it, with the consumer, e.g. "OrderService: Given a user exists". */
  context: string;
  result: InteractionResult;
  /** What was expected and what came back, one readable line each; empty when it passed. */
  problems: string[];
}

export interface VerificationReport {
  provider: string;
  passed: boolean;
  durationMs: number;
  /** How many verifier processes shared the work (1: this process alone). */
  shards: number;
  /** How the verifier was reached: pact_ffi directly (the fast path) or pact-core's Verifier class. */
  verifier: 'ffi' | 'pact-core';
  interactions: InteractionOutcome[];
  stateFailures: StateFailure[];
  /** Registered state handlers no verified interaction used (candidates for removal). */
  unusedStates: string[];
  notices: string[];
  /** Errors not tied to an interaction, e.g. a pact the verifier could not fetch or parse. */
  loadErrors: string[];
  /** The verifier's own human-readable output (status, headers, body diff per interaction). */
  output: string[];
}

interface RawMismatch {
  type?: string;
  mismatch?: string;
  path?: string;
  key?: string;
  expected?: unknown;
  actual?: unknown;
}

interface RawError {
  interaction: string;
  mismatch: { type: string; interactionId?: string; message?: string; mismatches?: RawMismatch[] };
}

interface RawVerifierResults {
  result?: boolean;
  errors?: RawError[];
  /** Failures of pending pacts: reported, but they do not fail the provider's build. */
  pendingErrors?: RawError[];
  interactionResults?: { description: string; interactionId?: string; result: string }[];
  notices?: { text?: string }[];
  output?: string[];
}

const stateChangeFailed = 'One or more of the setup state change handlers has failed';

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describeMismatch(m: RawMismatch): string {
  switch (m.type) {
    case 'StatusMismatch':
      return `status: expected ${show(m.expected)} but was ${show(m.actual)}`;
    case 'HeaderMismatch':
      return `header ${m.key}: ${m.mismatch ?? `expected ${show(m.expected)} but was ${show(m.actual)}`}`;
    case 'BodyMismatch':
      return `body ${m.path ?? '$'}: ${m.mismatch ?? `expected ${show(m.expected)} but was ${show(m.actual)}`}`;
    case 'MetadataMismatch':
      return `metadata ${m.key}: ${m.mismatch ?? `expected ${show(m.expected)} but was ${show(m.actual)}`}`;
    case 'BodyTypeMismatch':
      return `body type: ${m.mismatch ?? `expected ${show(m.expected)} but was ${show(m.actual)}`}`;
    default:
      return `${m.type ?? 'mismatch'}: ${m.mismatch ?? `expected ${show(m.expected)} but was ${show(m.actual)}`}`;
  }
}

/** "Verifying a pact between A and B Given s1 And s2 - description" → "A: Given s1 And s2". */
function contextOf(interaction: string, description: string): string {
  const between = /^Verifying a pact between (.+?) and .+?(?: (Given .*))? - /.exec(interaction);
  const suffix = ` - ${description}`;
  const head = interaction.endsWith(suffix) ? interaction.slice(0, -suffix.length) : interaction;
  const given = / (Given .*)$/.exec(head)?.[1];
  const consumer = between?.[1];
  return [consumer, given].filter(Boolean).join(': ');
}

function statesIn(context: string): string[] {
  const given = /Given (.*)$/.exec(context)?.[1];
  return given ? given.split(' And ') : [];
}

/** Turns the verifier's JSON results into one outcome per interaction, with readable problems. */
export function parseVerifierResults(
  raw: string,
  context: {
    provider: string;
    pact: PactRef;
    stateFailures: StateFailure[];
    /** Messages the provider could not produce, named in their interaction's problems. */
    messageFailures?: MessageFailure[];
    unusedStates: string[];
    durationMs: number;
    verifier: 'ffi' | 'pact-core';
  },
): VerificationReport {
  const messageFailures = [...(context.messageFailures ?? [])];
  const parsed = JSON.parse(raw) as RawVerifierResults;
  const unclaimed = [...context.stateFailures];
  const results = parsed.interactionResults ?? [];
  const all = [
    ...(parsed.errors ?? []).map((error) => ({ error, pending: false })),
    ...(parsed.pendingErrors ?? []).map((error) => ({ error, pending: true })),
  ];
  // Each failed interaction takes its own error: by interaction id where the pact has ids (pacts
  // from a broker), otherwise by description, in order, so two consumers' same-named
  // interactions do not share problems.
  const unmatched = new Set(all);
  const takeError = (r: { description: string; interactionId?: string }) => {
    for (const entry of unmatched) {
      const byId = Boolean(r.interactionId) && entry.error.mismatch.interactionId === r.interactionId;
      const byDescription = !r.interactionId && entry.error.interaction.endsWith(` - ${r.description}`);
      if (byId || byDescription) {
        unmatched.delete(entry);
        return entry;
      }
    }
    return undefined;
  };

  const interactions = results.map((r): InteractionOutcome => {
    const entry = r.result === 'OK' ? undefined : takeError(r);
    const errors = entry ? [entry.error] : [];
    const where = errors[0] ? contextOf(errors[0].interaction, r.description) : '';
    const problems = errors.flatMap((error) => {
      if (error.mismatch.type === 'mismatches') return (error.mismatch.mismatches ?? []).map(describeMismatch);
      const message = error.mismatch.message ?? 'failed';
      if (!message.startsWith(stateChangeFailed)) return [message];
      // Name the state and say why: the verifier itself only says that "a handler" failed.
      const states = statesIn(where);
      const index = unclaimed.findIndex((f) => states.includes(f.state));
      const failure = index >= 0 ? unclaimed.splice(index, 1)[0] : undefined;
      return [failure ? `provider state "${failure.state}" (${failure.action}): ${failure.message}` : message];
    });
    // A message its producer could not build: say so first, whatever the verifier made of the 500.
    const produced = entry ? messageFailures.findIndex((f) => f.description === r.description) : -1;
    if (produced >= 0) {
      const [failure] = messageFailures.splice(produced, 1);
      problems.unshift(`message "${failure?.description}" could not be produced: ${failure?.message}`);
    }
    const pending = entry?.pending === true || context.pact.pending;
    const result: InteractionResult = r.result === 'OK' ? 'passed' : pending ? 'pending' : 'failed';
    return { description: r.description, pact: context.pact, context: where, result, problems };
  });

  return {
    provider: context.provider,
    // A pending pact's failures do not fail the run, whatever the verifier's own verdict on it.
    passed: (parsed.result === true || context.pact.pending) && interactions.every((i) => i.result !== 'failed'),
    durationMs: context.durationMs,
    shards: 1,
    verifier: context.verifier,
    interactions,
    stateFailures: context.stateFailures,
    unusedStates: context.unusedStates,
    notices: (parsed.notices ?? []).map((n) => n.text ?? '').filter(Boolean),
    // What no interaction claimed: failures to fetch or parse a pact.
    loadErrors: [...unmatched].map(({ error }) => error.mismatch.message ?? error.interaction),
    output: parsed.output ?? [],
  };
}

/** "OrderService 1.2.3 (pending)": the pact as a person names it. */
export function describePact(pact: PactRef): string {
  const which = pact.version ? `version ${pact.version}` : pact.location;
  return `${pact.consumer} ${which}${pact.wip ? ' (work in progress, pending)' : pact.pending ? ' (pending)' : ''}`;
}

/**
 * The reports of several verifier runs (one per pact, or one per shard) as one, interactions in
 * a stable order (consumer, then description).
 */
export function combineReports(
  provider: string,
  reports: VerificationReport[],
  durationMs: number,
  options: { sort: boolean },
): VerificationReport {
  const all = reports.flatMap((r) => r.interactions);
  // Shards finish in any order: their interactions are sorted; one process keeps the verifier's order.
  const interactions = !options.sort
    ? all
    : all.sort(
        (a, b) =>
          a.pact.consumer.localeCompare(b.pact.consumer) ||
          a.pact.location.localeCompare(b.pact.location) ||
          a.context.localeCompare(b.context) ||
          a.description.localeCompare(b.description),
      );
  return {
    provider,
    passed: reports.every((r) => r.passed),
    durationMs,
    shards: Math.max(1, ...reports.map((r) => r.shards)),
    verifier: reports.every((r) => r.verifier === 'ffi') ? 'ffi' : 'pact-core',
    interactions,
    stateFailures: [...new Set(reports.flatMap((r) => r.stateFailures))],
    // Unused overall only if no run used it.
    unusedStates: (reports[0]?.unusedStates ?? []).filter((state) =>
      reports.every((r) => r.unusedStates.includes(state)),
    ),
    notices: [...new Set(reports.flatMap((r) => r.notices))],
    loadErrors: reports.flatMap((r) => r.loadErrors),
    output: reports.flatMap((r) => r.output),
  };
}

/** A report a person can act on: each pact, one line per interaction, and under each failure what went wrong. */
export function formatReport(report: VerificationReport): string {
  const lines = [`${report.provider}: ${report.passed ? 'verified' : 'FAILED'} (${Math.round(report.durationMs)} ms)`];
  let lastPact = '';
  for (const interaction of report.interactions) {
    const pact = describePact(interaction.pact);
    if (pact !== lastPact) lines.push(`  pact of ${pact}`);
    lastPact = pact;
    const mark = interaction.result === 'passed' ? '✓' : interaction.result === 'pending' ? '…' : '✗';
    const where = interaction.context ? ` [${interaction.context}]` : '';
    const pending = interaction.result === 'pending' ? ' (failed, but pending: does not fail the build)' : '';
    lines.push(`    ${mark} ${interaction.description}${where}${pending}`);
    for (const problem of interaction.problems) lines.push(`        - ${problem}`);
  }
  const counts = countOutcomes(report);
  lines.push(`  ${counts.passed} passed, ${counts.failed} failed, ${counts.pending} pending`);
  if (report.unusedStates.length > 0) {
    lines.push(`  state handlers no interaction used: ${report.unusedStates.map((s) => `"${s}"`).join(', ')}`);
  }
  return lines.join('\n');
}

export function countOutcomes(report: VerificationReport): Record<InteractionResult, number> {
  const counts: Record<InteractionResult, number> = { passed: 0, failed: 0, pending: 0 };
  for (const interaction of report.interactions) counts[interaction.result] += 1;
  return counts;
}
