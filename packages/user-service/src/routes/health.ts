import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { errorResponses } from '../error-responses.ts';
import { DatabaseUnavailableError } from '../errors.ts';

const healthSchema = {
  type: 'object',
  required: ['status', 'database'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    database: { type: 'string', enum: ['sqlite', 'postgres'] },
  },
} as const;

/** Public readiness check: answers 200 only when the database answers a query. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', { schema: { response: { 200: healthSchema, ...errorResponses() } } }, async () => {
    try {
      await sql`select 1`.execute(app.db);
    } catch (err) {
      throw new DatabaseUnavailableError(err);
    }
    return { status: 'ok', database: app.database.kind };
  });
};
