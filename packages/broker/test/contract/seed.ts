import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { inTransaction, type Repositories } from '../../src/db/repositories.ts';
import { type JsonObject, preparePact } from '../../src/pacts/content.ts';
import { publishContracts } from '../../src/pacts/publish.ts';
import { publishVerification } from '../../src/pacts/verification-results.ts';

const TABLES = [
  'webhooks',
  'verifications',
  'pact_publications',
  'pact_versions',
  'deployed_versions',
  'released_versions',
  'environments',
  'tags',
  'branch_versions',
  'branches',
  'versions',
  'pacticipants',
] as const;

/** Seeding built on the broker's own repositories and services, as provider states need. */
export function createSeeder(app: FastifyInstance) {
  const repos: Repositories = app.broker.repos;

  return {
    async reset(): Promise<void> {
      await inTransaction(repos, async (trx) => {
        for (const table of TABLES) await sql`delete from ${sql.table(table)}`.execute(trx.db);
      });
    },

    async pacticipant(name: string, fields: { repositoryUrl?: string; mainBranch?: string } = {}) {
      const row = await repos.pacticipants.findOrCreate(name);
      return Object.keys(fields).length > 0 ? repos.pacticipants.update(row.id, fields) : row;
    },

    async version(pacticipant: string, number: string, options: { tags?: string[]; branch?: string } = {}) {
      const p = await repos.pacticipants.findOrCreate(pacticipant);
      const version = await repos.versions.findOrCreate(p.id, number);
      for (const tag of options.tags ?? []) await repos.tags.add(p.id, version.id, tag);
      if (options.branch) await repos.branches.addVersion(p.id, options.branch, version.id);
      return version;
    },

    /** A pact whose interactions are unique to this consumer version unless `empty`. */
    async pact(
      consumer: string,
      version: string,
      provider: string,
      options: { tags?: string[]; empty?: boolean } = {},
    ) {
      const content: JsonObject = {
        consumer: { name: consumer },
        provider: { name: provider },
        interactions: options.empty
          ? []
          : [
              {
                description: `a request from ${consumer} ${version}`,
                request: { method: 'GET', path: '/' },
                response: { status: 200 },
              },
            ],
        metadata: { pactSpecification: { version: '2.0.0' } },
      };
      await publishContracts(repos, {
        pacticipantName: consumer,
        pacticipantVersionNumber: version,
        tags: options.tags ?? [],
        contracts: [
          { consumerName: consumer, providerName: provider, pact: preparePact(content), onConflict: undefined },
        ],
      });
    },

    async verification(
      consumer: string,
      consumerVersion: string,
      provider: string,
      providerVersion: string,
      success: boolean,
      options: { tags?: string[] } = {},
    ) {
      const c = await repos.pacticipants.findByName(consumer);
      const p = await repos.pacticipants.findByName(provider);
      const cv = c && (await repos.versions.find(c.id, consumerVersion));
      const publication = cv && p && (await repos.pacts.findPublication(cv.id, p.id));
      if (!publication) throw new Error(`no pact for ${consumer} ${consumerVersion} and ${provider} to verify`);
      await this.version(provider, providerVersion, { tags: options.tags ?? [] });
      await publishVerification(
        repos,
        { provider, consumer, sha: publication.sha },
        { wip: false },
        { success, providerApplicationVersion: providerVersion },
      );
    },

    async environment(
      name: string,
      options: { uuid?: string; displayName?: string; production?: boolean; contacts?: unknown[] } = {},
    ) {
      return repos.environments.create({
        name,
        production: options.production ?? false,
        displayName: options.displayName ?? null,
        contacts: options.contacts ?? null,
        ...(options.uuid ? { uuid: options.uuid } : {}),
      });
    },

    async deployment(
      pacticipant: string,
      version: string,
      environmentUuid: string,
      options: { applicationInstance?: string; uuid?: string } = {},
    ) {
      const p = await repos.pacticipants.findOrCreate(pacticipant);
      const v = await repos.versions.findOrCreate(p.id, version);
      const environment = await repos.environments.findByUuid(environmentUuid);
      if (!environment) throw new Error(`no environment ${environmentUuid}`);
      return repos.deployments.recordDeployment(
        p.id,
        v.id,
        environment.id,
        options.applicationInstance ?? null,
        options.uuid,
      );
    },

    async webhook(uuid: string, consumer: string, provider: string) {
      const c = await repos.pacticipants.findOrCreate(consumer);
      const p = await repos.pacticipants.findOrCreate(provider);
      return repos.webhooks.create(
        {
          description: 'a webhook',
          consumerId: c.id,
          consumerLabel: null,
          providerId: p.id,
          providerLabel: null,
          events: [{ name: 'contract_content_changed' }],
          request: { method: 'POST', url: 'https://webhook' },
          enabled: true,
        },
        uuid,
      );
    },
  };
}

export type Seeder = ReturnType<typeof createSeeder>;
