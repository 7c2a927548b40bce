import type { Repositories } from './db/repositories.ts';
import type { Urls } from './hal.ts';

/** What every route plugin gets through the `broker` decorator. */
export interface BrokerContext {
  repos: Repositories;
}

declare module 'fastify' {
  interface FastifyInstance {
    broker: BrokerContext;
  }
  interface FastifyRequest {
    /** Absolute hrefs for this request: the configured base URL, else this request's own origin. */
    urls: Urls;
  }
}
