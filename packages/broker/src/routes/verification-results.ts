import type { FastifyInstance } from 'fastify';
import { VerificationNotFoundError } from '../errors.ts';
import { decodeMetadata } from '../pacts/metadata.ts';
import { parseVerificationRequest, publishVerification } from '../pacts/verification-results.ts';
import { verificationResource } from '../representations/pact.ts';
import { queueForVerification } from '../webhooks/triggers.ts';
import { verificationAnswer } from './latest-verifications.ts';
import { errorResponse, halResponse, providerConsumerParams } from './schemas.ts';

interface Target {
  provider: string;
  consumer: string;
  sha?: string;
  metadata?: string;
}

const base = '/pacts/provider/:provider/consumer/:consumer';

/** Publishing and reading verification results (pb:publish-verification-results). */
export async function verificationResultRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const schema = {
    params: providerConsumerParams,
    response: { 200: halResponse, 201: halResponse, 400: errorResponse, 404: errorResponse },
  };

  for (const url of [
    `${base}/pact-version/:sha/verification-results`,
    `${base}/pact-version/:sha/metadata/:metadata/verification-results`,
    // The verifier compatibility suite publishes against the consumer/provider pact URL: the latest pact.
    `${base}/verification-results`,
  ]) {
    app.post<{ Params: Target }>(url, { schema }, async (request, reply) => {
      const { provider, consumer, sha, metadata } = request.params;
      const command = parseVerificationRequest(request.body);
      const verification = await publishVerification(
        repos,
        { provider, consumer, ...(sha !== undefined ? { sha } : {}) },
        decodeMetadata(metadata),
        command,
        queueForVerification(app.broker.webhooks, request.urls, metadata),
      );
      app.broker.webhooks.runner.wake();
      const resource = verificationResource(request.urls, verification);
      return reply.code(201).header('Location', resource._links.self.href).send(resource);
    });
  }

  app.get<{ Params: Target & { number: string } }>(
    `${base}/pact-version/:sha/verification-results/:number`,
    { schema },
    async (request, reply) => {
      const { provider, consumer, sha = '', number } = request.params;
      const providerRow = await repos.pacticipants.findByName(provider);
      const consumerRow = await repos.pacticipants.findByName(consumer);
      const pactVersion =
        providerRow && consumerRow && (await repos.pacts.findPactVersion(consumerRow.id, providerRow.id, sha));
      const verification =
        pactVersion &&
        (number === 'latest'
          ? await repos.verifications.latestForPactVersion(pactVersion.id)
          : /^\d+$/.test(number)
            ? await repos.verifications.find(pactVersion.id, Number(number))
            : undefined);
      if (!verification) {
        throw new VerificationNotFoundError(`number '${number}' for the pact between '${consumer}' and '${provider}'`);
      }
      return verificationAnswer(repos, request, reply, verification);
    },
  );
}
