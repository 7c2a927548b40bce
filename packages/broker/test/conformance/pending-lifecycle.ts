import { expect } from 'vitest';
import { pact, path } from '../helpers/broker.ts';
import type { Client } from './support.ts';

/**
 * The steps of the real pending-lifecycle specs (no tags, tags, branches): Foo version 1 publishes for Bar, Bar's
 * build asks for its pacts with their pending status, follows the pact's link to publish its result, and asks again.
 * `providerVersion` records provider version 2 on the provider's tag or branch first, as the tagged specs do.
 */
export function pendingLifecycle(
  broker: Client,
  options: {
    query?: (providerRef: string) => Record<string, unknown>;
    providerVersion?: (broker: Client) => Promise<void>;
  } = {},
) {
  const publishPact = async () => {
    const response = await broker.put('/pacts/provider/Bar/consumer/Foo/version/1', pact('Foo', 'Bar', ['some']));
    expect(response.statusCode).toBe(201);
  };
  const forVerification = async (providerRef = 'main') => {
    const response = await broker.post('/pacts/provider/Bar/for-verification', {
      includePendingStatus: true,
      ...(options.query?.(providerRef) ?? {}),
    });
    expect(response.statusCode).toBe(200);
    return response.json()._embedded.pacts as {
      _links: { self: { href: string } };
      verificationProperties: { pending: boolean };
    }[];
  };
  const pendingStatus = async (providerRef?: string) =>
    (await forVerification(providerRef))[0]?.verificationProperties.pending;
  /** Fetches the pact the list links to and posts a result to the link the pact names. */
  const verify = async (success: boolean) => {
    const [first] = await forVerification();
    if (!first) throw new Error('no pact to verify');
    const pactResponse = await broker.get(path(first._links.self.href));
    const resultsUrl = pactResponse.json()._links['pb:publish-verification-results'].href as string;
    await options.providerVersion?.(broker);
    const response = await broker.post(path(resultsUrl), { providerApplicationVersion: '2', success });
    expect(response.statusCode).toBe(201);
  };
  return { publishPact, pendingStatus, verify };
}
