import type { DatabaseKind } from '@contract-kit/service-common';
import { createBranchesRepository } from './branches-repository.ts';
import type { Clock, Db } from './database.ts';
import { createDeploymentsRepository } from './deployments-repository.ts';
import { createEnvironmentsRepository } from './environments-repository.ts';
import { createIntegrationsRepository } from './integrations-repository.ts';
import { createLabelsRepository } from './labels-repository.ts';
import { createMatrixRepository } from './matrix-repository.ts';
import { createMetricsRepository } from './metrics-repository.ts';
import { createPacticipantsRepository } from './pacticipants-repository.ts';
import { createPactsRepository } from './pacts-repository.ts';
import { createTagsRepository } from './tags-repository.ts';
import { createTriggeredWebhooksRepository } from './triggered-webhooks-repository.ts';
import { createVerificationsRepository } from './verifications-repository.ts';
import { createVersionsRepository } from './versions-repository.ts';
import { createWebhooksRepository } from './webhooks-repository.ts';

export function createRepositories(db: Db, now: Clock, kind: DatabaseKind = 'sqlite') {
  return {
    db,
    now,
    kind,
    pacticipants: createPacticipantsRepository(db, now),
    versions: createVersionsRepository(db, now),
    tags: createTagsRepository(db, now),
    branches: createBranchesRepository(db, now),
    pacts: createPactsRepository(db, now),
    verifications: createVerificationsRepository(db, now, kind),
    environments: createEnvironmentsRepository(db, now),
    deployments: createDeploymentsRepository(db, now),
    webhooks: createWebhooksRepository(db, now),
    triggeredWebhooks: createTriggeredWebhooksRepository(db, kind),
    matrix: createMatrixRepository(db),
    labels: createLabelsRepository(db, now),
    integrations: createIntegrationsRepository(db),
    metrics: createMetricsRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** Runs `work` in one transaction with repositories bound to it: all of it is stored, or none. */
export function inTransaction<T>(repos: Repositories, work: (trx: Repositories) => Promise<T>): Promise<T> {
  return repos.db.transaction().execute((trx) => work(createRepositories(trx, repos.now, repos.kind)));
}
