import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Publication } from '../db/pacts-repository.ts';
import type { Repositories } from '../db/repositories.ts';
import { PacticipantNameMismatchError, PactNotFoundError } from '../errors.ts';
import { link, type Urls } from '../hal.ts';
import { withMembers } from '../pacts/content.ts';
import { encodeMetadata, selectedConsumerVersionIds } from '../pacts/metadata.ts';
import { preparePactBody } from '../pacts/pact-jobs.ts';
import { publishContracts } from '../pacts/publish.ts';
import { pactAdditions } from '../representations/pact.ts';
import { queueForPublications } from '../webhooks/triggers.ts';
import { type Between, requireIntegration, requirePacticipant, requirePublication } from './lookups.ts';
import { errorResponse, halResponse, openResponse, providerConsumerParams } from './schemas.ts';

const PACT_URLS = [
  '/pacts/provider/:provider/consumer/:consumer/version/:version',
  '/pacts/provider/:provider/consumer/:consumer/versions/:version',
];

const pactResponses = { 200: openResponse, 201: openResponse, 404: errorResponse } as const;

async function render(
  repos: Repositories,
  urls: Urls,
  reply: FastifyReply,
  publication: Publication,
  selfHref: string,
  metadata?: string,
) {
  const pactVersion = await repos.pacts.findPactVersionById(publication.pactVersionId);
  reply.header('X-Pact-Consumer-Version', publication.consumerVersionNumber);
  // Spliced as text: parsing and re-serialising a large pact would hold up every other request for seconds.
  return withMembers(
    pactVersion?.content ?? '{}',
    pactAdditions(urls, {
      consumerName: publication.consumerName,
      providerName: publication.providerName,
      consumerVersionNumber: publication.consumerVersionNumber,
      sha: publication.sha,
      createdAt: publication.createdAt,
      selfHref,
      ...(metadata !== undefined ? { metadata } : {}),
    }),
  );
}

/**
 * The metadata for the results link of a pact fetched by version or as the latest (with a tag): the consumer
 * version, and the tag it was the latest with. The webhooks a result published there triggers name that version
 * and tag (a commit status goes to the commit that was verified), not the latest publication of the same content
 * and every tag it has. The real broker does this for the latest pacts; for a version, it is this broker's own.
 */
function selectionOf(publication: Publication, tag?: string): string {
  return encodeMetadata({
    wip: false,
    selectors: [{ cv: publication.consumerVersionId, ...(tag !== undefined ? { t: tag } : {}) }],
  });
}

function latestPactsList(urls: Urls, providerName: string, publications: Publication[], selfHref: string) {
  const pacts = publications.map((p) =>
    link(urls.pact(p.providerName, p.consumerName, p.consumerVersionNumber), {
      title: `Pact between ${p.consumerName} (v${p.consumerVersionNumber}) and ${p.providerName}`,
      name: p.consumerName,
    }),
  );
  const provider = link(urls.pacticipant(providerName), { title: providerName });
  return { _links: { self: link(selfHref), provider, 'pb:provider': provider, 'pb:pacts': pacts, pacts } };
}

/** Fetching pacts, the legacy per-pact publish, and the latest-pacts lists. */
export async function pactRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  // `/versions/{number}` is the older spelling of the pact URL, which the real broker still answers.
  for (const pactUrl of PACT_URLS) {
    app.get<{ Params: Between & { version: string } }>(
      pactUrl,
      { schema: { params: providerConsumerParams, response: pactResponses } },
      async (request, reply) => {
        const { providerRow, consumerRow } = await requireIntegration(repos, request.params);
        const publication = await requirePublication(repos, providerRow, consumerRow, request.params.version);
        const self = request.urls.pact(providerRow.name, consumerRow.name, publication.consumerVersionNumber);
        return render(repos, request.urls, reply, publication, self, selectionOf(publication));
      },
    );

    for (const method of ['PUT', 'PATCH'] as const) {
      app.route<{ Params: Between & { version: string }; Body: unknown }>({
        method,
        url: pactUrl,
        schema: { params: providerConsumerParams, response: pactResponses },
        handler: async (request, reply) => {
          const { provider, consumer, version } = request.params;
          const { consumerName, providerName, ...pact } = await preparePactBody(request.body);
          if (consumerName !== undefined && consumerName !== consumer) {
            throw new PacticipantNameMismatchError('consumer', consumer, consumerName);
          }
          if (providerName !== undefined && providerName !== provider) {
            throw new PacticipantNameMismatchError('provider', provider, providerName);
          }
          const existing = await repos.pacticipants.findByName(consumer);
          const existingVersion = existing && (await repos.versions.find(existing.id, version));
          const providerRow = await repos.pacticipants.findByName(provider);
          const existed =
            existingVersion && providerRow && (await repos.pacts.findPublication(existingVersion.id, providerRow.id));
          await publishContracts(
            repos,
            {
              pacticipantName: consumer,
              pacticipantVersionNumber: version,
              tags: [],
              contracts: [
                {
                  consumerName: consumer,
                  providerName: provider,
                  pact,
                  onConflict: method === 'PATCH' ? 'merge' : undefined,
                },
              ],
            },
            queueForPublications(app.broker.webhooks, request.urls),
          );
          app.broker.webhooks.runner.wake();
          const { providerRow: p, consumerRow: c } = await requireIntegration(repos, request.params);
          const versionRow = await repos.versions.find(c.id, version);
          const publication = versionRow && (await repos.pacts.findPublication(versionRow.id, p.id));
          if (!publication) throw new PactNotFoundError(`between consumer '${consumer}' and provider '${provider}'`);
          reply.code(existed ? 200 : 201);
          return render(repos, request.urls, reply, publication, request.urls.pact(provider, consumer, version));
        },
      });
    }
  }

  app.get<{ Params: Between & { version: string } }>(
    '/pacts/provider/:provider/consumer/:consumer/version/:version/previous-distinct',
    { schema: { params: providerConsumerParams, response: pactResponses } },
    async (request, reply) => {
      const { providerRow, consumerRow } = await requireIntegration(repos, request.params);
      const version = await repos.versions.find(consumerRow.id, request.params.version);
      const current = version && (await repos.pacts.findPublication(version.id, providerRow.id));
      const previous =
        current &&
        (await repos.pacts.previousDistinct(
          providerRow.id,
          consumerRow.id,
          current.consumerVersionId,
          current.pactVersionId,
        ));
      if (!previous) {
        throw new PactNotFoundError(
          `before consumer '${consumerRow.name}' version '${request.params.version}' with different content, for provider '${providerRow.name}'`,
        );
      }
      const self = request.urls.pact(providerRow.name, consumerRow.name, previous.consumerVersionNumber);
      return render(repos, request.urls, reply, previous, self);
    },
  );

  const pactVersionHandler = async (
    params: Between & { sha: string; metadata?: string },
    urls: Urls,
    reply: FastifyReply,
  ) => {
    const { providerRow, consumerRow } = await requireIntegration(repos, params);
    const pactVersion = await repos.pacts.findPactVersion(consumerRow.id, providerRow.id, params.sha);
    const publications = pactVersion ? await repos.pacts.publicationsOfPactVersion(pactVersion.id) : [];
    // The metadata of a pact URL from pacts-for-verification names the consumer version it was selected for.
    const selected = selectedConsumerVersionIds(params.metadata);
    const latest = publications.find((p) => selected.includes(p.consumerVersionId)) ?? publications[0];
    if (!latest)
      throw new PactNotFoundError(`with SHA ${params.sha} between '${params.consumer}' and '${params.provider}'`);
    const self = urls.pactVersion(providerRow.name, consumerRow.name, params.sha, params.metadata);
    return render(repos, urls, reply, latest, self, params.metadata);
  };

  app.get<{ Params: Between & { sha: string } }>(
    '/pacts/provider/:provider/consumer/:consumer/pact-version/:sha',
    { schema: { params: providerConsumerParams, response: pactResponses } },
    (request, reply) => pactVersionHandler(request.params, request.urls, reply),
  );
  app.get<{ Params: Between & { sha: string; metadata: string } }>(
    '/pacts/provider/:provider/consumer/:consumer/pact-version/:sha/metadata/:metadata',
    { schema: { params: providerConsumerParams, response: pactResponses } },
    (request, reply) => pactVersionHandler(request.params, request.urls, reply),
  );

  const latestHandler = async (
    params: Between & { tag?: string; branch?: string; untagged?: boolean },
    urls: Urls,
    reply: FastifyReply,
  ) => {
    const { providerRow, consumerRow } = await requireIntegration(repos, params);
    const filter = {
      ...(params.tag !== undefined ? { tag: params.tag } : {}),
      ...(params.branch !== undefined ? { branch: params.branch } : {}),
      ...(params.untagged ? { untagged: true } : {}),
    };
    const publication = await repos.pacts.latestPublication(providerRow.id, consumerRow.id, filter);
    if (!publication) {
      const scope = params.tag
        ? ` with tag '${params.tag}'`
        : params.branch
          ? ` on branch '${params.branch}'`
          : params.untagged
            ? ' without a tag'
            : '';
      throw new PactNotFoundError(`between consumer '${params.consumer}'${scope} and provider '${params.provider}'`);
    }
    const self = urls.pact(providerRow.name, consumerRow.name, publication.consumerVersionNumber);
    return render(repos, urls, reply, publication, self, selectionOf(publication, params.tag));
  };

  app.get<{ Params: Between }>(
    '/pacts/provider/:provider/consumer/:consumer/latest',
    { schema: { params: providerConsumerParams, response: pactResponses } },
    (request, reply) => latestHandler(request.params, request.urls, reply),
  );
  app.get<{ Params: Between & { tag: string } }>(
    '/pacts/provider/:provider/consumer/:consumer/latest/:tag',
    { schema: { params: providerConsumerParams, response: pactResponses } },
    (request, reply) => latestHandler(request.params, request.urls, reply),
  );
  app.get<{ Params: Between }>(
    '/pacts/provider/:provider/consumer/:consumer/latest-untagged',
    { schema: { params: providerConsumerParams, response: pactResponses } },
    (request, reply) => latestHandler({ ...request.params, untagged: true }, request.urls, reply),
  );
  app.get<{ Params: Between & { branch: string } }>(
    '/pacts/provider/:provider/consumer/:consumer/branch/:branch/latest',
    { schema: { params: providerConsumerParams, response: pactResponses } },
    (request, reply) => latestHandler(request.params, request.urls, reply),
  );

  const providerLatest = async (params: { provider: string; tag?: string }, urls: Urls, selfHref: string) => {
    const provider = await requirePacticipant(repos, params.provider);
    const publications = await repos.pacts.latestPublicationsForProvider(
      provider.id,
      params.tag !== undefined ? { tag: params.tag } : {},
    );
    return latestPactsList(urls, provider.name, publications, selfHref);
  };
  app.get<{ Params: { provider: string } }>(
    '/pacts/provider/:provider/latest',
    { schema: { response: { 200: halResponse, 404: errorResponse } } },
    (request) =>
      providerLatest(request.params, request.urls, request.urls.latestProviderPacts(request.params.provider)),
  );
  app.get<{ Params: { provider: string; tag: string } }>(
    '/pacts/provider/:provider/latest/:tag',
    { schema: { response: { 200: halResponse, 404: errorResponse } } },
    (request) =>
      providerLatest(
        request.params,
        request.urls,
        request.urls.latestProviderPacts(request.params.provider, request.params.tag),
      ),
  );

  app.get('/pacts/latest', { schema: { response: { 200: halResponse } } }, async (request) => {
    const urls = request.urls;
    const publications = await repos.pacts.latestPublications();
    return {
      pacts: publications.map((p) => ({
        createdAt: p.createdAt,
        _embedded: {
          consumer: {
            name: p.consumerName,
            _links: { self: link(urls.pacticipant(p.consumerName)) },
            _embedded: { version: { number: p.consumerVersionNumber } },
          },
          provider: { name: p.providerName, _links: { self: link(urls.pacticipant(p.providerName)) } },
        },
        _links: {
          self: [
            link(urls.latestPact(p.providerName, p.consumerName)),
            link(urls.pact(p.providerName, p.consumerName, p.consumerVersionNumber)),
          ],
        },
      })),
      _links: { self: link(urls.latestPacts()) },
    };
  });
}
