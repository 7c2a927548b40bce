import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Publication } from '../db/pacts-repository.ts';
import type { Repositories } from '../db/repositories.ts';
import type { Verification } from '../db/verifications-repository.ts';
import { VerificationNotFoundError } from '../errors.ts';
import { link } from '../hal.ts';
import { verificationResource } from '../representations/pact.ts';
import { type Between, requireIntegration, requireVersion } from './lookups.ts';
import { errorResponse, halResponse, providerConsumerParams } from './schemas.ts';

const between = '/pacts/provider/:provider/consumer/:consumer';

/** The real broker's extended verification media type: the result with its provider version's tags embedded. */
export const EXTENDED_VERIFICATION_TYPE = 'application/vnd.pactbrokerextended.v1+json';

function wantsExtended(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).toLowerCase().includes(EXTENDED_VERIFICATION_TYPE);
}

/** A verification result as the resource, extended (extended_verification_decorator.rb) when the client asks. */
export async function verificationAnswer(
  repos: Repositories,
  request: FastifyRequest,
  reply: FastifyReply,
  verification: Verification,
) {
  const resource = verificationResource(request.urls, verification);
  if (!wantsExtended(request)) return resource;
  reply.type(`${EXTENDED_VERIFICATION_TYPE};charset=utf-8`);
  const tags =
    (await repos.tags.forVersions([verification.providerVersionId])).get(verification.providerVersionId) ?? [];
  const embedded = [];
  for (const tag of tags) {
    const latest = await repos.versions.latestWithTag(verification.providerId, tag.name);
    embedded.push({
      name: tag.name,
      latest: latest?.id === verification.providerVersionId,
      _links: {
        self: link(request.urls.tag(verification.providerName, verification.providerVersionNumber, tag.name), {
          title: 'Tag',
          name: tag.name,
        }),
      },
    });
  }
  return { ...resource, _embedded: { tags: embedded } };
}

/** The latest verification result of a pact, reached from its consumer version or as the latest (tagged) pact. */
export async function latestVerificationRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const schema = { params: providerConsumerParams, response: { 200: halResponse, 404: errorResponse } };

  const latestFor = async (publication: Publication | undefined, params: Between) => {
    const verification = publication && (await repos.verifications.latestForPactVersion(publication.pactVersionId));
    if (!verification) {
      throw new VerificationNotFoundError(`for the pact between '${params.consumer}' and '${params.provider}'`);
    }
    return verification;
  };

  app.get<{ Params: Between & { version: string } }>(
    `${between}/version/:version/verification-results/latest`,
    { schema },
    async (request, reply) => {
      const { providerRow, consumerRow } = await requireIntegration(repos, request.params);
      const version = await repos.versions.find(consumerRow.id, request.params.version);
      const publication = version && (await repos.pacts.findPublication(version.id, providerRow.id));
      return verificationAnswer(repos, request, reply, await latestFor(publication, request.params));
    },
  );

  const ofLatestPact = async (request: FastifyRequest<{ Params: Between & { tag?: string } }>, reply: FastifyReply) => {
    const { providerRow, consumerRow } = await requireIntegration(repos, request.params);
    const { tag } = request.params;
    const publication = await repos.pacts.latestPublication(providerRow.id, consumerRow.id, tag ? { tag } : {});
    return verificationAnswer(repos, request, reply, await latestFor(publication, request.params));
  };
  app.get<{ Params: Between }>(`${between}/latest/verification-results/latest`, { schema }, ofLatestPact);
  app.get<{ Params: Between & { tag: string } }>(
    `${between}/latest/:tag/verification-results/latest`,
    { schema },
    ofLatestPact,
  );

  // verification_summary_decorator.rb: the latest result of each pact the consumer version published.
  app.get<{ Params: { consumer: string; version: string } }>(
    '/verification-results/consumer/:consumer/version/:version/latest',
    { schema: { response: { 200: halResponse, 404: errorResponse } } },
    async (request) => {
      const { pacticipant, version } = await requireVersion(repos, request.params.consumer, request.params.version);
      const verifications = await repos.verifications.latestForConsumerVersion(version.id);
      const pacts = await repos.pacts.publicationsOfConsumerVersion(version.id);
      const successful = verifications.filter((v) => v.success).map((v) => v.providerName);
      const verified = new Set(verifications.map((v) => v.providerName));
      return {
        // summary_for_consumer_version.rb: successful only when every provider with a pact verified it.
        success: successful.length === pacts.length,
        providerSummary: {
          successful,
          failed: verifications.filter((v) => !v.success).map((v) => v.providerName),
          unknown: pacts.map((p) => p.providerName).filter((name) => !verified.has(name)),
        },
        _embedded: { verificationResults: verifications.map((v) => verificationResource(request.urls, v)) },
        _links: {
          self: link(request.urls.latestVerificationsForConsumerVersion(pacticipant.name, version.number), {
            title: `Latest verification results for consumer ${pacticipant.name} version ${version.number}`,
          }),
        },
      };
    },
  );
}
