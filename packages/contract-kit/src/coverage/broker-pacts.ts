/** The latest pact of each consumer of a provider, from the broker (`/pacts/provider/{provider}/latest`). */
import { brokerRequest } from '../broker-client/http.ts';
import type { BrokerConnection } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';

type Json = Record<string, unknown>;

const asJson = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

export async function latestPactsOf(broker: BrokerConnection, provider: string): Promise<Json[]> {
  const path = `/pacts/provider/${encodeURIComponent(provider)}/latest`;
  const list = await brokerRequest(broker, { url: `${broker.url}${path}`, step: `listing ${provider}'s latest pacts` });
  const links = asJson(asJson(list.body)._links)['pb:pacts'];
  if (list.status === 404 || !Array.isArray(links) || links.length === 0) {
    throw new ContractKitError(
      ContractKitErrorCodes.noPacts,
      `The broker at ${broker.url} has no pacts with ${provider}: publish one first, or check the provider's name.`,
    );
  }
  const pacts: Json[] = [];
  for (const link of links.map(asJson)) {
    if (typeof link.href !== 'string') continue;
    const answer = await brokerRequest(broker, { url: link.href, step: `fetching ${link.title ?? link.href}` });
    if (answer.status === 200) pacts.push(asJson(answer.body));
  }
  return pacts;
}
