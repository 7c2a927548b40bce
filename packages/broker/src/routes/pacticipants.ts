import type { FastifyInstance } from 'fastify';
import type { PacticipantFields } from '../db/pacticipants-repository.ts';
import { inTransaction } from '../db/repositories.ts';
import { BrokerValidationError, MergePatchNeedsPatchError, PacticipantExistsError } from '../errors.ts';
import { isJsonObject } from '../pacts/content.ts';
import { pacticipantResource, pacticipantsCollection } from '../representations/pacticipant.ts';
import { requirePacticipant } from './lookups.ts';
import { embeddedList, errorResponse, halResponse, pacticipantParams } from './schemas.ts';

const fieldNames: Record<string, keyof PacticipantFields | 'name'> = {
  name: 'name',
  displayName: 'displayName',
  display_name: 'displayName',
  repositoryUrl: 'repositoryUrl',
  repository_url: 'repositoryUrl',
  repositoryName: 'repositoryName',
  repository_name: 'repositoryName',
  repositoryNamespace: 'repositoryNamespace',
  repository_namespace: 'repositoryNamespace',
  mainBranch: 'mainBranch',
  main_branch: 'mainBranch',
};

/** Reads pacticipant fields in camelCase or the older snake_case; `null` clears a field. */
function parseFields(body: unknown): { name?: string; fields: PacticipantFields } {
  if (!isJsonObject(body)) throw new BrokerValidationError({ body: ['must be a JSON object'] });
  const errors: Record<string, string[]> = {};
  const fields: PacticipantFields = {};
  let name: string | undefined;
  for (const [key, value] of Object.entries(body)) {
    const field = Object.hasOwn(fieldNames, key) ? fieldNames[key] : undefined;
    if (field === undefined) continue;
    if (value !== null && typeof value !== 'string') {
      errors[key] = ['must be a string'];
      continue;
    }
    if (field === 'name') {
      if (value === null || value.trim() === '') errors.name = ["can't be blank"];
      else name = value;
    } else {
      fields[field] = value;
    }
  }
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  return { ...(name !== undefined ? { name } : {}), fields };
}

const responses = { 200: halResponse, 201: halResponse, 400: errorResponse, 404: errorResponse, 409: errorResponse };

/** Pacticipants (pb:pacticipants, pb:pacticipant). */
export async function pacticipantRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  app.get('/pacticipants', { schema: { response: { 200: embeddedList('pacticipants') } } }, async (request) => {
    const items = [];
    for (const pacticipant of await repos.pacticipants.list()) {
      items.push({ pacticipant, latest: await repos.versions.latest(pacticipant.id) });
    }
    return pacticipantsCollection(request.urls, items);
  });

  app.post('/pacticipants', { schema: { response: responses } }, async (request, reply) => {
    const { name, fields } = parseFields(request.body);
    if (name === undefined) throw BrokerValidationError.field('name', 'is missing');
    if (await repos.pacticipants.findByName(name)) throw new PacticipantExistsError(name);
    const created = await repos.pacticipants.create(name, fields);
    const resource = pacticipantResource(request.urls, created);
    return reply.code(201).header('Location', resource._links.self.href).send(resource);
  });

  app.get<{ Params: { pacticipant: string } }>(
    '/pacticipants/:pacticipant',
    { schema: { params: pacticipantParams, response: responses } },
    async (request) => {
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      return pacticipantResource(request.urls, pacticipant, await repos.versions.latest(pacticipant.id));
    },
  );

  for (const method of ['PUT', 'PATCH'] as const) {
    app.route<{ Params: { pacticipant: string } }>({
      method,
      url: '/pacticipants/:pacticipant',
      schema: { params: pacticipantParams, response: responses },
      handler: async (request, reply) => {
        if (method === 'PUT' && /^application\/merge-patch\+json/i.test(request.headers['content-type'] ?? '')) {
          throw new MergePatchNeedsPatchError(request.url);
        }
        const { fields } = parseFields(request.body);
        // PATCH creates a pacticipant that is missing (create-or-update-pacticipant); PUT only replaces one.
        const existing =
          method === 'PUT'
            ? await requirePacticipant(repos, request.params.pacticipant)
            : await repos.pacticipants.findByName(request.params.pacticipant);
        if (method === 'PUT') {
          // PUT replaces: fields left out are cleared.
          for (const key of [
            'displayName',
            'repositoryUrl',
            'repositoryName',
            'repositoryNamespace',
            'mainBranch',
          ] as const) {
            if (fields[key] === undefined) fields[key] = null;
          }
        }
        const pacticipant = existing
          ? await repos.pacticipants.update(existing.id, fields)
          : await repos.pacticipants.create(request.params.pacticipant, fields);
        const latest = await repos.versions.latest(pacticipant.id);
        return reply.code(existing ? 200 : 201).send(pacticipantResource(request.urls, pacticipant, latest));
      },
    });
  }

  app.delete<{ Params: { pacticipant: string } }>(
    '/pacticipants/:pacticipant',
    { schema: { params: pacticipantParams, response: { 404: errorResponse } } },
    async (request, reply) => {
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      await inTransaction(repos, (trx) => trx.pacticipants.delete(pacticipant.id));
      return reply.code(204).send();
    },
  );
}
