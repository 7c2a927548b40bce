import { readFileSync } from 'node:fs';
import { diffPacts } from 'contract-kit/diff';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as q from '../db/ui-queries.ts';
import { BrokerValidationError, PacticipantNotFoundError, PactNotFoundError } from '../errors.ts';
import { computeMatrix } from '../matrix/matrix.ts';
import { type MatrixQuery, parseCanIDeployQuery } from '../matrix/query.ts';
import type { MatrixRow } from '../matrix/rows.ts';
import type { Html } from './html.ts';
import { readPact, resultsByInteraction } from './pact-model.ts';
import { type CanIDeployForm, canIDeployPage, type Refusal } from './pages/can-i-deploy-page.ts';
import { diffPage } from './pages/diff-page.ts';
import { indexPage } from './pages/index-page.ts';
import { matrixPage } from './pages/matrix-page.ts';
import { networkPage } from './pages/network-page.ts';
import { pactPage } from './pages/pact-page.ts';
import { pacticipantPage } from './pages/pacticipant-page.ts';
import { webhooksPage } from './pages/webhooks-page.ts';

const HTML_TYPE = 'text/html; charset=utf-8';
const ASSETS: Record<string, { type: string; body: string }> = {
  'ui.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(new URL('./assets/ui.css', import.meta.url), 'utf8'),
  },
  'ui.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(new URL('./assets/ui.js', import.meta.url), 'utf8'),
  },
};

/** The broker's pages keep their lists short: a search or filter finds the rest. */
const LIMITS = {
  integrations: 100,
  versions: 50,
  matrix: 100,
  verifications: 20,
  pactVersions: 100,
  triggeredWebhooks: 50,
};

type Query = Record<string, unknown>;
const text = (query: unknown, key: string): string => {
  const value = (query as Query | undefined)?.[key];
  return typeof value === 'string' ? value.trim() : '';
};

// Encoded once here: sent as a string, the page would be flattened and measured, then encoded again.
const send = (reply: FastifyReply, body: Html, status = 200) =>
  reply.code(status).type(HTML_TYPE).header('cache-control', 'no-store').send(Buffer.from(body.text));

/** Server-rendered pages under /ui (what a browser asking the broker's resources for HTML is sent to). */
export async function uiRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;
  const db = repos.db;

  // A failure on a page answers in the broker's documented error shape, as every route does.

  app.get('/ui/assets/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new PactNotFoundError(`(nor any page asset named ${file})`);
    return reply.type(asset.type).header('cache-control', 'public, max-age=300').send(asset.body);
  });

  app.get('/ui', async (request, reply) => {
    const search = text(request.query, 'q');
    const { rows, total } = await q.integrations(db, { search, limit: LIMITS.integrations });
    return send(reply, indexPage({ rows, total, search, now: repos.now() }));
  });

  app.get('/ui/network', async (request, reply) => {
    return send(reply, networkPage({ edges: await q.graphEdges(db), focus: text(request.query, 'focus') }));
  });

  app.get('/ui/pacticipants/:pacticipant', async (request, reply) => {
    const { pacticipant: name } = request.params as { pacticipant: string };
    const pacticipant = await repos.pacticipants.findByName(name);
    if (!pacticipant) throw new PacticipantNotFoundError(name);
    const { versions, total } = await q.recentVersions(db, pacticipant.id, LIMITS.versions);
    return send(
      reply,
      pacticipantPage({
        name: pacticipant.name,
        mainBranch: pacticipant.main_branch,
        repositoryUrl: pacticipant.repository_url,
        versions,
        totalVersions: total,
        branches: await q.branchesOf(db, pacticipant.id),
        deployments: await q.deploymentsOf(db, pacticipant.id),
        integrations: (await q.integrations(db, { pacticipantId: pacticipant.id, limit: LIMITS.integrations })).rows,
        now: repos.now(),
      }),
    );
  });

  app.get('/ui/pacts/provider/:provider/consumer/:consumer/version/:version', async (request, reply) => {
    const params = request.params as { provider: string; consumer: string; version: string };
    const consumer = await repos.pacticipants.findByName(params.consumer);
    const provider = await repos.pacticipants.findByName(params.provider);
    const found = consumer && provider ? await q.publication(db, consumer.id, provider.id, params.version) : undefined;
    if (!consumer || !provider || !found) {
      throw new PactNotFoundError(`between ${params.consumer} version ${params.version} and ${params.provider}`);
    }
    const model = readPact(found.content);
    const verifications = await q.verificationsOf(db, found.pactVersionId, LIMITS.verifications);
    return send(
      reply,
      pactPage({
        model,
        consumer: consumer.name,
        provider: provider.name,
        consumerVersion: found.consumerVersion,
        sha: found.sha,
        publishedAt: found.publishedAt,
        verifications,
        results: resultsByInteraction(verifications[0]?.testResults, model.interactions),
        jsonUrl: request.urls.pact(provider.name, consumer.name, found.consumerVersion).replace(request.urls.base, ''),
        now: repos.now(),
      }),
    );
  });

  app.get('/ui/pacts/provider/:provider/consumer/:consumer/diff', async (request, reply) => {
    const params = request.params as { provider: string; consumer: string };
    const consumer = await repos.pacticipants.findByName(params.consumer);
    const provider = await repos.pacticipants.findByName(params.provider);
    if (!consumer || !provider) throw new PactNotFoundError(`between ${params.consumer} and ${params.provider}`);
    const versions = await q.pactVersionsOf(db, consumer.id, provider.id, LIMITS.pactVersions);
    // Without a choice: the latest pact against the one before it, what a reviewer asks first.
    const to = text(request.query, 'to') || versions[0]?.number;
    const from =
      text(request.query, 'from') || versions[versions.findIndex((v) => v.number === to) + 1]?.number || undefined;
    const common = { consumer: consumer.name, provider: provider.name, versions, now: repos.now() };
    if (!to || !from) return send(reply, diffPage(common));
    const [before, after] = await Promise.all(
      [from, to].map((number) => q.publication(db, consumer.id, provider.id, number)),
    );
    for (const [number, found] of [
      [from, before],
      [to, after],
    ] as const) {
      if (!found) throw new PactNotFoundError(`between ${consumer.name} version ${number} and ${provider.name}`);
    }
    const diff = diffPacts(JSON.parse(before?.content ?? '{}'), JSON.parse(after?.content ?? '{}'));
    return send(reply, diffPage({ ...common, from, to, diff }));
  });

  app.get('/ui/matrix', async (request, reply) => {
    const status = text(request.query, 'status');
    const filter: q.MatrixFilter = {
      consumer: text(request.query, 'consumer') || text(request.query, 'pacticipant'),
      provider: text(request.query, 'provider'),
      consumerVersion: text(request.query, 'version'),
      ...(status === 'success' || status === 'failed' || status === 'unverified' ? { status } : {}),
      limit: LIMITS.matrix,
    };
    const rows = await q.matrixLines(db, filter);
    return send(reply, matrixPage({ filter, rows, names: await q.pacticipantNames(db), now: repos.now() }));
  });

  app.get('/ui/can-i-deploy', async (request, reply) => {
    const form: CanIDeployForm = {
      pacticipant: text(request.query, 'pacticipant'),
      version: text(request.query, 'version'),
      environment: text(request.query, 'environment'),
      branch: text(request.query, 'branch'),
      tag: text(request.query, 'tag'),
      mainBranch: text(request.query, 'mainBranch') === 'true',
    };
    const environments = (await repos.environments.list()).map((e) => e.name);
    const chosen = form.pacticipant ? await repos.pacticipants.findByName(form.pacticipant) : undefined;
    const versions = chosen
      ? (await q.recentVersions(db, chosen.id, LIMITS.versions)).versions.map((v) => v.number)
      : [];
    let result: Awaited<ReturnType<typeof computeMatrix>> | undefined;
    let refusal: Refusal | undefined;
    if (form.pacticipant && form.environment) {
      try {
        const asked = withLatestTag(
          parseCanIDeployQuery({
            pacticipant: form.pacticipant,
            environment: form.environment,
            ...(form.version
              ? { version: form.version }
              : form.branch
                ? { branch: form.branch }
                : form.mainBranch && !form.tag
                  ? { mainBranch: 'true' }
                  : { latest: 'true' }),
          }),
          form.version || form.branch ? '' : form.tag,
        );
        result = await computeMatrix(repos, asked, (row: MatrixRow) =>
          request.urls.pact(row.providerName, row.consumerName, row.consumerVersionNumber),
        );
      } catch (err) {
        if (!(err instanceof BrokerValidationError)) throw err;
        const messages = Array.isArray(err.errors) ? err.errors : Object.values(err.errors).flat();
        refusal = {
          messages,
          nextStep: chosen
            ? {
                text: `Create the environment ${form.environment}, or pick one that exists.`,
                command: `contract-kit create-environment --name ${form.environment}`,
              }
            : {
                text: `${form.pacticipant} is unknown to this broker: check the name, or publish its pacts (or a verification by it) first.`,
                command: `contract-kit publish  # in ${form.pacticipant}'s checkout`,
              },
        };
      }
    }
    const page = canIDeployPage({
      form,
      names: await q.pacticipantNames(db),
      versions,
      environments,
      ...(result ? { result } : {}),
      ...(refusal ? { refusal } : {}),
    });
    return send(reply, page);
  });

  app.get('/ui/webhooks', async (request, reply) => {
    const page = webhooksPage({
      webhooks: await repos.webhooks.list(),
      triggered: await repos.triggeredWebhooks.latestWithAttempts(LIMITS.triggeredWebhooks),
      maxAttempts: app.broker.webhooks.settings.retrySchedule.length + 1,
      base: request.urls.base,
      now: repos.now(),
      queueNow: app.broker.webhooks.clock(),
    });
    return send(reply, page);
  });
}

/**
 * The question about the latest version with `tag` instead (what the matrix asks for `--latest TAG`), resolved by
 * the same selector as `/matrix`; `/can-i-deploy` itself takes no tag, as in the real broker.
 */
function withLatestTag(query: MatrixQuery, tag: string): MatrixQuery {
  if (tag === '') return query;
  return { ...query, selectors: query.selectors.map((s) => ({ pacticipant: s.pacticipant, tag, latest: true })) };
}

/** Whether a browser is asking: HTML before any JSON in its Accept header (the Pact clients never send HTML). */
export function prefersHtml(accept: string | string[] | undefined): boolean {
  const value = (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).toLowerCase();
  const htmlAt = value.indexOf('text/html');
  if (htmlAt === -1) return false;
  const jsonAt = value.search(/application\/(hal\+)?json/);
  return jsonAt === -1 || htmlAt < jsonAt;
}

/** The page for a JSON resource a browser opened, or undefined when it has none. */
export function pageFor(request: FastifyRequest): string | undefined {
  if (request.method !== 'GET') return undefined;
  const params = request.params as Record<string, string>;
  const e = encodeURIComponent;
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  switch (request.routeOptions.url) {
    case '/':
      return '/ui';
    case '/pacticipants/:pacticipant':
      return `/ui/pacticipants/${e(params.pacticipant ?? '')}`;
    case '/pacts/provider/:provider/consumer/:consumer/version/:version':
      return `/ui/pacts/provider/${e(params.provider ?? '')}/consumer/${e(params.consumer ?? '')}/version/${e(params.version ?? '')}`;
    case '/can-i-deploy':
      return `/ui/can-i-deploy${query}`;
    case '/matrix':
      return '/ui/matrix';
    case '/webhooks':
      return '/ui/webhooks';
    default:
      return undefined;
  }
}
