import type { FastifyInstance } from 'fastify';
import { link } from '../hal.ts';
import { openResponse } from './schemas.ts';

/** One row of the dashboard: an integration's latest pact and what became of it. */
interface DashboardItem {
  consumer: { name: string; version: { number: string; tags: string[] } };
  provider: { name: string; version: { number: string } | null };
  pact: { createdAt: string; _links: { self: { href: string } } };
  verificationResult: { success: boolean; verifiedAt: string; _links: { self: { href: string } } } | null;
}

function textTable(items: DashboardItem[]): string {
  const header = ['Consumer', 'C.version', 'Provider', 'P.version', 'Published', 'Verified', 'Status'];
  const rows = items.map((i) => [
    i.consumer.name,
    i.consumer.version.number,
    i.provider.name,
    i.provider.version?.number ?? '',
    i.pact.createdAt,
    i.verificationResult?.verifiedAt ?? '',
    i.verificationResult === null ? 'unverified' : i.verificationResult.success ? 'success' : 'failed',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join(' | ')
      .trimEnd();
  return `${[line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n')}\n`;
}

/** `GET /dashboard`: each integration's latest pact, its latest verification result; also as a text table. */
export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  app.get('/dashboard', { schema: { response: { 200: openResponse } } }, async (request, reply) => {
    const publications = await repos.pacts.latestPublications();
    const tags = await repos.tags.forVersions(publications.map((p) => p.consumerVersionId));
    const items: DashboardItem[] = [];
    for (const p of publications) {
      const verification = await repos.verifications.latestForPactVersion(p.pactVersionId);
      items.push({
        consumer: {
          name: p.consumerName,
          version: {
            number: p.consumerVersionNumber,
            tags: (tags.get(p.consumerVersionId) ?? []).map((t) => t.name),
          },
        },
        provider: {
          name: p.providerName,
          version: verification ? { number: verification.providerVersionNumber } : null,
        },
        pact: {
          createdAt: p.createdAt,
          _links: { self: link(request.urls.pact(p.providerName, p.consumerName, p.consumerVersionNumber)) },
        },
        verificationResult: verification
          ? {
              success: verification.success,
              verifiedAt: verification.createdAt,
              _links: {
                self: link(request.urls.verificationResult(p.providerName, p.consumerName, p.sha, verification.number)),
              },
            }
          : null,
      });
    }
    const accept = String(request.headers.accept ?? '').toLowerCase();
    if (accept.includes('text/plain') && !accept.includes('json')) {
      return reply.type('text/plain;charset=utf-8').send(textTable(items));
    }
    return { items, _links: { self: link(`${request.urls.base}/dashboard`, { title: 'Dashboard' }) } };
  });
}
