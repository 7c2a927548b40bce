import type { PactModel } from '../pact-model.ts';
import type { Problem } from '../problem.ts';

const noBodyStatuses = new Set([204, 205, 304]);

/** Requests and responses that HTTP itself will not carry as the pact says. */
export function checkHttp(model: PactModel): Problem[] {
  const problems: Problem[] = [];
  for (const interaction of model.interactions) {
    if (interaction.kind !== 'http') continue;
    const [request, response] = interaction.parts;
    if (!request || !response) continue;
    const base = { interaction: interaction.description, order: interaction.index };
    if (request.path?.includes('?')) {
      problems.push({
        ...base,
        code: 'PACT_PATH_WITH_QUERY',
        at: [...request.at, 'path'],
        message: `the request path ${JSON.stringify(request.path)} contains a query string`,
      });
    }
    if ((request.method === 'GET' || request.method === 'HEAD') && request.body.present) {
      problems.push({
        ...base,
        code: 'PACT_GET_WITH_BODY',
        at: request.body.declaredAt,
        message: `the ${request.method} request has a body`,
      });
    }
    const noBody = response.status !== undefined && noBodyStatuses.has(response.status);
    if (response.body.present && (noBody || request.method === 'HEAD')) {
      problems.push({
        ...base,
        code: 'PACT_BODY_ON_NO_CONTENT',
        at: response.body.declaredAt,
        message: noBody ? `a ${response.status} response has a body` : 'the response to a HEAD request has a body',
      });
    }
  }
  return problems;
}
