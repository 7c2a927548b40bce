import type { FastifyInstance } from 'fastify';
import type { BrokerDatabase } from '../../src/db/schema.ts';

/** How many rows a table of the broker's database holds: what the real delete specs count. */
export async function rows(app: FastifyInstance, table: keyof BrokerDatabase): Promise<number> {
  const row = await app.broker.repos.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
