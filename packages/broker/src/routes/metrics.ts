import type { FastifyInstance } from 'fastify';
import { openResponse } from './schemas.ts';

/** `GET /metrics`: how much the broker holds, in the real broker's shape (counts per kind of record). */
export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/metrics', { schema: { response: { 200: openResponse } } }, async () => app.broker.repos.metrics.counts());
}
