import { randomUUID } from 'node:crypto';
import type { Clock, Db } from './database.ts';

export interface DeployedVersion {
  id: number;
  uuid: string;
  pacticipantId: number;
  pacticipantName: string;
  versionId: number;
  versionNumber: string;
  environmentId: number;
  environmentUuid: string;
  environmentName: string;
  environmentDisplayName: string;
  applicationInstance: string | null;
  currentlyDeployed: boolean;
  createdAt: string;
  undeployedAt: string | null;
}

export interface ReleasedVersion {
  id: number;
  uuid: string;
  pacticipantId: number;
  pacticipantName: string;
  versionId: number;
  versionNumber: string;
  environmentId: number;
  environmentUuid: string;
  environmentName: string;
  environmentDisplayName: string;
  currentlySupported: boolean;
  createdAt: string;
  supportEndedAt: string | null;
}

export interface EnvironmentRef {
  name: string;
  uuid: string;
}

export interface DeploymentFilter {
  environmentId?: number;
  pacticipantId?: number;
  versionId?: number;
  versionIds?: readonly number[];
  versionNumber?: string;
  applicationInstance?: string;
  currentOnly?: boolean;
}

export function createDeploymentsRepository(db: Db, now: Clock) {
  const deployedBase = () =>
    db
      .selectFrom('deployed_versions as d')
      .innerJoin('pacticipants as p', 'p.id', 'd.pacticipant_id')
      .innerJoin('versions as v', 'v.id', 'd.version_id')
      .innerJoin('environments as e', 'e.id', 'd.environment_id')
      .select([
        'd.id',
        'd.uuid',
        'd.pacticipant_id',
        'p.name as pacticipant_name',
        'd.version_id',
        'v.number as version_number',
        'd.environment_id',
        'e.uuid as environment_uuid',
        'e.name as environment_name',
        'e.display_name as environment_display_name',
        'd.application_instance',
        'd.currently_deployed',
        'd.created_at',
        'd.undeployed_at',
      ]);
  type DeployedRow = Awaited<ReturnType<ReturnType<typeof deployedBase>['executeTakeFirstOrThrow']>>;
  const toDeployed = (r: DeployedRow): DeployedVersion => ({
    id: r.id,
    uuid: r.uuid,
    pacticipantId: r.pacticipant_id,
    pacticipantName: r.pacticipant_name,
    versionId: r.version_id,
    versionNumber: r.version_number,
    environmentId: r.environment_id,
    environmentUuid: r.environment_uuid,
    environmentName: r.environment_name,
    environmentDisplayName: r.environment_display_name ?? r.environment_name,
    applicationInstance: r.application_instance === '' ? null : r.application_instance,
    currentlyDeployed: r.currently_deployed === 1,
    createdAt: r.created_at,
    undeployedAt: r.undeployed_at,
  });

  const releasedBase = () =>
    db
      .selectFrom('released_versions as r')
      .innerJoin('pacticipants as p', 'p.id', 'r.pacticipant_id')
      .innerJoin('versions as v', 'v.id', 'r.version_id')
      .innerJoin('environments as e', 'e.id', 'r.environment_id')
      .select([
        'r.id',
        'r.uuid',
        'r.pacticipant_id',
        'p.name as pacticipant_name',
        'r.version_id',
        'v.number as version_number',
        'r.environment_id',
        'e.uuid as environment_uuid',
        'e.name as environment_name',
        'e.display_name as environment_display_name',
        'r.currently_supported',
        'r.created_at',
        'r.support_ended_at',
      ]);
  type ReleasedRow = Awaited<ReturnType<ReturnType<typeof releasedBase>['executeTakeFirstOrThrow']>>;
  const toReleased = (r: ReleasedRow): ReleasedVersion => ({
    id: r.id,
    uuid: r.uuid,
    pacticipantId: r.pacticipant_id,
    pacticipantName: r.pacticipant_name,
    versionId: r.version_id,
    versionNumber: r.version_number,
    environmentId: r.environment_id,
    environmentUuid: r.environment_uuid,
    environmentName: r.environment_name,
    environmentDisplayName: r.environment_display_name ?? r.environment_name,
    currentlySupported: r.currently_supported === 1,
    createdAt: r.created_at,
    supportEndedAt: r.support_ended_at,
  });

  return {
    /**
     * Records that a version is deployed. Any other version of the pacticipant deployed to the same application
     * instance of the environment is no longer deployed; recording the same deployment again changes nothing.
     */
    async recordDeployment(
      pacticipantId: number,
      versionId: number,
      environmentId: number,
      applicationInstance: string | null,
      uuid: string = randomUUID(),
    ): Promise<DeployedVersion> {
      const instance = applicationInstance ?? '';
      const at = now().toISOString();
      const current = await db
        .selectFrom('deployed_versions')
        .select(['id', 'version_id'])
        .where('pacticipant_id', '=', pacticipantId)
        .where('environment_id', '=', environmentId)
        .where('application_instance', '=', instance)
        .where('currently_deployed', '=', 1)
        .execute();
      const same = current.find((row) => row.version_id === versionId);
      const others = current.filter((row) => row.version_id !== versionId).map((row) => row.id);
      if (others.length > 0) {
        await db
          .updateTable('deployed_versions')
          .set({ currently_deployed: 0, undeployed_at: at })
          .where('id', 'in', others)
          .execute();
      }
      if (same) return toDeployed(await deployedBase().where('d.id', '=', same.id).executeTakeFirstOrThrow());
      const inserted = await db
        .insertInto('deployed_versions')
        .values({
          uuid,
          pacticipant_id: pacticipantId,
          version_id: versionId,
          environment_id: environmentId,
          application_instance: instance,
          currently_deployed: 1,
          created_at: at,
          undeployed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return toDeployed(await deployedBase().where('d.id', '=', inserted.id).executeTakeFirstOrThrow());
    },

    async findDeployed(uuid: string): Promise<DeployedVersion | undefined> {
      const row = await deployedBase().where('d.uuid', '=', uuid).executeTakeFirst();
      return row && toDeployed(row);
    },

    async listDeployed(filter: DeploymentFilter): Promise<DeployedVersion[]> {
      let query = deployedBase();
      if (filter.environmentId !== undefined) query = query.where('d.environment_id', '=', filter.environmentId);
      if (filter.pacticipantId !== undefined) query = query.where('d.pacticipant_id', '=', filter.pacticipantId);
      if (filter.versionId !== undefined) query = query.where('d.version_id', '=', filter.versionId);
      if (filter.versionIds !== undefined) {
        if (filter.versionIds.length === 0) return [];
        query = query.where('d.version_id', 'in', [...new Set(filter.versionIds)]);
      }
      if (filter.applicationInstance !== undefined) {
        query = query.where('d.application_instance', '=', filter.applicationInstance);
      }
      if (filter.currentOnly) query = query.where('d.currently_deployed', '=', 1);
      return (await query.orderBy('d.id').execute()).map(toDeployed);
    },

    async markUndeployed(id: number): Promise<void> {
      await db
        .updateTable('deployed_versions')
        .set({ currently_deployed: 0, undeployed_at: now().toISOString() })
        .where('id', '=', id)
        .where('currently_deployed', '=', 1)
        .execute();
    },

    /**
     * Records a release; releasing the same version to the same environment again marks it supported again and
     * keeps its uuid and creation date. `created` says whether the release is new.
     */
    async recordRelease(
      pacticipantId: number,
      versionId: number,
      environmentId: number,
    ): Promise<{ released: ReleasedVersion; created: boolean }> {
      const before = await db
        .selectFrom('released_versions')
        .select('id')
        .where('version_id', '=', versionId)
        .where('environment_id', '=', environmentId)
        .executeTakeFirst();
      await db
        .insertInto('released_versions')
        .values({
          uuid: randomUUID(),
          pacticipant_id: pacticipantId,
          version_id: versionId,
          environment_id: environmentId,
          currently_supported: 1,
          created_at: now().toISOString(),
          support_ended_at: null,
        })
        .onConflict((oc) =>
          oc.columns(['version_id', 'environment_id']).doUpdateSet({ currently_supported: 1, support_ended_at: null }),
        )
        .execute();
      const released = toReleased(
        await releasedBase()
          .where('r.version_id', '=', versionId)
          .where('r.environment_id', '=', environmentId)
          .executeTakeFirstOrThrow(),
      );
      return { released, created: before === undefined };
    },

    async findReleased(uuid: string): Promise<ReleasedVersion | undefined> {
      const row = await releasedBase().where('r.uuid', '=', uuid).executeTakeFirst();
      return row && toReleased(row);
    },

    async listReleased(filter: Omit<DeploymentFilter, 'applicationInstance'>): Promise<ReleasedVersion[]> {
      let query = releasedBase();
      if (filter.environmentId !== undefined) query = query.where('r.environment_id', '=', filter.environmentId);
      if (filter.pacticipantId !== undefined) query = query.where('r.pacticipant_id', '=', filter.pacticipantId);
      if (filter.versionId !== undefined) query = query.where('r.version_id', '=', filter.versionId);
      if (filter.versionIds !== undefined) {
        if (filter.versionIds.length === 0) return [];
        query = query.where('r.version_id', 'in', [...new Set(filter.versionIds)]);
      }
      if (filter.versionNumber !== undefined) query = query.where('v.number', '=', filter.versionNumber);
      if (filter.currentOnly) query = query.where('r.currently_supported', '=', 1);
      return (await query.orderBy('r.id').execute()).map(toReleased);
    },

    /** The versions of a pacticipant currently deployed or released (and supported) in the environment, latest first. */
    async versionsIn(environmentId: number, pacticipantId: number): Promise<{ id: number; number: string }[]> {
      return db
        .selectFrom('versions as v')
        .select(['v.id as id', 'v.number as number'])
        .where('v.id', 'in', (eb) =>
          eb
            .selectFrom('deployed_versions')
            .select('version_id')
            .where('environment_id', '=', environmentId)
            .where('currently_deployed', '=', 1)
            .where('pacticipant_id', '=', pacticipantId)
            .union(
              eb
                .selectFrom('released_versions')
                .select('version_id')
                .where('environment_id', '=', environmentId)
                .where('currently_supported', '=', 1)
                .where('pacticipant_id', '=', pacticipantId),
            ),
        )
        .orderBy('v.id', 'desc')
        .execute();
    },

    /** Per version, the environments it is currently deployed to or released (and supported) in. */
    async currentEnvironmentsOf(versionIds: readonly number[]): Promise<Map<number, EnvironmentRef[]>> {
      const byVersion = new Map<number, EnvironmentRef[]>();
      if (versionIds.length === 0) return byVersion;
      const ids = [...new Set(versionIds)];
      const rows = await db
        .selectFrom('deployed_versions as d')
        .innerJoin('environments as e', 'e.id', 'd.environment_id')
        .select(['d.version_id', 'e.name', 'e.uuid'])
        .where('d.version_id', 'in', ids)
        .where('d.currently_deployed', '=', 1)
        .union(
          db
            .selectFrom('released_versions as r')
            .innerJoin('environments as e', 'e.id', 'r.environment_id')
            .select(['r.version_id', 'e.name', 'e.uuid'])
            .where('r.version_id', 'in', ids)
            .where('r.currently_supported', '=', 1),
        )
        .execute();
      for (const row of rows) {
        const list = byVersion.get(row.version_id) ?? [];
        list.push({ name: row.name, uuid: row.uuid });
        byVersion.set(row.version_id, list);
      }
      return byVersion;
    },

    async endSupport(id: number): Promise<void> {
      await db
        .updateTable('released_versions')
        .set({ currently_supported: 0, support_ended_at: now().toISOString() })
        .where('id', '=', id)
        .where('currently_supported', '=', 1)
        .execute();
    },
  };
}

export type DeploymentsRepository = ReturnType<typeof createDeploymentsRepository>;
