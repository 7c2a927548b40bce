import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Publication } from '../db/pacts-repository.ts';
import type { Repositories } from '../db/repositories.ts';
import { PactNotFoundError } from '../errors.ts';
import { pactContentDiff } from '../pacts/pact-jobs.ts';
import { type Between, requireIntegration } from './lookups.ts';
import { errorResponse, providerConsumerParams } from './schemas.ts';

const between = '/pacts/provider/:provider/consumer/:consumer';
const TEXT = 'text/plain;charset=utf-8';

const nameOf = (p: Publication) => `Pact between ${p.consumerName} (${p.consumerVersionNumber}) and ${p.providerName}`;

/**
 * The diff document (pacts/diff.rb): a title, when the change was first published, the hunks, and links to both
 * pacts, as plain text.
 */
async function diffText(repos: Repositories, request: FastifyRequest, pact: Publication, comparison: Publication) {
  const [current, previous] = await Promise.all([
    repos.pacts.findPactVersionById(pact.pactVersionId),
    repos.pacts.findPactVersionById(comparison.pactVersionId),
  ]);
  const hunks = await pactContentDiff(current?.content ?? '{}', previous?.content ?? '{}');
  // The change is dated by the first publication after the compared one: when the new content appeared.
  const next =
    comparison.consumerVersionId < pact.consumerVersionId
      ? ((await repos.pacts.nextAfter(pact.providerId, pact.consumerId, comparison.consumerVersionId)) ?? pact)
      : pact;
  const urls = request.urls;
  return [
    `# Diff between versions ${comparison.consumerVersionNumber} and ${pact.consumerVersionNumber} of the pact between ${pact.consumerName} and ${pact.providerName}`,
    '',
    `The following changes were made in the version published at ${next.createdAt}`,
    '',
    hunks === '' ? 'The content of the two pacts is the same.' : hunks,
    '',
    '## Links',
    'pact-version:',
    '  title: Pact',
    `  name: ${nameOf(pact)}`,
    `  href: ${urls.pact(pact.providerName, pact.consumerName, pact.consumerVersionNumber)}`,
    'comparison-pact-version:',
    '  title: Pact',
    `  name: ${nameOf(comparison)}`,
    `  href: ${urls.pact(comparison.providerName, comparison.consumerName, comparison.consumerVersionNumber)}`,
    '',
  ].join('\n');
}

/** The diff between two versions of an integration's pact (pb:diff-previous-distinct and its variants). */
export async function pactDiffRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const schema = { params: providerConsumerParams, response: { 404: errorResponse } };

  const byVersion = async (params: Between, number: string) => {
    const { providerRow, consumerRow } = await requireIntegration(repos, params);
    const version = await repos.versions.find(consumerRow.id, number);
    const publication = version && (await repos.pacts.findPublication(version.id, providerRow.id));
    if (!publication) {
      throw new PactNotFoundError(
        `for consumer '${consumerRow.name}' version '${number}' and provider '${providerRow.name}'`,
      );
    }
    return publication;
  };
  const bySha = async (params: Between, sha: string) => {
    const { providerRow, consumerRow } = await requireIntegration(repos, params);
    const pactVersion = await repos.pacts.findPactVersion(consumerRow.id, providerRow.id, sha);
    const [latest] = pactVersion ? await repos.pacts.publicationsOfPactVersion(pactVersion.id) : [];
    if (!latest) throw new PactNotFoundError(`with SHA ${sha} between '${params.consumer}' and '${params.provider}'`);
    return latest;
  };
  const answer = async (request: FastifyRequest, reply: FastifyReply, pact: Publication, comparison?: Publication) => {
    reply.type(TEXT);
    if (!comparison) return `No previous distinct version was found for ${nameOf(pact)}`;
    return diffText(repos, request, pact, comparison);
  };

  app.get<{ Params: Between & { version: string } }>(
    `${between}/version/:version/diff/previous-distinct`,
    { schema },
    async (request, reply) => {
      const pact = await byVersion(request.params, request.params.version);
      const previous = await repos.pacts.previousDistinct(
        pact.providerId,
        pact.consumerId,
        pact.consumerVersionId,
        pact.pactVersionId,
      );
      return answer(request, reply, pact, previous);
    },
  );
  app.get<{ Params: Between & { version: string; other: string } }>(
    `${between}/version/:version/diff/version/:other`,
    { schema },
    async (request, reply) => {
      const pact = await byVersion(request.params, request.params.version);
      return answer(request, reply, pact, await byVersion(request.params, request.params.other));
    },
  );
  app.get<{ Params: Between & { sha: string; other: string } }>(
    `${between}/pact-version/:sha/diff/pact-version/:other`,
    { schema },
    async (request, reply) => {
      const pact = await bySha(request.params, request.params.sha);
      return answer(request, reply, pact, await bySha(request.params, request.params.other));
    },
  );
}
