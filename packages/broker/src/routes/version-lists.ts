import type { FastifyInstance } from 'fastify';
import type { Repositories } from '../db/repositories.ts';
import type { PacticipantRow, VersionRow } from '../db/schema.ts';
import type { VersionFilter } from '../db/versions-repository.ts';
import { BranchNotFoundError, TagNotFoundError } from '../errors.ts';
import { link, type Urls } from '../hal.ts';
import { type PageRequest, pageRequest, pageSection } from '../http/pagination.ts';
import { versionResource } from '../representations/version.ts';
import { requireEnvironment, requirePacticipant } from './lookups.ts';
import { embeddedList, errorResponse, pacticipantParams } from './schemas.ts';

const responses = { 200: embeddedList('versions'), 400: errorResponse, 404: errorResponse };

/** Each version as the version resource shows it, read for the whole page at once (a few queries, not per row). */
async function describeVersions(repos: Repositories, urls: Urls, pacticipant: PacticipantRow, versions: VersionRow[]) {
  const ids = versions.map((v) => v.id);
  const [tags, branches, deployed, released] = await Promise.all([
    repos.tags.forVersions(ids),
    repos.branches.forVersions(ids),
    repos.deployments.listDeployed({ versionIds: ids }),
    repos.deployments.listReleased({ versionIds: ids }),
  ]);
  const publications = await repos.pacts.publicationsOfConsumerVersions(ids);
  return versions.map((v) =>
    versionResource(urls, pacticipant.name, v, {
      tags: tags.get(v.id) ?? [],
      branches: branches.get(v.id) ?? [],
      publications: publications.get(v.id) ?? [],
      deployed: deployed.filter((d) => d.versionId === v.id),
      released: released.filter((r) => r.versionId === v.id),
    }),
  );
}

interface ListOptions {
  pacticipant: PacticipantRow;
  filter: VersionFilter;
  /** The list's own URL, without a query: the pagination links are built on it. */
  url: string;
  title: string;
  page: PageRequest | undefined;
}

/** A versions collection, newest first, in the real broker's shape (with its deprecated `versions` links). */
export async function versionsCollection(repos: Repositories, urls: Urls, options: ListOptions) {
  const { pacticipant, filter, url, title, page } = options;
  const found = await repos.versions.listNewestFirst(pacticipant.id, filter, page);
  const paging = pageSection(url, page, found.total);
  return {
    ...(paging.page ? { page: paging.page } : {}),
    _embedded: { versions: await describeVersions(repos, urls, pacticipant, found.items) },
    _links: {
      self: link(url, { title }),
      ...paging.links,
      'pb:pacticipant': link(urls.pacticipant(pacticipant.name), { title: pacticipant.name }),
      'pb:versions': found.items.map((v) =>
        link(urls.version(pacticipant.name, v.number), { title: 'Version', name: v.number }),
      ),
      versions: found.items.map((v) =>
        link(urls.version(pacticipant.name, v.number), { title: 'Deprecated - please use pb:versions' }),
      ),
    },
  };
}

/** The lists of a pacticipant's versions: all, on a branch, with a tag, in an environment. Each may be paged. */
export async function versionListRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  app.get<{ Params: { pacticipant: string } }>(
    '/pacticipants/:pacticipant/versions',
    { schema: { params: pacticipantParams, response: responses } },
    async (request) => {
      const page = pageRequest(request.query);
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      return versionsCollection(repos, request.urls, {
        pacticipant,
        filter: {},
        url: request.urls.versions(pacticipant.name),
        title: `All application versions of ${pacticipant.name}`,
        page,
      });
    },
  );

  app.get<{ Params: { pacticipant: string; branch: string } }>(
    '/pacticipants/:pacticipant/branches/:branch/versions',
    { schema: { params: pacticipantParams, response: responses } },
    async (request) => {
      const page = pageRequest(request.query);
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      const branch = await repos.branches.find(pacticipant.id, request.params.branch);
      if (!branch) throw new BranchNotFoundError(pacticipant.name, request.params.branch);
      return versionsCollection(repos, request.urls, {
        pacticipant,
        filter: { branchId: branch.id },
        url: request.urls.branchVersions(pacticipant.name, branch.name),
        title: `Versions for branch ${branch.name} of ${pacticipant.name}`,
        page,
      });
    },
  );

  app.get<{ Params: { pacticipant: string; tag: string } }>(
    '/pacticipants/:pacticipant/tags/:tag/versions',
    { schema: { params: pacticipantParams, response: responses } },
    async (request) => {
      const page = pageRequest(request.query);
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      const { tag } = request.params;
      if (!(await repos.tags.exists(pacticipant.id, tag))) throw new TagNotFoundError(pacticipant.name, undefined, tag);
      return versionsCollection(repos, request.urls, {
        pacticipant,
        filter: { tag },
        url: request.urls.tagVersions(pacticipant.name, tag),
        title: `Versions of ${pacticipant.name} with tag ${tag}`,
        page,
      });
    },
  );

  app.get<{ Params: { pacticipant: string; uuid: string } }>(
    '/pacticipants/:pacticipant/environments/:uuid/versions',
    { schema: { params: pacticipantParams, response: responses } },
    async (request) => {
      const page = pageRequest(request.query);
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      const environment = await requireEnvironment(repos, request.params.uuid);
      return versionsCollection(repos, request.urls, {
        pacticipant,
        filter: { environmentId: environment.id },
        url: request.urls.environmentVersions(pacticipant.name, environment.uuid),
        title: `Versions for ${pacticipant.name} in environment ${environment.displayName ?? environment.name}`,
        page,
      });
    },
  );
}
