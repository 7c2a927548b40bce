import type { FastifyInstance } from 'fastify';
import type { EnvironmentFields } from '../db/environments-repository.ts';
import { BrokerValidationError } from '../errors.ts';
import { isJsonObject } from '../pacts/content.ts';
import { environmentResource, environmentsCollection } from '../representations/environment.ts';
import { requireEnvironment } from './lookups.ts';
import { embeddedList, errorResponse, halResponse } from './schemas.ts';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function parseEnvironment(body: unknown): EnvironmentFields & { uuid?: string } {
  if (!isJsonObject(body)) throw new BrokerValidationError({ body: ['must be a JSON object'] });
  const errors: Record<string, string[]> = {};
  const { name, displayName, production, contacts, uuid } = body;
  if (typeof name !== 'string' || name.trim() === '')
    errors.name = [name === undefined ? 'is missing' : "can't be blank"];
  else if (/\s/.test(name)) errors.name = ['cannot contain spaces'];
  if (displayName !== undefined && displayName !== null && typeof displayName !== 'string') {
    errors.displayName = ['must be a string'];
  }
  if (production !== undefined && typeof production !== 'boolean') errors.production = ['must be boolean'];
  if (
    contacts !== undefined &&
    contacts !== null &&
    (!Array.isArray(contacts) || contacts.some((c) => !isJsonObject(c)))
  ) {
    errors.contacts = ['must be a list of objects'];
  }
  if (uuid !== undefined && (typeof uuid !== 'string' || !UUID.test(uuid))) errors.uuid = ['must be a UUID'];
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  return {
    name: name as string,
    displayName: (displayName as string | null | undefined) ?? null,
    production: production === true,
    contacts: (contacts as unknown[] | null | undefined) ?? null,
    ...(typeof uuid === 'string' ? { uuid } : {}),
  };
}

const responses = { 200: halResponse, 201: halResponse, 400: errorResponse, 404: errorResponse };
const uuidParams = { type: 'object', required: ['uuid'], properties: { uuid: { type: 'string' } } } as const;

/** Environments (pb:environments, pb:environment). */
export async function environmentRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  const nameTaken = async (name: string, exceptId?: number) => {
    const other = await repos.environments.findByName(name);
    if (other && other.id !== exceptId) {
      throw BrokerValidationError.field(
        'name',
        `Another environment with name '${name}' already exists (${other.uuid})`,
      );
    }
  };

  app.get<{ Querystring: { name?: string } }>(
    '/environments',
    {
      schema: {
        querystring: { type: 'object', properties: { name: { type: 'string' } } },
        response: { 200: embeddedList('environments') },
      },
    },
    async (request) => {
      const all = await repos.environments.list();
      const { name } = request.query;
      return environmentsCollection(request.urls, name === undefined ? all : all.filter((e) => e.name === name));
    },
  );

  app.post('/environments', { schema: { response: responses } }, async (request, reply) => {
    const fields = parseEnvironment(request.body);
    await nameTaken(fields.name);
    if (fields.uuid && (await repos.environments.findByUuid(fields.uuid))) {
      throw BrokerValidationError.field('uuid', `An environment with uuid ${fields.uuid} already exists`);
    }
    const created = await repos.environments.create(fields);
    return reply
      .code(201)
      .header('Location', `${request.urls.environment(created.uuid)}`)
      .send(environmentResource(request.urls, created));
  });

  app.get<{ Params: { uuid: string } }>(
    '/environments/:uuid',
    { schema: { params: uuidParams, response: responses } },
    async (request) => environmentResource(request.urls, await requireEnvironment(repos, request.params.uuid)),
  );

  app.put<{ Params: { uuid: string } }>(
    '/environments/:uuid',
    { schema: { params: uuidParams, response: responses } },
    // A PUT replaces an environment; it never creates one (POST does), as on the real broker: 404 first, then 400.
    async (request) => {
      const existing = await requireEnvironment(repos, request.params.uuid);
      const fields = parseEnvironment(request.body);
      await nameTaken(fields.name, existing.id);
      return environmentResource(request.urls, await repos.environments.update(existing.id, fields));
    },
  );

  app.delete<{ Params: { uuid: string } }>(
    '/environments/:uuid',
    { schema: { params: uuidParams, response: { 404: errorResponse } } },
    async (request, reply) => {
      const environment = await requireEnvironment(repos, request.params.uuid);
      await repos.environments.delete(environment.id);
      return reply.code(204).send();
    },
  );
}
