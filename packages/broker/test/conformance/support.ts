import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { testBroker } from '../helpers/broker.ts';

export interface Client {
  app: FastifyInstance;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/**
 * A fresh in-memory broker for every example (the real specs start each example from an empty database), with
 * the verbs the real specs use. Call inside a `describe`; `config` as for testBroker.
 */
export function freshBroker(config: Parameters<typeof testBroker>[0] = {}): Client {
  const client = {} as Client;
  beforeEach(async () => {
    const app = await testBroker(config);
    const send = (method: InjectOptions['method'], url: string, payload?: unknown) =>
      app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      });
    Object.assign(client, {
      app,
      get: (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers }),
      put: (url: string, payload: unknown = {}) => send('PUT', url, payload),
      post: (url: string, payload: unknown = {}) => send('POST', url, payload),
      patch: (url: string, payload: unknown = {}) =>
        app.inject({
          method: 'PATCH',
          url,
          payload: payload as InjectOptions['payload'],
          headers: { 'content-type': 'application/merge-patch+json' },
        }),
      delete: (url: string) => send('DELETE', url),
    });
  });
  afterEach(() => client.app.close());
  return client;
}

export const HAL = 'application/hal+json;charset=utf-8';
