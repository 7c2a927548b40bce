import { clientErrorHandler } from '@contract-kit/service-common';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { authPlugin } from './auth/plugin.ts';
import { type AuthConfig, DEFAULT_BODY_LIMIT, normalizeAuth } from './config.ts';
import { sharedCompilers } from './http/shared-compilers.ts';
import './context.ts';
import { type Clock, openBrokerDatabase } from './db/database.ts';
import { createRepositories } from './db/repositories.ts';
import { createUrls, type Urls } from './hal.ts';
import { brokerFrameworkErrors, registerBrokerErrorHandling } from './http/error-handler.ts';
import { encodeHeaders } from './http/headers.ts';
import { isBlank, parseJsonBytes, RAW_BODY_ROUTES, RawJsonBody } from './http/json.ts';
import { checkNameParams } from './http/names.ts';
import { responseContentType } from './http/negotiation.ts';
import { parseRequestQuery, queryRefusal } from './matrix/rack-query.ts';
import { badgeRoutes } from './routes/badges.ts';
import { canIDeployPathRoutes } from './routes/can-i-deploy-paths.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { deletionRoutes } from './routes/deletions.ts';
import { deploymentRoutes } from './routes/deployments.ts';
import { environmentRoutes } from './routes/environments.ts';
import { forVerificationRoutes } from './routes/for-verification.ts';
import { heartbeatRoutes } from './routes/heartbeat.ts';
import { indexRoutes } from './routes/index-resource.ts';
import { integrationRoutes } from './routes/integrations.ts';
import { labelRoutes } from './routes/labels.ts';
import { latestVerificationRoutes } from './routes/latest-verifications.ts';
import { matrixRoutes } from './routes/matrix.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { pactCollectionRoutes } from './routes/pact-collections.ts';
import { pactDiffRoutes } from './routes/pact-diffs.ts';
import { pacticipantRoutes } from './routes/pacticipants.ts';
import { pactRoutes } from './routes/pacts.ts';
import { providerStateRoutes } from './routes/provider-states.ts';
import { publishRoutes } from './routes/publish.ts';
import { verificationResultRoutes } from './routes/verification-results.ts';
import { versionListRoutes } from './routes/version-lists.ts';
import { versionRoutes } from './routes/versions.ts';
import { webhookExecutionRoutes } from './routes/webhook-executions.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { pageFor, prefersHtml, uiRoutes } from './ui/routes.ts';
import { createWebhookRunner, DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from './webhooks/runner.ts';

export interface BuildBrokerConfig {
  /** A directory for `broker.sqlite`, or `:memory:`; unused when `databaseUrl` is given. */
  dataDir: string;
  /** `postgres://…` runs the broker on PostgreSQL (BROKER_DATABASE_URL); SQLite in `dataDir` otherwise. */
  databaseUrl?: string;
  /** PostgreSQL schema for the broker's tables, created when missing (BROKER_DATABASE_SCHEMA). */
  databaseSchema?: string;
  /** Retry schedule, timeout, allow-list; DEFAULT_WEBHOOK_SETTINGS for what is not given. */
  webhooks?: Partial<WebhookSettings>;
  /** Public base URL for hrefs; by default each request's own origin. */
  baseUrl?: string;
  auth?: AuthConfig;
  logger?: FastifyServerOptions['logger'];
  now?: Clock;
  /** Largest request body, in bytes; DEFAULT_BODY_LIMIT unless given (BROKER_BODY_LIMIT). */
  bodyLimit?: number;
}

const JSON_TYPES = ['application/json', 'application/hal+json', 'application/merge-patch+json'];

/** Builds the broker, its database migrated; never listens (see server.ts and startBroker). */
export async function buildBroker(config: BuildBrokerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: config.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Node's own default, which fastify turns off: a request still arriving after 5 minutes gets a 408.
    requestTimeout: 300_000,
    clientErrorHandler,
    frameworkErrors: brokerFrameworkErrors,
    // Pact-version URLs carry the selection as a base64 `metadata` segment, far past fastify's default of 100;
    // the 16 KiB request-head limit bounds every segment anyway.
    routerOptions: { querystringParser: parseRequestQuery, maxParamLength: 16 * 1024 },
    schemaController: sharedCompilers,
  });
  registerBrokerErrorHandling(app);
  // A query the parser refused (prototype keys, too many parameters) is answered before auth or any route.
  app.addHook('onRequest', async (request) => {
    const refusal = queryRefusal(request.query);
    if (refusal !== undefined) throw refusal;
  });
  const database = await openBrokerDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.databaseSchema !== undefined ? { databaseSchema: config.databaseSchema } : {}),
  });
  const repos = createRepositories(database.db, config.now ?? (() => new Date()), database.kind);
  const settings = Object.freeze({ ...DEFAULT_WEBHOOK_SETTINGS, ...config.webhooks });
  const clock = () => new Date();
  const runner = createWebhookRunner({ repos, settings, clock, log: app.log });
  app.addHook('onReady', async () => runner.start());
  // Attempts under way finish (and are stored) before the database closes.
  app.addHook('onClose', async () => {
    await runner.stop();
    await database.close();
  });
  app.decorate('broker', { repos, database: database.description, webhooks: { settings, runner, clock } });

  // Clients send JSON as application/json, hal+json or merge-patch+json, and some send an empty body. Nothing
  // else is accepted: fastify's own text/plain parser goes too, so such a body is a 415, not a confusing 400.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (isBlank(bytes)) return done(null, undefined);
    // Whole pacts are parsed off the event loop, by the publish code (pacts/pact-jobs.ts).
    if (RAW_BODY_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) return done(null, new RawJsonBody(bytes));
    try {
      return done(null, parseJsonBytes(bytes));
    } catch (err) {
      return done(err as Error, undefined);
    }
  });

  app.decorateRequest('urls', null as unknown as Urls);
  app.addHook('onRequest', async (request) => {
    request.urls = createUrls(config.baseUrl ?? `${request.protocol}://${request.host}`);
  });

  app.addHook('preValidation', checkNameParams);
  app.addHook('onSend', encodeHeaders);
  await app.register(authPlugin, { auth: normalizeAuth(config.auth) });
  await app.register(heartbeatRoutes);
  await app.register(async (broker) => {
    broker.addHook('onRequest', async (request, reply) => {
      // A browser opening a resource gets its page; every JSON client gets the resource as before.
      const htmlPage = prefersHtml(request.headers.accept) ? pageFor(request) : undefined;
      if (htmlPage !== undefined) return reply.redirect(htmlPage, 303);
      reply.type(responseContentType(request.headers.accept));
    });
    for (const routes of [
      indexRoutes,
      publishRoutes,
      pactRoutes,
      pactCollectionRoutes,
      forVerificationRoutes,
      verificationResultRoutes,
      pacticipantRoutes,
      versionRoutes,
      versionListRoutes,
      environmentRoutes,
      deploymentRoutes,
      matrixRoutes,
      webhookRoutes,
      webhookExecutionRoutes,
      labelRoutes,
      integrationRoutes,
      dashboardRoutes,
      providerStateRoutes,
      metricsRoutes,
      canIDeployPathRoutes,
      badgeRoutes,
      deletionRoutes,
      latestVerificationRoutes,
      pactDiffRoutes,
    ]) {
      await broker.register(routes);
    }
  });
  await app.register(uiRoutes);
  return app;
}
