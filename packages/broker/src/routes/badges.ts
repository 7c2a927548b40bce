import { createHash } from 'node:crypto';
import { ServiceError } from '@contract-kit/service-common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deployableBadge, verificationBadge } from '../badges/status.ts';
import { type BadgeColour, badgeSvg } from '../badges/svg.ts';
import type { Publication } from '../db/pacts-repository.ts';
import { computeMatrix } from '../matrix/matrix.ts';
import type { MatrixQuery } from '../matrix/query.ts';
import { canIDeployByBranch, canIDeployByTag } from './can-i-deploy-paths.ts';

const between = '/pacts/provider/:provider/consumer/:consumer';
type Between = { Params: { provider: string; consumer: string; tag?: string } };

/**
 * Sends a badge. Status changes with every verification, so caches keep it only to revalidate (ETag, 304):
 * READMEs show the current state without the broker drawing it again for each view.
 */
function sendBadge(
  request: FastifyRequest,
  reply: FastifyReply,
  label: string,
  badge: { status: string; colour: BadgeColour },
) {
  const svg = badgeSvg(label, badge.status, badge.colour);
  const etag = `"${createHash('sha1').update(svg).digest('base64url')}"`;
  reply.header('Cache-Control', 'public, no-cache').header('ETag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('image/svg+xml;charset=utf-8').send(svg);
}

/** A lookup that finds nothing (unknown pacticipant, version, tag) makes a "not found" badge, not an error page. */
async function orNotFound<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ServiceError && err.statusCode >= 400 && err.statusCode < 500) return undefined;
    throw err;
  }
}

/** Badges for READMEs: a pact's verification status, the matrix between two tags, can-i-deploy. SVG only. */
export async function badgeRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  async function pactBadge(
    request: FastifyRequest<Between>,
    reply: FastifyReply,
    find: (providerId: number, consumerId: number) => Promise<Publication | undefined>,
  ) {
    const { provider, consumer } = request.params;
    const providerRow = await repos.pacticipants.findByName(provider);
    const consumerRow = await repos.pacticipants.findByName(consumer);
    const publication = providerRow && consumerRow ? await find(providerRow.id, consumerRow.id) : undefined;
    const verification = publication && (await repos.verifications.latestForPactVersion(publication.pactVersionId));
    return sendBadge(
      request,
      reply,
      `${consumer}/${provider} pact`,
      verificationBadge(!!publication, verification?.success),
    );
  }

  app.get<Between>(`${between}/latest/badge`, (request, reply) =>
    pactBadge(request, reply, (p, c) => repos.pacts.latestPublication(p, c)),
  );

  app.get<Between>(`${between}/latest/:tag/badge`, (request, reply) =>
    pactBadge(request, reply, (p, c) => repos.pacts.latestPublication(p, c, { tag: request.params.tag as string })),
  );

  app.get<Between>(`${between}/latest-untagged/badge`, (request, reply) =>
    pactBadge(request, reply, async (p, c) => {
      const publications = await repos.pacts.publicationsForIntegration(p, c);
      const tags = await repos.tags.forVersions(publications.map((pub) => pub.consumerVersionId));
      return publications.find((pub) => (tags.get(pub.consumerVersionId) ?? []).length === 0);
    }),
  );

  app.get<{ Params: { provider: string; providerTag: string; consumer: string; consumerTag: string } }>(
    '/matrix/provider/:provider/latest/:providerTag/consumer/:consumer/latest/:consumerTag/badge',
    async (request, reply) => {
      const { provider, providerTag, consumer, consumerTag } = request.params;
      const query: MatrixQuery = {
        selectors: [
          { pacticipant: consumer, tag: consumerTag, latest: true },
          { pacticipant: provider, tag: providerTag, latest: true },
        ],
        target: { latest: false, mainBranch: false },
        ignore: [],
        limit: 100,
      };
      const result = await orNotFound(() => computeMatrix(repos, query));
      const row = result?.rows.find((r) => r.verificationNumber !== null) ?? result?.rows[0];
      const label = `${consumer} (${consumerTag})/${provider} (${providerTag}) pact`;
      if (!row) return sendBadge(request, reply, label, { status: 'not found', colour: 'grey' });
      return sendBadge(
        request,
        reply,
        label,
        verificationBadge(true, row.verificationNumber === null ? undefined : row.success === true),
      );
    },
  );

  async function canIDeployBadge(request: FastifyRequest, reply: FastifyReply, label: string, query: MatrixQuery) {
    const result = await orNotFound(() => computeMatrix(repos, query));
    if (!result) return sendBadge(request, reply, label, { status: 'not found', colour: 'grey' });
    return sendBadge(request, reply, label, deployableBadge(result.summary.deployable));
  }

  app.get<{ Params: { pacticipant: string; tag: string; to: string } }>(
    '/pacticipants/:pacticipant/latest-version/:tag/can-i-deploy/to/:to/badge',
    (request, reply) => {
      const { pacticipant, tag, to } = request.params;
      return canIDeployBadge(
        request,
        reply,
        `can-i-deploy ${pacticipant} (${tag}) to ${to}`,
        canIDeployByTag(pacticipant, tag, to),
      );
    },
  );

  app.get<{ Params: { pacticipant: string; branch: string; environment: string } }>(
    '/pacticipants/:pacticipant/branches/:branch/latest-version/can-i-deploy/to-environment/:environment/badge',
    (request, reply) => {
      const { pacticipant, branch, environment } = request.params;
      return canIDeployBadge(
        request,
        reply,
        `can-i-deploy ${pacticipant} (${branch}) to ${environment}`,
        canIDeployByBranch(pacticipant, branch, environment),
      );
    },
  );
}
