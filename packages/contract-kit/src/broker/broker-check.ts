import type { BrokerAuth, BrokerConfig } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';

export function authorizationHeader(auth: BrokerAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if ('token' in auth) return { authorization: `Bearer ${auth.token}` };
  return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks the broker's index once per attempt, with a short timeout, before any real work: an
 * unreachable broker or missing credentials fails in seconds with a message saying what to fix,
 * instead of a client retrying for a minute.
 */
export async function checkBroker(
  broker: BrokerConfig,
  options: { attempts?: number; timeoutMs?: number; backoffMs?: number } = {},
): Promise<void> {
  const attempts = options.attempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 3_000;
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(`${broker.url}/`, {
        headers: { accept: 'application/hal+json', ...authorizationHeader(broker.auth) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const { cause, name, message } = err as Error & { cause?: { code?: string; message?: string } };
      lastError =
        name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause?.code ?? cause?.message ?? message);
      if (attempt < attempts) await sleep((options.backoffMs ?? 250) * attempt);
      continue;
    }
    if (response.status === 401 || response.status === 403) {
      throw new ContractKitError(
        ContractKitErrorCodes.brokerAuthFailed,
        broker.auth
          ? `The Pact Broker at ${broker.url} refused the credentials (${response.status}). Check PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD.`
          : `The Pact Broker at ${broker.url} requires credentials (${response.status}). Set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD.`,
      );
    }
    if (response.ok) return;
    if (response.status < 500) {
      throw new ContractKitError(
        ContractKitErrorCodes.brokerUnreachable,
        `${broker.url}/ answered ${response.status}: is PACT_BROKER_BASE_URL the base URL of a Pact Broker?`,
      );
    }
    lastError = `HTTP ${response.status}`;
    if (attempt < attempts) await sleep((options.backoffMs ?? 250) * attempt);
  }
  throw new ContractKitError(
    ContractKitErrorCodes.brokerUnreachable,
    `The Pact Broker at ${broker.url} is not reachable (${lastError}, ${attempts} attempts). Is it running? Check PACT_BROKER_BASE_URL.`,
  );
}
