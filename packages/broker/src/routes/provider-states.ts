import type { FastifyInstance } from 'fastify';
import { collectProviderStates } from '../pacts/provider-states.ts';
import { requirePacticipant } from './lookups.ts';
import { errorResponse } from './schemas.ts';

const providerStatesResponse = {
  type: 'object',
  required: ['providerStates'],
  properties: {
    providerStates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'consumers'],
        properties: {
          name: { type: 'string' },
          params: { type: 'object', additionalProperties: true },
          consumers: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

/**
 * `GET /pacts/provider/{p}/provider-states`: the states the provider must be able to set up, from each consumer's
 * latest pact on its main branch (what the provider verifies by default), as the real broker lists them.
 */
export async function providerStateRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  app.get<{ Params: { provider: string } }>(
    '/pacts/provider/:provider/provider-states',
    { schema: { response: { 200: providerStatesResponse, 404: errorResponse } } },
    async (request) => {
      const provider = await requirePacticipant(repos, request.params.provider);
      const publications = await repos.pacts.latestPerConsumer(provider.id, { mainBranch: true });
      const pacts = [];
      for (const publication of publications) {
        const version = await repos.pacts.findPactVersionById(publication.pactVersionId);
        if (version) pacts.push({ consumerName: publication.consumerName, content: JSON.parse(version.content) });
      }
      return { providerStates: collectProviderStates(pacts) };
    },
  );
}
