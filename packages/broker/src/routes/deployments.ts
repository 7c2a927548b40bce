import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../db/repositories.ts';
import {
  BrokerValidationError,
  DeployedVersionNotFoundError,
  IrreversibleChangeError,
  ReleasedVersionNotFoundError,
} from '../errors.ts';
import { link } from '../hal.ts';
import { isJsonObject } from '../pacts/content.ts';
import { deployedVersionResource, releasedVersionResource } from '../representations/environment.ts';
import { requireEnvironment, requireVersion } from './lookups.ts';
import { errorResponse, halResponse } from './schemas.ts';

type RecordParams = { pacticipant: string; version: string; uuid: string };
const responses = { 200: halResponse, 201: halResponse, 400: errorResponse, 404: errorResponse, 422: errorResponse };

function optionalString(body: Record<string, unknown>, key: string): string | null {
  const value = body[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw BrokerValidationError.field(key, 'must be a string');
  return value;
}

/** `currentlyDeployed`/`currentlySupported` of a PATCH: absent (change nothing) or a boolean. */
function currentFlag(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw BrokerValidationError.field(key, 'must be a boolean');
  return value;
}

/** Recording deployments and releases, and the environment's current view of them. */
export async function deploymentRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  app.post<{ Params: RecordParams }>(
    '/pacticipants/:pacticipant/versions/:version/deployed-versions/environment/:uuid',
    { schema: { response: responses } },
    async (request, reply) => {
      const body = request.body ?? {};
      if (!isJsonObject(body)) throw new BrokerValidationError({ body: ['must be a JSON object'] });
      const applicationInstance = optionalString(body, 'applicationInstance') ?? optionalString(body, 'target');
      const { pacticipant, version } = await requireVersion(repos, request.params.pacticipant, request.params.version);
      const environment = await requireEnvironment(repos, request.params.uuid);
      // Undeploying the previous version and recording this one happen together, or not at all.
      const deployed = await inTransaction(repos, (trx) =>
        trx.deployments.recordDeployment(pacticipant.id, version.id, environment.id, applicationInstance),
      );
      const resource = deployedVersionResource(request.urls, deployed);
      return reply.code(201).header('Location', resource._links.self.href).send(resource);
    },
  );

  app.post<{ Params: RecordParams }>(
    '/pacticipants/:pacticipant/versions/:version/released-versions/environment/:uuid',
    { schema: { response: responses } },
    async (request, reply) => {
      const { pacticipant, version } = await requireVersion(repos, request.params.pacticipant, request.params.version);
      const environment = await requireEnvironment(repos, request.params.uuid);
      const { released, created } = await repos.deployments.recordRelease(pacticipant.id, version.id, environment.id);
      const resource = releasedVersionResource(request.urls, released);
      // Releasing again answers the existing release (supported again), as the real broker does.
      return reply
        .code(created ? 201 : 200)
        .header('Location', resource._links.self.href)
        .send(resource);
    },
  );

  app.get<{ Params: RecordParams }>(
    '/pacticipants/:pacticipant/versions/:version/deployed-versions/environment/:uuid',
    { schema: { response: responses } },
    async (request) => {
      const { pacticipant, version } = await requireVersion(repos, request.params.pacticipant, request.params.version);
      const environment = await requireEnvironment(repos, request.params.uuid);
      const deployed = await repos.deployments.listDeployed({ versionId: version.id, environmentId: environment.id });
      const title = `Deployed versions for ${pacticipant.name} version ${version.number} in environment ${environment.displayName ?? environment.name}`;
      return {
        _embedded: { deployedVersions: deployed.map((d) => deployedVersionResource(request.urls, d)) },
        _links: {
          self: link(request.urls.recordDeployment(pacticipant.name, version.number, environment.uuid), { title }),
        },
      };
    },
  );

  app.get<{ Params: RecordParams }>(
    '/pacticipants/:pacticipant/versions/:version/released-versions/environment/:uuid',
    { schema: { response: responses } },
    async (request) => {
      const { pacticipant, version } = await requireVersion(repos, request.params.pacticipant, request.params.version);
      const environment = await requireEnvironment(repos, request.params.uuid);
      const released = await repos.deployments.listReleased({ versionId: version.id, environmentId: environment.id });
      const title = `Released versions for ${pacticipant.name} version ${version.number} in ${environment.displayName ?? environment.name}`;
      return {
        _embedded: { releasedVersions: released.map((r) => releasedVersionResource(request.urls, r)) },
        _links: {
          self: link(request.urls.recordRelease(pacticipant.name, version.number, environment.uuid), { title }),
        },
      };
    },
  );

  app.get<{
    Params: { uuid: string };
    Querystring: { pacticipant?: string; applicationInstance?: string; target?: string };
  }>(
    '/environments/:uuid/deployed-versions/currently-deployed',
    { schema: { response: responses } },
    async (request) => {
      const environment = await requireEnvironment(repos, request.params.uuid);
      const { pacticipant, applicationInstance, target } = request.query;
      const pacticipantRow = pacticipant !== undefined ? await repos.pacticipants.findByName(pacticipant) : undefined;
      const instance = applicationInstance ?? target;
      const deployed =
        pacticipant !== undefined && !pacticipantRow
          ? []
          : await repos.deployments.listDeployed({
              environmentId: environment.id,
              currentOnly: true,
              ...(pacticipantRow ? { pacticipantId: pacticipantRow.id } : {}),
              ...(instance !== undefined ? { applicationInstance: instance } : {}),
            });
      return {
        _embedded: { deployedVersions: deployed.map((d) => deployedVersionResource(request.urls, d)) },
        _links: {
          self: link(request.urls.currentlyDeployed(environment.uuid), {
            title: `Currently deployed versions for ${environment.displayName ?? environment.name}`,
          }),
          'pb:environment': link(request.urls.environment(environment.uuid), { name: environment.name }),
        },
      };
    },
  );

  app.get<{ Params: { uuid: string }; Querystring: { pacticipant?: string; version?: string } }>(
    '/environments/:uuid/released-versions/currently-supported',
    { schema: { response: responses } },
    async (request) => {
      const environment = await requireEnvironment(repos, request.params.uuid);
      // record-support-ended asks with pacticipant and version: ignoring either would end support for too much.
      const { pacticipant, version } = request.query;
      const pacticipantRow = pacticipant !== undefined ? await repos.pacticipants.findByName(pacticipant) : undefined;
      const released =
        pacticipant !== undefined && !pacticipantRow
          ? []
          : await repos.deployments.listReleased({
              environmentId: environment.id,
              currentOnly: true,
              ...(pacticipantRow ? { pacticipantId: pacticipantRow.id } : {}),
              ...(typeof version === 'string' ? { versionNumber: version } : {}),
            });
      return {
        _embedded: { releasedVersions: released.map((r) => releasedVersionResource(request.urls, r)) },
        _links: {
          self: link(request.urls.currentlySupported(environment.uuid), {
            title: `Currently supported versions in ${environment.displayName ?? environment.name}`,
          }),
          'pb:environment': link(request.urls.environment(environment.uuid), { name: environment.name }),
        },
      };
    },
  );

  app.get<{ Params: { uuid: string } }>(
    '/deployed-versions/:uuid',
    { schema: { response: responses } },
    async (request) => {
      const deployed = await repos.deployments.findDeployed(request.params.uuid);
      if (!deployed) throw new DeployedVersionNotFoundError(request.params.uuid);
      return deployedVersionResource(request.urls, deployed);
    },
  );

  app.patch<{ Params: { uuid: string } }>(
    '/deployed-versions/:uuid',
    { schema: { response: responses } },
    async (request) => {
      const deployed = await repos.deployments.findDeployed(request.params.uuid);
      if (!deployed) throw new DeployedVersionNotFoundError(request.params.uuid);
      const body = request.body ?? {};
      if (!isJsonObject(body)) throw new BrokerValidationError({ body: ['must be a JSON object'] });
      const wanted = currentFlag(body, 'currentlyDeployed');
      if (wanted === true && !deployed.currentlyDeployed) throw new IrreversibleChangeError('currentlyDeployed');
      if (wanted === false) await repos.deployments.markUndeployed(deployed.id);
      const updated = await repos.deployments.findDeployed(deployed.uuid);
      return deployedVersionResource(request.urls, updated ?? deployed);
    },
  );

  app.get<{ Params: { uuid: string } }>(
    '/released-versions/:uuid',
    { schema: { response: responses } },
    async (request) => {
      const released = await repos.deployments.findReleased(request.params.uuid);
      if (!released) throw new ReleasedVersionNotFoundError(request.params.uuid);
      return releasedVersionResource(request.urls, released);
    },
  );

  app.patch<{ Params: { uuid: string } }>(
    '/released-versions/:uuid',
    { schema: { response: responses } },
    async (request) => {
      const released = await repos.deployments.findReleased(request.params.uuid);
      if (!released) throw new ReleasedVersionNotFoundError(request.params.uuid);
      const body = request.body ?? {};
      if (!isJsonObject(body)) throw new BrokerValidationError({ body: ['must be a JSON object'] });
      const wanted = currentFlag(body, 'currentlySupported');
      if (wanted === true && !released.currentlySupported) throw new IrreversibleChangeError('currentlySupported');
      if (wanted === false) await repos.deployments.endSupport(released.id);
      const updated = await repos.deployments.findReleased(released.uuid);
      return releasedVersionResource(request.urls, updated ?? released);
    },
  );
}
