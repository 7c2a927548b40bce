import type { BrokerAuth, BrokerConnection } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';

/** How long one broker step may take unless CONTRACT_KIT_BROKER_TIMEOUT_MS says otherwise. */
export const defaultBrokerTimeoutMs = 10_000;

export function brokerTimeoutOf(broker: BrokerConnection): number {
  return broker.timeoutMs ?? defaultBrokerTimeoutMs;
}

export function authorizationHeader(auth: BrokerAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if ('token' in auth) return { authorization: `Bearer ${auth.token}` };
  return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
}

/** The one error for a broker that cannot be reached or stops answering: the URL, the step and what to do. */
export function brokerUnreachable(broker: BrokerConnection, step: string, why: string): ContractKitError {
  return new ContractKitError(
    ContractKitErrorCodes.brokerUnreachable,
    `The Pact Broker at ${broker.url} did not answer while ${step} (${why}). Is it running and reachable? Check PACT_BROKER_BASE_URL; CONTRACT_KIT_BROKER_TIMEOUT_MS sets how long each broker step may take (now ${brokerTimeoutOf(broker)} ms).`,
  );
}

function brokerAuthFailed(broker: BrokerConnection, status: number): ContractKitError {
  return new ContractKitError(
    ContractKitErrorCodes.brokerAuthFailed,
    broker.auth
      ? `The Pact Broker at ${broker.url} refused the credentials (${status}). Check PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD.`
      : `The Pact Broker at ${broker.url} requires credentials (${status}). Set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD.`,
  );
}

/** Why a fetch failed, in a few words: "no answer within 300 ms", "ECONNREFUSED", … */
export function reasonOf(err: unknown, timeoutMs: number): string {
  const { cause, name, message } = err as Error & { cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return cause?.code ?? cause?.message ?? message;
}

export interface BrokerAnswer {
  status: number;
  body: unknown;
}

/**
 * One request to the broker with a deadline over the whole exchange (connecting, headers and
 * body): a broker that stops answering fails with CK_BROKER_UNREACHABLE naming the step.
 * 401/403 are CK_BROKER_AUTH_FAILED; any other status is the caller's to judge.
 */
export async function brokerRequest(
  broker: BrokerConnection,
  request: { url: string; step: string; method?: string; body?: unknown; timeoutMs?: number },
): Promise<BrokerAnswer> {
  const timeoutMs = request.timeoutMs ?? brokerTimeoutOf(broker);
  let text: string;
  let status: number;
  try {
    const response = await fetch(request.url, {
      method: request.method ?? 'GET',
      headers: {
        accept: 'application/hal+json, application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...authorizationHeader(broker.auth),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (err) {
    throw brokerUnreachable(broker, request.step, reasonOf(err, timeoutMs));
  }
  if (status === 401 || status === 403) throw brokerAuthFailed(broker, status);
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status, body };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks the broker's index before any real work, all attempts within one deadline: a broker that
 * refuses connections is asked up to three times (it may be starting), one that does not answer
 * is not asked again. An unreachable broker or missing credentials fail with a message saying
 * what to fix, instead of a client retrying for a minute. Returns the index (its HAL links).
 */
export async function checkBroker(
  broker: BrokerConnection,
  options: { attempts?: number; backoffMs?: number } = {},
): Promise<Record<string, unknown>> {
  const attempts = options.attempts ?? 3;
  const deadline = Date.now() + brokerTimeoutOf(broker);
  const step = 'reading its index (GET /)';
  let lastError: ContractKitError | undefined;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    let answer: BrokerAnswer;
    try {
      answer = await brokerRequest(broker, { url: `${broker.url}/`, step, timeoutMs: remaining });
    } catch (err) {
      if ((err as ContractKitError).code !== ContractKitErrorCodes.brokerUnreachable) throw err;
      lastError = err as ContractKitError;
      // No answer at all: the deadline is spent, asking again would only double the wait. The
      // message names the whole budget, not what was left of it when this attempt started.
      if (/no answer within/.test(lastError.message)) {
        lastError = brokerUnreachable(broker, step, `no answer within ${brokerTimeoutOf(broker)} ms`);
        break;
      }
      if (attempt < attempts) await sleep(Math.min((options.backoffMs ?? 250) * attempt, deadline - Date.now()));
      continue;
    }
    if (answer.status >= 200 && answer.status < 300) return (answer.body ?? {}) as Record<string, unknown>;
    if (answer.status < 500) {
      throw new ContractKitError(
        ContractKitErrorCodes.brokerUnreachable,
        `${broker.url}/ answered ${answer.status}: is PACT_BROKER_BASE_URL the base URL of a Pact Broker?`,
      );
    }
    lastError = brokerUnreachable(broker, step, `HTTP ${answer.status}`);
    if (attempt < attempts) await sleep(Math.min((options.backoffMs ?? 250) * attempt, deadline - Date.now()));
  }
  throw lastError ?? brokerUnreachable(broker, step, `no answer within ${brokerTimeoutOf(broker)} ms`);
}
