import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PublicationFilter } from '../db/pacts-repository.ts';
import { inTransaction, type Repositories } from '../db/repositories.ts';
import type { PacticipantRow } from '../db/schema.ts';
import { VerificationNotFoundError } from '../errors.ts';
import { link } from '../hal.ts';
import { type Between, requireIntegration, requirePacticipant, requirePublication } from './lookups.ts';
import { errorResponse, halResponse, pacticipantParams, providerConsumerParams } from './schemas.ts';

const between = '/pacts/provider/:provider/consumer/:consumer';

/**
 * What the real broker answers after deleting pacts (pact_resource_methods.rb): the index, and the latest pact
 * still there between the two, so a client can carry on from it.
 */
async function afterDeletion(
  repos: Repositories,
  request: FastifyRequest,
  provider: PacticipantRow,
  consumer: PacticipantRow,
) {
  const latest = await repos.pacts.latestPublication(provider.id, consumer.id);
  return {
    _links: {
      index: link(`${request.urls.base}/`),
      ...(latest
        ? {
            'pb:latest-pact-version': link(request.urls.latestPact(provider.name, consumer.name), {
              title: 'Latest pact',
            }),
          }
        : {}),
    },
  };
}

/** Rack's `exclude[]=a&exclude[]=b` (or one `exclude=a`): the branch names to keep. */
function namesIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Deleting pacts (one, or all of an integration's, by tag or by branch), verification results, and branches in bulk. */
export async function deletionRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const afterPactDeletion = { params: providerConsumerParams, response: { 200: halResponse, 404: errorResponse } };

  app.delete<{ Params: Between & { version: string } }>(
    `${between}/version/:version`,
    { schema: afterPactDeletion },
    async (request) => {
      const { providerRow, consumerRow } = await requireIntegration(repos, request.params);
      const publication = await requirePublication(repos, providerRow, consumerRow, request.params.version);
      await inTransaction(repos, (trx) => trx.pacts.deletePublications([publication.id]));
      return afterDeletion(repos, request, providerRow, consumerRow);
    },
  );

  const deleteAll = async (params: Between, filter: PublicationFilter) => {
    const { providerRow, consumerRow } = await requireIntegration(repos, params);
    const publications = await repos.pacts.findForProvider(providerRow.id, { ...filter, consumerId: consumerRow.id });
    await inTransaction(repos, (trx) => trx.pacts.deletePublications(publications.map((p) => p.id)));
    return { providerRow, consumerRow };
  };

  // pact_versions.rb answers a bare 204 here; the tag and branch variants answer like a single pact's delete.
  app.delete<{ Params: Between }>(
    `${between}/versions`,
    { schema: { params: providerConsumerParams, response: { 404: errorResponse } } },
    async (request, reply) => {
      await deleteAll(request.params, {});
      return reply.code(204).send();
    },
  );
  app.delete<{ Params: Between & { tag: string } }>(
    `${between}/tag/:tag`,
    { schema: afterPactDeletion },
    async (request) => {
      const { providerRow, consumerRow } = await deleteAll(request.params, { tag: request.params.tag });
      return afterDeletion(repos, request, providerRow, consumerRow);
    },
  );
  app.delete<{ Params: Between & { branch: string } }>(
    `${between}/branch/:branch`,
    { schema: afterPactDeletion },
    async (request) => {
      const { providerRow, consumerRow } = await deleteAll(request.params, { branch: request.params.branch });
      return afterDeletion(repos, request, providerRow, consumerRow);
    },
  );

  app.delete<{ Params: Between & { sha: string; number: string } }>(
    `${between}/pact-version/:sha/verification-results/:number`,
    { schema: { params: providerConsumerParams, response: { 404: errorResponse } } },
    async (request, reply) => {
      const { provider, consumer, sha, number } = request.params;
      const { providerRow, consumerRow } = await requireIntegration(repos, request.params);
      const pactVersion = await repos.pacts.findPactVersion(consumerRow.id, providerRow.id, sha);
      const verification =
        pactVersion && /^\d+$/.test(number)
          ? await repos.verifications.find(pactVersion.id, Number(number))
          : undefined;
      if (!verification) {
        throw new VerificationNotFoundError(`number '${number}' for the pact between '${consumer}' and '${provider}'`);
      }
      await inTransaction(repos, (trx) => trx.verifications.delete(verification.id));
      return reply.code(204).send();
    },
  );

  // The real broker deletes after replying and so answers 202; here the branches are gone before the answer,
  // which keeps the 202 and the notice clients expect.
  app.delete<{ Params: { pacticipant: string }; Querystring: { exclude?: unknown } }>(
    '/pacticipants/:pacticipant/branches',
    {
      schema: {
        params: pacticipantParams,
        response: { 202: { type: 'object', required: ['notices'], additionalProperties: true }, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      const keep = new Set(namesIn(request.query.exclude));
      // The main branch is never deleted in bulk.
      if (pacticipant.main_branch) keep.add(pacticipant.main_branch);
      const branches = await repos.branches.listForPacticipant(pacticipant.id);
      const doomed = branches.filter((b) => !keep.has(b.name));
      await repos.branches.deleteMany(
        pacticipant.id,
        doomed.map((b) => b.id),
      );
      const remaining = branches
        .filter((b) => keep.has(b.name))
        .reverse()
        .map((b) => b.name)
        .join(', ');
      return reply.code(202).send({
        notices: [
          {
            type: 'success',
            text: `Scheduled deletion of ${doomed.length} branches for pacticipant ${pacticipant.name}. Remaining branches are: ${remaining}`,
          },
        ],
      });
    },
  );
}
