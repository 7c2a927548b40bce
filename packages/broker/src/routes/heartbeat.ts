import type { FastifyInstance } from 'fastify';

/** `GET /diagnostic/status/heartbeat`: public, for readiness checks. */
export async function heartbeatRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/diagnostic/status/heartbeat',
    { schema: { response: { 200: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } } } } },
    async () => ({ ok: true }),
  );
}
