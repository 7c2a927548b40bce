import type { Repositories } from './db/repositories.ts';
import type { Urls } from './hal.ts';
import type { WebhookRunner, WebhookSettings } from './webhooks/runner.ts';

/** What every route plugin gets through the `broker` decorator. */
export interface BrokerContext {
  repos: Repositories;
  /** Where the data is, for people: never a password. */
  database: string;
  webhooks: {
    settings: Readonly<WebhookSettings>;
    runner: WebhookRunner;
    /** The queue's clock: when webhooks are due (real time unless a test gives one). */
    clock: () => Date;
  };
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
