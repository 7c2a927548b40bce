import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProviderContext } from '../db/pending-status.ts';
import { pactsForVerificationResource } from '../representations/for-verification.ts';
import { parseForVerificationRequest } from '../selectors/request.ts';
import { selectPactsForVerification } from '../selectors/select-pacts.ts';
import { requirePacticipant } from './lookups.ts';
import { errorResponse, halResponse } from './schemas.ts';

const schema = {
  params: { type: 'object', required: ['provider'], properties: { provider: { type: 'string', minLength: 1 } } },
  response: { 200: halResponse, 400: errorResponse, 404: errorResponse },
} as const;

/**
 * Pacts for verification (pb:provider-pacts-for-verification). POST takes the selectors as JSON; GET takes them
 * as a query string, and is also how the Rust verifier discovers the POST URL (`_links.self`).
 */
export async function forVerificationRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  const handle = async (
    request: FastifyRequest<{ Params: { provider: string } }>,
    input: unknown,
    options: { deprecatedGet?: boolean } = {},
  ) => {
    const query = parseForVerificationRequest(input);
    const provider = await requirePacticipant(repos, request.params.provider);
    const pacts = await selectPactsForVerification(repos, provider, query);
    const ctx: ProviderContext = {
      providerId: provider.id,
      providerName: provider.name,
      tags: query.providerVersionTags,
      ...(query.providerVersionBranch !== undefined ? { branch: query.providerVersionBranch } : {}),
    };
    return pactsForVerificationResource(request.urls, provider.name, pacts, query, ctx, options);
  };

  app.get<{ Params: { provider: string } }>('/pacts/provider/:provider/for-verification', { schema }, (request) =>
    handle(request, request.query ?? {}, { deprecatedGet: true }),
  );
  app.post<{ Params: { provider: string } }>('/pacts/provider/:provider/for-verification', { schema }, (request) =>
    handle(request, request.body ?? {}),
  );
}
