import { createHash, randomUUID } from 'node:crypto';
import { dropSchema } from '@contract-kit/service-common';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type BuildBrokerConfig, buildBroker } from '../../src/app.ts';

/**
 * Set (to a postgres:// URL) to run the broker tests on PostgreSQL: each broker gets a schema of its own, so test
 * files run in parallel; a given dataDir maps to the same schema, so restart tests find their data again.
 */
export const TEST_DATABASE_URL = process.env.BROKER_TEST_DATABASE_URL;

/** Where a test broker keeps its data: `dataDir` on SQLite, or a schema of the test PostgreSQL database. */
export function testStore(dataDir = ':memory:'): Pick<BuildBrokerConfig, 'dataDir' | 'databaseUrl' | 'databaseSchema'> {
  if (!TEST_DATABASE_URL) return { dataDir };
  const id = dataDir === ':memory:' ? randomUUID() : createHash('sha1').update(dataDir).digest('hex');
  return { dataDir, databaseUrl: TEST_DATABASE_URL, databaseSchema: `broker_${id.replace(/-/g, '').slice(0, 24)}` };
}

export const BASE = 'http://broker.test';

/** A clock that moves one second per reading, so "before" and "after" never tie. */
export function steppingClock(start = '2024-01-01T00:00:00.000Z'): () => Date {
  let at = Date.parse(start);
  return () => {
    at += 1000;
    return new Date(at);
  };
}

export async function testBroker(config: Partial<BuildBrokerConfig> = {}): Promise<FastifyInstance> {
  const store = testStore(config.dataDir);
  const app = await buildBroker({ baseUrl: BASE, now: steppingClock(), ...config, ...store });
  const { databaseUrl, databaseSchema } = store;
  // A fresh schema goes with its broker; one named after a dataDir outlives it, as a directory would.
  if (databaseUrl && databaseSchema && (config.dataDir ?? ':memory:') === ':memory:') {
    app.addHook('onClose', () => dropSchema(databaseUrl, databaseSchema));
  }
  return app;
}

export function pact(consumer: string, provider: string, descriptions: string[] = ['a request for something']) {
  return {
    consumer: { name: consumer },
    provider: { name: provider },
    interactions: descriptions.map((description) => ({
      description,
      request: { method: 'GET', path: `/${encodeURIComponent(description)}` },
      response: { status: 200 },
    })),
    metadata: { pactSpecification: { version: '2.0.0' } },
  };
}

export interface PublishInput {
  consumer: string;
  version: string;
  provider?: string;
  providers?: string[];
  branch?: string;
  tags?: string[];
  /** Interaction descriptions: same descriptions, same content. */
  interactions?: string[];
  content?: unknown;
  onConflict?: 'merge' | 'overwrite';
}

export function publishBody(input: PublishInput) {
  const providers = input.providers ?? [input.provider ?? 'Bar'];
  return {
    pacticipantName: input.consumer,
    pacticipantVersionNumber: input.version,
    ...(input.branch ? { branch: input.branch } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
    contracts: providers.map((provider) => ({
      consumerName: input.consumer,
      providerName: provider,
      specification: 'pact',
      contentType: 'application/json',
      content: Buffer.from(
        JSON.stringify(input.content ?? pact(input.consumer, provider, input.interactions)),
      ).toString('base64'),
      ...(input.onConflict ? { onConflict: input.onConflict } : {}),
    })),
  };
}

export async function publish(app: FastifyInstance, input: PublishInput): Promise<LightMyRequestResponse> {
  const response = await app.inject({ method: 'POST', url: '/contracts/publish', payload: publishBody(input) });
  if (response.statusCode !== 200) throw new Error(`publish failed: ${response.statusCode} ${response.body}`);
  return response;
}

/** The path part of one of the broker's absolute hrefs. */
export const path = (href: string) => href.replace(BASE, '');

export async function shaOf(
  app: FastifyInstance,
  provider: string,
  consumer: string,
  version: string,
): Promise<string> {
  const response = await app.inject(
    `/pacts/provider/${encodeURIComponent(provider)}/consumer/${encodeURIComponent(consumer)}/version/${encodeURIComponent(version)}`,
  );
  return response.json()._links['pb:pact-version'].name;
}

export interface ResultInput {
  provider?: string;
  consumer: string;
  consumerVersion: string;
  providerVersion: string;
  success: boolean;
  branch?: string;
  tags?: string[];
}

/** Publishes a verification result the way the Rust verifier does: branch and tags first, then the result. */
export async function verifyPact(app: FastifyInstance, input: ResultInput): Promise<LightMyRequestResponse> {
  const provider = input.provider ?? 'Bar';
  const p = encodeURIComponent(provider);
  const v = encodeURIComponent(input.providerVersion);
  if (input.branch) {
    await app.inject({
      method: 'PUT',
      url: `/pacticipants/${p}/branches/${encodeURIComponent(input.branch)}/versions/${v}`,
      payload: {},
    });
  }
  for (const tag of input.tags ?? []) {
    await app.inject({
      method: 'PUT',
      url: `/pacticipants/${p}/versions/${v}/tags/${encodeURIComponent(tag)}`,
      payload: {},
    });
  }
  const sha = await shaOf(app, provider, input.consumer, input.consumerVersion);
  return postResult(
    app,
    `/pacts/provider/${p}/consumer/${encodeURIComponent(input.consumer)}/pact-version/${sha}`,
    input,
  );
}

export async function postResult(
  app: FastifyInstance,
  pactUrl: string,
  input: { providerVersion: string; success: boolean },
): Promise<LightMyRequestResponse> {
  const response = await app.inject({
    method: 'POST',
    url: `${path(pactUrl)}/verification-results`,
    payload: { success: input.success, providerApplicationVersion: input.providerVersion },
  });
  if (response.statusCode !== 201) throw new Error(`verification failed: ${response.statusCode} ${response.body}`);
  return response;
}

export async function createEnvironment(app: FastifyInstance, name: string, production = false): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/environments', payload: { name, production } });
  if (response.statusCode !== 201) throw new Error(`environment failed: ${response.body}`);
  return response.json().uuid;
}

export async function recordDeployment(
  app: FastifyInstance,
  pacticipant: string,
  version: string,
  environmentUuid: string,
  kind: 'deployed' | 'released' = 'deployed',
  applicationInstance?: string,
): Promise<LightMyRequestResponse> {
  const response = await app.inject({
    method: 'POST',
    url: `/pacticipants/${encodeURIComponent(pacticipant)}/versions/${encodeURIComponent(version)}/${kind}-versions/environment/${environmentUuid}`,
    payload: applicationInstance ? { applicationInstance } : {},
  });
  if (response.statusCode !== 201) throw new Error(`record ${kind} failed: ${response.body}`);
  return response;
}

export async function forVerification(app: FastifyInstance, provider: string, body: Record<string, unknown>) {
  const response = await app.inject({
    method: 'POST',
    url: `/pacts/provider/${encodeURIComponent(provider)}/for-verification`,
    payload: body,
  });
  return { statusCode: response.statusCode, body: response.json() };
}
