import { readFileSync } from 'node:fs';
import type { InteractionOutcome, InteractionResult } from '../provider/results.ts';

export interface PactSummary {
  file: string;
  consumer: string;
  provider: string;
  /** HTTP and message interactions together. */
  interactions: number;
  /** The descriptions of its message interactions (V4 asynchronous and synchronous, V3 `messages`); the rest are HTTP. */
  messages: string[];
  states: string[];
}

interface PactJson {
  consumer: { name: string };
  provider: { name: string };
  interactions?: { type?: string; description?: string; providerStates?: { name: string }[] }[];
  messages?: { description?: string; providerStates?: { name: string }[] }[];
}

const messageTypes = new Set(['Asynchronous/Messages', 'Synchronous/Messages']);

export function summarisePact(file: string): PactSummary {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as PactJson;
  const interactions = pact.interactions ?? [];
  const messages = [...interactions.filter((i) => messageTypes.has(i.type ?? '')), ...(pact.messages ?? [])];
  const all = [...interactions, ...(pact.messages ?? [])];
  const states = new Set(all.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)));
  return {
    file,
    consumer: pact.consumer.name,
    provider: pact.provider.name,
    interactions: all.length,
    messages: messages.map((m) => String(m.description)),
    states: [...states].sort(),
  };
}

export type OutcomeCounts = Record<InteractionResult, number>;

/**
 * A pact's verified interactions counted by kind: its consumer's outcomes, a message being one whose description
 * the pact lists among its messages.
 */
export function outcomesByKind(
  pact: PactSummary,
  outcomes: readonly InteractionOutcome[],
): { http: OutcomeCounts; messages: OutcomeCounts } {
  const counts = { http: { passed: 0, failed: 0, pending: 0 }, messages: { passed: 0, failed: 0, pending: 0 } };
  const messages = new Set(pact.messages);
  for (const outcome of outcomes) {
    if (outcome.pact.consumer !== pact.consumer) continue;
    counts[messages.has(outcome.description) ? 'messages' : 'http'][outcome.result] += 1;
  }
  return counts;
}
