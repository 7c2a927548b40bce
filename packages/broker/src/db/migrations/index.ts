import type { Migration } from 'kysely';
import * as initial from './0001-initial.ts';
import * as webhookQueue from './0002-webhook-queue.ts';
import * as pacticipantLabels from './0003-pacticipant-labels.ts';
import * as deploymentUpdatedAt from './0004-deployment-updated-at.ts';

export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-webhook-queue': webhookQueue,
  '0003-pacticipant-labels': pacticipantLabels,
  '0004-deployment-updated-at': deploymentUpdatedAt,
};
