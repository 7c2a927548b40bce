import type { FastifyInstance } from 'fastify';
import { inTransaction, type Repositories } from '../db/repositories.ts';
import type { PacticipantRow, VersionRow } from '../db/schema.ts';
import {
  BranchNotFoundError,
  BrokerValidationError,
  MethodMediaTypeError,
  TagNotFoundError,
  VersionNotFoundError,
} from '../errors.ts';
import { link, type Urls } from '../hal.ts';
import { isJsonObject } from '../pacts/content.ts';
import { branchVersionEntry, tagResource, versionResource } from '../representations/version.ts';
import { requirePacticipant, requireVersion } from './lookups.ts';
import { errorResponse, halResponse, pacticipantParams, versionParams } from './schemas.ts';

type VersionParams = { pacticipant: string; version: string };

const responses = { 200: halResponse, 201: halResponse, 400: errorResponse, 404: errorResponse };
const deleted = { response: { 404: errorResponse } };

export async function describeVersion(
  repos: Repositories,
  urls: Urls,
  pacticipant: PacticipantRow,
  version: VersionRow,
  selfUrl?: string,
) {
  return versionResource(urls, pacticipant.name, version, {
    tags: (await repos.tags.forVersions([version.id])).get(version.id) ?? [],
    branches: (await repos.branches.forVersions([version.id])).get(version.id) ?? [],
    publications: await repos.pacts.publicationsOfConsumerVersion(version.id),
    environments: await repos.environments.list(),
    deployed: await repos.deployments.listDeployed({ versionId: version.id }),
    released: await repos.deployments.listReleased({ versionId: version.id }),
    ...(selfUrl !== undefined ? { selfUrl } : {}),
  });
}

const MERGE_PATCH = 'application/merge-patch+json';
const isMergePatch = (contentType: string | undefined) =>
  contentType !== undefined && contentType.split(';')[0]?.trim().toLowerCase() === MERGE_PATCH;

interface VersionChanges {
  branch?: string;
  buildUrl?: string | null;
  /** Present: the version's tags become these. Absent: its tags stay as they are. */
  tags?: string[];
}

/** The fields a version PUT or PATCH may set, checked. */
function parseVersionBody(raw: unknown): VersionChanges {
  const body = raw ?? {};
  if (!isJsonObject(body)) throw new BrokerValidationError({ body: ['must be a JSON object'] });
  const errors: Record<string, string[]> = {};
  if (body.branch !== undefined && body.branch !== null && typeof body.branch !== 'string')
    errors.branch = ['must be a string'];
  if (body.buildUrl !== undefined && body.buildUrl !== null && typeof body.buildUrl !== 'string')
    errors.buildUrl = ['must be a string'];
  const tags = body.tags;
  if (tags !== undefined && (!Array.isArray(tags) || tags.some((t) => !isJsonObject(t) && typeof t !== 'string')))
    errors.tags = ['must be a list of tags'];
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  const names = Array.isArray(tags)
    ? tags
        .map((tag) => (typeof tag === 'string' ? tag : (tag as { name?: unknown }).name))
        .filter((name): name is string => typeof name === 'string' && name !== '')
    : undefined;
  return {
    ...(typeof body.branch === 'string' && body.branch !== '' ? { branch: body.branch } : {}),
    ...(body.buildUrl !== undefined ? { buildUrl: (body.buildUrl as string | null) ?? null } : {}),
    ...(names !== undefined ? { tags: [...new Set(names)] } : {}),
  };
}

/**
 * PUT and PATCH both create the version when missing (201) and otherwise update it (200), never touching its
 * creation date. Either replaces the tags only when the body names tags, and adds the version to a branch when
 * it names one. PATCH is a merge patch and must say so; a PUT must not.
 */
async function saveVersion(repos: Repositories, params: VersionParams, changes: VersionChanges) {
  const pacticipant = await repos.pacticipants.findOrCreate(params.pacticipant);
  const existing = await repos.versions.find(pacticipant.id, params.version);
  let version = await repos.versions.findOrCreate(pacticipant.id, params.version);
  if (changes.buildUrl !== undefined) {
    version = await repos.versions.update(version.id, { buildUrl: changes.buildUrl });
  }
  if (changes.branch !== undefined) await repos.branches.addVersion(pacticipant.id, changes.branch, version.id);
  if (changes.tags !== undefined) await repos.tags.replaceAll(pacticipant.id, version.id, changes.tags);
  return { pacticipant, version, created: existing === undefined };
}

/** Versions, latest versions, tags and branches of a pacticipant. */
export async function versionRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  app.get<{ Params: VersionParams }>(
    '/pacticipants/:pacticipant/versions/:version',
    { schema: { params: versionParams, response: responses } },
    async (request) => {
      const { pacticipant, version } = await requireVersion(repos, request.params.pacticipant, request.params.version);
      return describeVersion(repos, request.urls, pacticipant, version);
    },
  );

  app.put<{ Params: VersionParams }>(
    '/pacticipants/:pacticipant/versions/:version',
    { schema: { params: versionParams, response: responses } },
    async (request, reply) => {
      const contentType = request.headers['content-type'];
      if (isMergePatch(contentType)) throw new MethodMediaTypeError('PUT', MERGE_PATCH);
      const { pacticipant, version, created } = await inTransaction(repos, (trx) =>
        saveVersion(trx, request.params, parseVersionBody(request.body)),
      );
      return reply.code(created ? 201 : 200).send(await describeVersion(repos, request.urls, pacticipant, version));
    },
  );

  app.patch<{ Params: VersionParams }>(
    '/pacticipants/:pacticipant/versions/:version',
    { schema: { params: versionParams, response: responses } },
    async (request, reply) => {
      const contentType = request.headers['content-type'];
      if (contentType !== undefined && !isMergePatch(contentType)) {
        throw new MethodMediaTypeError('PATCH', contentType.split(';')[0] ?? contentType);
      }
      const { pacticipant, version, created } = await inTransaction(repos, (trx) =>
        saveVersion(trx, request.params, parseVersionBody(request.body)),
      );
      return reply.code(created ? 201 : 200).send(await describeVersion(repos, request.urls, pacticipant, version));
    },
  );

  app.delete<{ Params: VersionParams }>(
    '/pacticipants/:pacticipant/versions/:version',
    { schema: { params: versionParams, ...deleted } },
    async (request, reply) => {
      const { version } = await requireVersion(repos, request.params.pacticipant, request.params.version);
      await repos.versions.delete(version.id);
      return reply.code(204).send();
    },
  );

  const latest = async (name: string, tag: string | undefined, urls: Urls) => {
    const pacticipant = await requirePacticipant(repos, name);
    const version =
      tag === undefined
        ? await repos.versions.latest(pacticipant.id)
        : await repos.versions.latestWithTag(pacticipant.id, tag);
    if (!version) throw new VersionNotFoundError(name, tag === undefined ? 'latest' : `latest with tag ${tag}`);
    return describeVersion(repos, urls, pacticipant, version);
  };
  app.get<{ Params: { pacticipant: string } }>(
    '/pacticipants/:pacticipant/latest-version',
    { schema: { params: pacticipantParams, response: responses } },
    (request) => latest(request.params.pacticipant, undefined, request.urls),
  );
  app.get<{ Params: { pacticipant: string; tag: string } }>(
    '/pacticipants/:pacticipant/latest-version/:tag',
    { schema: { params: pacticipantParams, response: responses } },
    (request) => latest(request.params.pacticipant, request.params.tag, request.urls),
  );

  // Tags
  type TagParams = VersionParams & { tag: string };
  app.put<{ Params: TagParams }>(
    '/pacticipants/:pacticipant/versions/:version/tags/:tag',
    { schema: { params: versionParams, response: responses } },
    async (request, reply) => {
      const { pacticipant: name, version: number, tag } = request.params;
      const pacticipant = await repos.pacticipants.findOrCreate(name);
      const version = await repos.versions.findOrCreate(pacticipant.id, number);
      const created = await repos.tags.add(pacticipant.id, version.id, tag);
      await repos.pacticipants.adoptMainBranchCandidate(pacticipant.id, tag);
      // Tagging a version with an environment's name records a deployment there (the real broker's
      // create_deployed_versions_for_tags), so teams moving from tags to environments see both.
      const environment = await repos.environments.findByName(tag);
      if (created && environment) {
        await inTransaction(repos, (trx) =>
          trx.deployments.recordDeployment(pacticipant.id, version.id, environment.id, null),
        );
      }
      const row = await repos.tags.find(version.id, tag);
      return reply
        .code(created ? 201 : 200)
        .send(
          tagResource(
            request.urls,
            pacticipant.name,
            version.number,
            row ?? { versionId: version.id, name: tag, createdAt: version.created_at },
          ),
        );
    },
  );
  app.get<{ Params: TagParams }>(
    '/pacticipants/:pacticipant/versions/:version/tags/:tag',
    { schema: { params: versionParams, response: responses } },
    async (request) => {
      const { pacticipant, version } = await requireVersion(repos, request.params.pacticipant, request.params.version);
      const tag = await repos.tags.find(version.id, request.params.tag);
      if (!tag) throw new TagNotFoundError(pacticipant.name, version.number, request.params.tag);
      return tagResource(request.urls, pacticipant.name, version.number, tag);
    },
  );
  app.delete<{ Params: TagParams }>(
    '/pacticipants/:pacticipant/versions/:version/tags/:tag',
    { schema: { params: versionParams, ...deleted } },
    async (request, reply) => {
      const { pacticipant, version } = await requireVersion(repos, request.params.pacticipant, request.params.version);
      if (!(await repos.tags.find(version.id, request.params.tag))) {
        throw new TagNotFoundError(pacticipant.name, version.number, request.params.tag);
      }
      await repos.tags.delete(version.id, request.params.tag);
      return reply.code(204).send();
    },
  );

  // Branches
  type BranchParams = { pacticipant: string; branch: string };
  const requireBranch = async (params: BranchParams) => {
    const pacticipant = await requirePacticipant(repos, params.pacticipant);
    const branch = await repos.branches.find(pacticipant.id, params.branch);
    if (!branch) throw new BranchNotFoundError(pacticipant.name, params.branch);
    return { pacticipant, branch };
  };

  app.get<{ Params: { pacticipant: string } }>(
    '/pacticipants/:pacticipant/branches',
    { schema: { params: pacticipantParams, response: responses } },
    async (request) => {
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      const branches = await repos.branches.listForPacticipant(pacticipant.id);
      return {
        _embedded: {
          branches: branches.map((b) => ({
            name: b.name,
            createdAt: b.created_at,
            _links: { self: link(request.urls.branch(pacticipant.name, b.name), { title: 'Branch', name: b.name }) },
          })),
        },
        _links: { self: link(request.urls.branches(pacticipant.name)) },
      };
    },
  );

  app.get<{ Params: BranchParams }>(
    '/pacticipants/:pacticipant/branches/:branch',
    { schema: { response: responses } },
    async (request) => {
      const { pacticipant, branch } = await requireBranch(request.params);
      const latestId = await repos.branches.latestVersionId(branch.id);
      const latestVersion = latestId !== undefined ? await repos.versions.findById(latestId) : undefined;
      return {
        name: branch.name,
        createdAt: branch.created_at,
        ...(latestVersion ? { latestVersion: { number: latestVersion.number } } : {}),
        _links: {
          self: link(request.urls.branch(pacticipant.name, branch.name), { title: 'Branch', name: branch.name }),
          ...(latestVersion
            ? {
                'pb:latest-version': link(request.urls.version(pacticipant.name, latestVersion.number), {
                  title: 'Latest version',
                  name: latestVersion.number,
                }),
              }
            : {}),
          'pb:versions': link(request.urls.branchVersions(pacticipant.name, branch.name), { title: 'Versions' }),
          'pb:pacticipant': link(request.urls.pacticipant(pacticipant.name), {
            title: 'Pacticipant',
            name: pacticipant.name,
          }),
        },
      };
    },
  );

  app.get<{ Params: BranchParams }>(
    '/pacticipants/:pacticipant/branches/:branch/latest-version',
    { schema: { response: responses } },
    async (request) => {
      const { pacticipant, branch } = await requireBranch(request.params);
      const latestId = await repos.branches.latestVersionId(branch.id);
      const version = latestId !== undefined ? await repos.versions.findById(latestId) : undefined;
      if (!version) throw new VersionNotFoundError(pacticipant.name, `latest on branch ${branch.name}`);
      const self = request.urls.latestBranchVersion(pacticipant.name, branch.name);
      return describeVersion(repos, request.urls, pacticipant, version, self);
    },
  );

  app.delete<{ Params: BranchParams }>(
    '/pacticipants/:pacticipant/branches/:branch',
    { schema: deleted },
    async (request, reply) => {
      const { branch } = await requireBranch(request.params);
      await repos.branches.delete(branch.id);
      return reply.code(204).send();
    },
  );

  type BranchVersionParams = BranchParams & { version: string };
  app.put<{ Params: BranchVersionParams }>(
    '/pacticipants/:pacticipant/branches/:branch/versions/:version',
    { schema: { response: responses } },
    async (request, reply) => {
      const { pacticipant: name, branch, version: number } = request.params;
      const pacticipant = await repos.pacticipants.findOrCreate(name);
      const version = await repos.versions.findOrCreate(pacticipant.id, number);
      const created = await repos.branches.addVersion(pacticipant.id, branch, version.id);
      const row = await repos.branches.find(pacticipant.id, branch);
      const ref = row && (await repos.branches.findBranchVersion(row.id, version.id));
      if (!ref) throw new BranchNotFoundError(name, branch);
      return reply
        .code(created ? 201 : 200)
        .send(branchVersionEntry(request.urls, pacticipant.name, version.number, ref));
    },
  );

  app.get<{ Params: BranchVersionParams }>(
    '/pacticipants/:pacticipant/branches/:branch/versions/:version',
    { schema: { response: responses } },
    async (request) => {
      const { pacticipant, branch } = await requireBranch(request.params);
      const version = await repos.versions.find(pacticipant.id, request.params.version);
      const ref = version && (await repos.branches.findBranchVersion(branch.id, version.id));
      if (!version || !ref) throw new VersionNotFoundError(pacticipant.name, request.params.version);
      return branchVersionEntry(request.urls, pacticipant.name, version.number, ref);
    },
  );

  app.delete<{ Params: BranchVersionParams }>(
    '/pacticipants/:pacticipant/branches/:branch/versions/:version',
    { schema: deleted },
    async (request, reply) => {
      const { pacticipant, branch } = await requireBranch(request.params);
      const version = await repos.versions.find(pacticipant.id, request.params.version);
      const ref = version && (await repos.branches.findBranchVersion(branch.id, version.id));
      if (!version || !ref) throw new VersionNotFoundError(pacticipant.name, request.params.version);
      await repos.branches.removeVersion(branch.id, version.id);
      return reply.code(204).send();
    },
  );
}
