import { type Kysely, sql } from 'kysely';
import { idColumn, isPostgres } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pacticipants')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text')
    .addColumn('repository_url', 'text')
    .addColumn('repository_name', 'text')
    .addColumn('repository_namespace', 'text')
    .addColumn('main_branch', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('pacticipant_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('build_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('versions_pacticipant_number', ['pacticipant_id', 'number'])
    .execute();
  await db.schema.createIndex('versions_pacticipant_id').on('versions').columns(['pacticipant_id', 'id']).execute();

  await db.schema
    .createTable('branches')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('pacticipant_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('branches_pacticipant_name', ['pacticipant_id', 'name'])
    .execute();

  await db.schema
    .createTable('branch_versions')
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('pacticipant_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('branch_versions_pk', ['branch_id', 'version_id'])
    .execute();
  await db.schema.createIndex('branch_versions_version').on('branch_versions').column('version_id').execute();

  await db.schema
    .createTable('tags')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('pacticipant_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tags_pk', ['version_id', 'name'])
    .execute();
  await db.schema
    .createIndex('tags_pacticipant_name')
    .on('tags')
    .columns(['pacticipant_id', 'name', 'version_id'])
    .execute();

  await db.schema
    .createTable('pact_versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('consumer_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('sha', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pact_versions_integration_sha', ['consumer_id', 'provider_id', 'sha'])
    .execute();

  await db.schema
    .createTable('pact_publications')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('consumer_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('consumer_version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('pact_version_id', 'integer', (c) => c.notNull().references('pact_versions.id').onDelete('cascade'))
    .addColumn('revision_number', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pact_publications_version_provider', ['consumer_version_id', 'provider_id'])
    .execute();
  await db.schema
    .createIndex('pact_publications_integration')
    .on('pact_publications')
    .columns(['provider_id', 'consumer_id', 'consumer_version_id'])
    .execute();
  await db.schema
    .createIndex('pact_publications_pact_version')
    .on('pact_publications')
    .column('pact_version_id')
    .execute();

  await db.schema
    .createTable('verifications')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('pact_version_id', 'integer', (c) => c.notNull().references('pact_versions.id').onDelete('cascade'))
    .addColumn('consumer_id', 'integer', (c) => c.notNull())
    .addColumn('provider_id', 'integer', (c) => c.notNull())
    .addColumn('provider_version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('success', 'integer', (c) => c.notNull())
    .addColumn('wip', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pending', 'integer')
    .addColumn('build_url', 'text')
    .addColumn('test_results', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('verifications_pact_version_provider_version')
    .on('verifications')
    .columns(['pact_version_id', 'provider_version_id', 'id'])
    .execute();
  await db.schema
    .createIndex('verifications_provider_version')
    .on('verifications')
    .columns(['provider_version_id', 'pact_version_id'])
    .execute();

  await db.schema
    .createTable('environments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text')
    .addColumn('production', 'integer', (c) => c.notNull())
    .addColumn('contacts', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deployed_versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('pacticipant_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('environment_id', 'integer', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('application_instance', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('currently_deployed', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undeployed_at', 'text')
    .execute();
  await db.schema
    .createIndex('deployed_versions_current')
    .on('deployed_versions')
    .columns(['environment_id', 'currently_deployed', 'pacticipant_id'])
    .execute();
  await db.schema.createIndex('deployed_versions_version').on('deployed_versions').column('version_id').execute();

  await db.schema
    .createTable('released_versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('pacticipant_id', 'integer', (c) => c.notNull().references('pacticipants.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('environment_id', 'integer', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('currently_supported', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('support_ended_at', 'text')
    .addUniqueConstraint('released_versions_version_environment', ['version_id', 'environment_id'])
    .execute();
  await db.schema
    .createIndex('released_versions_current')
    .on('released_versions')
    .columns(['environment_id', 'currently_supported', 'pacticipant_id'])
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('consumer_id', 'integer', (c) => c.references('pacticipants.id').onDelete('cascade'))
    .addColumn('provider_id', 'integer', (c) => c.references('pacticipants.id').onDelete('cascade'))
    .addColumn('consumer_label', 'text')
    .addColumn('provider_label', 'text')
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  if (!isPostgres(db)) await sql`pragma optimize`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'webhooks',
    'released_versions',
    'deployed_versions',
    'environments',
    'verifications',
    'pact_publications',
    'pact_versions',
    'tags',
    'branch_versions',
    'branches',
    'versions',
    'pacticipants',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
