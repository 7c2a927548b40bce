import type { FastifyPluginAsync } from 'fastify';
import { errorResponses } from '../error-responses.ts';
import { UserNotFoundError } from '../errors.ts';
import type { UserInput, UserPatch } from '../types.ts';
import {
  createUserBodySchema,
  type ListUsersQuery,
  listUsersQuerySchema,
  patchUserBodySchema,
  type UserIdParams,
  userIdParamsSchema,
  userPageSchema,
  userSchema,
} from '../users/schemas.ts';

export const usersRoutes: FastifyPluginAsync = async (app) => {
  const { users } = app;

  app.get<{ Querystring: ListUsersQuery }>(
    '/users',
    {
      config: { scope: 'users:read' },
      schema: {
        querystring: listUsersQuerySchema,
        response: { 200: userPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { ids, email, status, limit, offset } = request.query;
      return users.list({ ids: ids?.split(',').map(Number), email, status }, { limit, offset });
    },
  );

  app.get<{ Params: UserIdParams }>(
    '/users/:id',
    {
      config: { scope: 'users:read' },
      schema: { params: userIdParamsSchema, response: { 200: userSchema, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const user = await users.findById(request.params.id);
      if (!user) throw new UserNotFoundError(request.params.id);
      return user;
    },
  );

  app.post<{ Body: UserInput }>(
    '/users',
    {
      config: { scope: 'users:write' },
      schema: { body: createUserBodySchema, response: { 201: userSchema, ...errorResponses(400, 401, 403, 409, 415) } },
    },
    async (request, reply) => {
      const user = await users.create(request.body);
      return reply.code(201).header('location', `/users/${user.id}`).send(user);
    },
  );

  app.patch<{ Params: UserIdParams; Body: UserPatch }>(
    '/users/:id',
    {
      config: { scope: 'users:write' },
      schema: {
        params: userIdParamsSchema,
        body: patchUserBodySchema,
        response: { 200: userSchema, ...errorResponses(400, 401, 403, 404, 409, 415) },
      },
    },
    async (request) => {
      const user = await users.update(request.params.id, request.body);
      if (!user) throw new UserNotFoundError(request.params.id);
      return user;
    },
  );

  app.delete<{ Params: UserIdParams }>(
    '/users/:id',
    {
      config: { scope: 'users:write' },
      schema: {
        params: userIdParamsSchema,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!(await users.delete(request.params.id))) throw new UserNotFoundError(request.params.id);
      return reply.code(204).send();
    },
  );
};
