import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Publication, PublicationFilter } from '../db/pacts-repository.ts';
import type { PacticipantRow } from '../db/schema.ts';
import { link, type Urls } from '../hal.ts';
import { requirePacticipant } from './lookups.ts';
import { errorResponse, halResponse } from './schemas.ts';

type Params = { provider: string; consumer?: string; branch?: string; tag?: string };
type Selection = {
  filter: (params: Params) => PublicationFilter;
  latest: boolean;
  title: (params: Params) => string;
  /** The integration lists' relation naming each pact version (`pact-versions`, or `pb:pact-versions` by tag). */
  versionsRel?: 'pact-versions' | 'pb:pact-versions';
  /** Branch lists run oldest first, as the real broker sorts them; the others latest first. */
  oldestFirst?: boolean;
};

const pactLink = (urls: Urls, p: Publication) =>
  link(urls.pact(p.providerName, p.consumerName, p.consumerVersionNumber), {
    title: `Pact between ${p.consumerName} (${p.consumerVersionNumber}) and ${p.providerName}`,
    name: p.consumerName,
  });

/** dd/mm/yyyy (UTC), the day part of the real broker's "Version 1 - 02/12/2026" link names. */
function dayOf(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** Per provider: `_links['pb:pacts']`, one link per pact (pb:provider-pacts… relations). */
const providerLists: Record<string, Selection> = {
  '/pacts/provider/:provider': {
    filter: () => ({}),
    latest: false,
    title: (p) => `All pact versions for the provider ${p.provider}`,
  },
  '/pacts/provider/:provider/tag/:tag': {
    filter: (p) => ({ tag: p.tag as string }),
    latest: false,
    title: (p) => `All pact versions for the provider ${p.provider} with consumer version tag ${p.tag}`,
  },
  '/pacts/provider/:provider/branch': {
    filter: () => ({ mainBranch: true }),
    latest: false,
    title: (p) => `All pact versions for the provider ${p.provider} from the consumers' main branches`,
  },
  '/pacts/provider/:provider/branch/latest': {
    filter: () => ({ mainBranch: true }),
    latest: true,
    title: (p) => `Latest pact versions for the provider ${p.provider} from the consumers' main branches`,
  },
  '/pacts/provider/:provider/branch/:branch': {
    filter: (p) => ({ branch: p.branch as string }),
    latest: false,
    title: (p) => `All pact versions for the provider ${p.provider} from consumer branch ${p.branch}`,
  },
  '/pacts/provider/:provider/branch/:branch/latest': {
    filter: (p) => ({ branch: p.branch as string }),
    latest: true,
    title: (p) => `Latest pact versions for the provider ${p.provider} from consumer branch ${p.branch}`,
  },
};

/** Per integration: `_embedded.pacts`, one entry per consumer version (pb:…-pact-versions relations). */
const integrationLists: Record<string, Selection> = {
  '/pacts/provider/:provider/consumer/:consumer/versions': {
    filter: () => ({}),
    latest: false,
    title: () => 'All versions of the pact',
    versionsRel: 'pact-versions',
  },
  '/pacts/provider/:provider/consumer/:consumer/tag/:tag': {
    filter: (p) => ({ tag: p.tag as string }),
    latest: false,
    title: (p) => `Versions of the pact with consumer version tag ${p.tag}`,
    versionsRel: 'pb:pact-versions',
  },
  '/pacts/provider/:provider/consumer/:consumer/branch/versions': {
    filter: () => ({ mainBranch: true }),
    latest: false,
    title: () => 'Versions of the pact from the consumer main branch',
    versionsRel: 'pact-versions',
    oldestFirst: true,
  },
  '/pacts/provider/:provider/consumer/:consumer/branch/latest/versions': {
    filter: () => ({ mainBranch: true }),
    latest: true,
    title: () => 'Latest version of the pact from the consumer main branch',
    versionsRel: 'pact-versions',
    oldestFirst: true,
  },
  '/pacts/provider/:provider/consumer/:consumer/branch/:branch': {
    filter: (p) => ({ branch: p.branch as string }),
    latest: false,
    title: (p) => `Versions of the pact from consumer branch ${p.branch}`,
    versionsRel: 'pact-versions',
    oldestFirst: true,
  },
  '/pacts/provider/:provider/consumer/:consumer/branch/:branch/latest/versions': {
    filter: (p) => ({ branch: p.branch as string }),
    latest: true,
    title: (p) => `Latest version of the pact from consumer branch ${p.branch}`,
    versionsRel: 'pact-versions',
    oldestFirst: true,
  },
};

/** The lists of pacts behind the index's pact-collection relations. */
export async function pactCollectionRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const schema = { response: { 200: halResponse, 404: errorResponse } };
  const selfOf = (request: FastifyRequest) => `${request.urls.base}${request.url.split('?')[0]}`;

  const select = async (provider: PacticipantRow, selection: Selection, params: Params, consumer?: PacticipantRow) => {
    const filter = { ...selection.filter(params), ...(consumer ? { consumerId: consumer.id } : {}) };
    return selection.latest
      ? repos.pacts.latestPerConsumer(provider.id, filter)
      : repos.pacts.findForProvider(provider.id, filter);
  };

  for (const [url, selection] of Object.entries(providerLists)) {
    app.get<{ Params: Params }>(url, { schema }, async (request) => {
      const provider = await requirePacticipant(repos, request.params.provider);
      const publications = await select(provider, selection, request.params);
      return {
        _links: {
          self: link(selfOf(request), { title: selection.title(request.params) }),
          'pb:provider': link(request.urls.pacticipant(provider.name), { title: 'Provider', name: provider.name }),
          'pb:pacts': publications.map((p) => pactLink(request.urls, p)),
        },
      };
    });
  }

  for (const [url, selection] of Object.entries(integrationLists)) {
    app.get<{ Params: Params }>(url, { schema }, async (request) => {
      const provider = await requirePacticipant(repos, request.params.provider);
      const consumer = await requirePacticipant(repos, request.params.consumer as string);
      const selected = await select(provider, selection, request.params, consumer);
      const publications = selection.oldestFirst ? [...selected].reverse() : selected;
      const urls = request.urls;
      const consumerLink = link(urls.pacticipant(consumer.name), { title: 'Consumer', name: consumer.name });
      const providerLink = link(urls.pacticipant(provider.name), { title: 'Provider', name: provider.name });
      return {
        _embedded: {
          pacts: publications.map((p) => ({
            createdAt: p.createdAt,
            _embedded: {
              consumerVersion: {
                number: p.consumerVersionNumber,
                _links: {
                  self: link(urls.version(p.consumerName, p.consumerVersionNumber), {
                    title: 'Version',
                    name: p.consumerVersionNumber,
                  }),
                },
              },
            },
            _links: { self: pactLink(urls, p) },
          })),
        },
        _links: {
          self: link(selfOf(request), { title: selection.title(request.params) }),
          consumer: consumerLink,
          provider: providerLink,
          // The tagged list names them pb:consumer and pb:provider (tagged_pact_versions_decorator.rb).
          'pb:consumer': consumerLink,
          'pb:provider': providerLink,
          'pb:pacts': publications.map((p) => pactLink(urls, p)),
          ...(selection.versionsRel
            ? {
                [selection.versionsRel]: publications.map((p) =>
                  link(urls.pact(p.providerName, p.consumerName, p.consumerVersionNumber), {
                    title: selection.versionsRel === 'pact-versions' ? 'Pact' : 'Pact version',
                    name: `Version ${p.consumerVersionNumber} - ${dayOf(p.createdAt)}`,
                  }),
                ),
              }
            : {}),
        },
      };
    });
  }
}
