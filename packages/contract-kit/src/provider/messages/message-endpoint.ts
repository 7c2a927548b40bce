import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StateParams, StateValues } from '../states.ts';
import type { MessageProducers } from './producers.ts';

/** Where the Pact verifier asks for messages: a path on the kit's own state server. */
export const messagePath = '/_messages';

/** A message the provider could not produce: kept to name the reason in the interaction's report. */
export interface MessageFailure {
  description: string;
  message: string;
}

interface MessageRequest {
  description?: unknown;
  providerStates?: unknown;
}

function statesOf(value: unknown): { name: string; params: StateParams }[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((s): s is { name: string; params?: unknown } => typeof s?.name === 'string')
    .map((s) => ({
      name: s.name,
      params: s.params && typeof s.params === 'object' ? { ...(s.params as StateParams) } : {},
    }));
}

/**
 * Answers the verifier's `POST { description, providerStates }` for an asynchronous message interaction with the
 * message the provider's producer built: the content as the body, the metadata base64-encoded JSON in
 * `Pact-Message-Metadata` (what pact-js's message providers send). No producer for the description, or a producer
 * that throws, answers 500 and is recorded, so the report says which message and why.
 */
export async function answerMessage(
  request: IncomingMessage,
  response: ServerResponse,
  producers: MessageProducers,
  values: StateValues,
  record: { failures: MessageFailure[]; used: Set<string> },
): Promise<void> {
  let text = '';
  for await (const chunk of request) text += chunk;
  let body: MessageRequest = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') body = parsed as MessageRequest;
  } catch {
    // Reported below as a request naming no message.
  }
  const description = typeof body.description === 'string' ? body.description : '';
  record.used.add(description);
  try {
    const producer = Object.hasOwn(producers, description) ? producers[description] : undefined;
    if (!producer) {
      const known = Object.keys(producers).sort();
      throw new Error(
        `no producer is registered for the message "${description}". Known messages: ${known.map((m) => `"${m}"`).join(', ') || 'none'}. Add it to the provider definition's \`messages\`, or fix the consumer test's expectsToReceive(...).`,
      );
    }
    const produced = await producer({ description, states: statesOf(body.providerStates), values });
    const contentType = produced.contentType ?? 'application/json';
    const metadata = { contentType, ...(produced.metadata ?? {}) };
    const content =
      typeof produced.contents === 'string' && !contentType.includes('json')
        ? produced.contents
        : JSON.stringify(produced.contents);
    response
      .writeHead(200, {
        'content-type': contentType,
        'pact-message-metadata': Buffer.from(JSON.stringify(metadata)).toString('base64'),
      })
      .end(content);
  } catch (err) {
    const message = (err as Error).message;
    record.failures.push({ description, message });
    response
      .writeHead(500, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: `Message "${description}" could not be produced: ${message}` }));
  }
}
