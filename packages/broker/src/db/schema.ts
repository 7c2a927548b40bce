import type { Generated, Insertable, Selectable } from 'kysely';

/** SQLite has no boolean: 0 or 1. */
export type Flag = 0 | 1;

export interface PacticipantsTable {
  id: Generated<number>;
  name: string;
  display_name: string | null;
  repository_url: string | null;
  repository_name: string | null;
  repository_namespace: string | null;
  main_branch: string | null;
  created_at: string;
  updated_at: string;
}

/** A version's id doubles as its order: a later version of a pacticipant has a larger id. */
export interface VersionsTable {
  id: Generated<number>;
  pacticipant_id: number;
  number: string;
  build_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface BranchesTable {
  id: Generated<number>;
  pacticipant_id: number;
  name: string;
  created_at: string;
}

export interface BranchVersionsTable {
  branch_id: number;
  version_id: number;
  pacticipant_id: number;
  created_at: string;
}

export interface TagsTable {
  version_id: number;
  pacticipant_id: number;
  name: string;
  created_at: string;
}

/** Pact content, deduplicated per integration by the SHA1 of its normalised content. */
export interface PactVersionsTable {
  id: Generated<number>;
  consumer_id: number;
  provider_id: number;
  sha: string;
  content: string;
  created_at: string;
}

/** The pact a consumer version published for a provider: one row per (consumer version, provider). */
export interface PactPublicationsTable {
  id: Generated<number>;
  consumer_id: number;
  provider_id: number;
  consumer_version_id: number;
  pact_version_id: number;
  revision_number: number;
  created_at: string;
  updated_at: string;
}

export interface VerificationsTable {
  id: Generated<number>;
  /** 1, 2, … per pact version: the `{number}` of the verification result's URL. */
  number: number;
  pact_version_id: number;
  consumer_id: number;
  provider_id: number;
  provider_version_id: number;
  success: Flag;
  wip: Flag;
  pending: Flag | null;
  build_url: string | null;
  test_results: string | null;
  verified_by: string | null;
  created_at: string;
}

export interface EnvironmentsTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  display_name: string | null;
  production: Flag;
  contacts: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeployedVersionsTable {
  id: Generated<number>;
  uuid: string;
  pacticipant_id: number;
  version_id: number;
  environment_id: number;
  /** '' when no application instance was given, so uniqueness checks need no null handling. */
  application_instance: string;
  currently_deployed: Flag;
  created_at: string;
  /** Null only until migration 0003 fills it. */
  updated_at: string | null;
  undeployed_at: string | null;
}

export interface ReleasedVersionsTable {
  id: Generated<number>;
  uuid: string;
  pacticipant_id: number;
  version_id: number;
  environment_id: number;
  currently_supported: Flag;
  created_at: string;
  /** Null only until migration 0003 fills it. */
  updated_at: string | null;
  support_ended_at: string | null;
}

/** A webhook definition; `request` is the JSON template it sends. */
export interface WebhooksTable {
  id: Generated<number>;
  uuid: string;
  description: string | null;
  consumer_id: number | null;
  provider_id: number | null;
  consumer_label: string | null;
  provider_label: string | null;
  events: string;
  request: string;
  enabled: Flag;
  created_at: string;
  updated_at: string;
}

export type TriggeredWebhookStatus = 'not_run' | 'retrying' | 'success' | 'failure';

/** One webhook to run for one event: the queue. `context` holds the template parameters, resolved when triggered. */
export interface TriggeredWebhooksTable {
  id: Generated<number>;
  uuid: string;
  webhook_uuid: string;
  event_name: string;
  /** `resource_creation` (an event) or `user` (POST …/execute). */
  trigger_type: string;
  consumer_id: number;
  provider_id: number;
  consumer_version_id: number | null;
  verification_id: number | null;
  context: string;
  status: TriggeredWebhookStatus;
  attempts_made: number;
  /** ISO time the next attempt is due. */
  next_attempt_at: string;
  /** While an instance runs an attempt, no other instance takes the row before this ISO time. */
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookExecutionsTable {
  id: Generated<number>;
  triggered_webhook_id: number;
  success: Flag;
  logs: string;
  created_at: string;
}

export interface LabelsTable {
  pacticipant_id: number;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface BrokerDatabase {
  pacticipants: PacticipantsTable;
  versions: VersionsTable;
  branches: BranchesTable;
  branch_versions: BranchVersionsTable;
  tags: TagsTable;
  pact_versions: PactVersionsTable;
  pact_publications: PactPublicationsTable;
  verifications: VerificationsTable;
  environments: EnvironmentsTable;
  deployed_versions: DeployedVersionsTable;
  released_versions: ReleasedVersionsTable;
  webhooks: WebhooksTable;
  triggered_webhooks: TriggeredWebhooksTable;
  webhook_executions: WebhookExecutionsTable;
  labels: LabelsTable;
}

export type PacticipantRow = Selectable<PacticipantsTable>;
export type VersionRow = Selectable<VersionsTable>;
export type BranchRow = Selectable<BranchesTable>;
export type PactVersionRow = Selectable<PactVersionsTable>;
export type PactPublicationRow = Selectable<PactPublicationsTable>;
export type VerificationRow = Selectable<VerificationsTable>;
export type NewVerification = Insertable<VerificationsTable>;
export type EnvironmentRow = Selectable<EnvironmentsTable>;
export type DeployedVersionRow = Selectable<DeployedVersionsTable>;
export type ReleasedVersionRow = Selectable<ReleasedVersionsTable>;
export type WebhookRow = Selectable<WebhooksTable>;
export type TriggeredWebhookRow = Selectable<TriggeredWebhooksTable>;
