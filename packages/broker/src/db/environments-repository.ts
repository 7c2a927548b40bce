import { randomUUID } from 'node:crypto';
import type { Clock, Db } from './database.ts';
import type { EnvironmentRow } from './schema.ts';

export interface Environment {
  id: number;
  uuid: string;
  name: string;
  displayName: string | null;
  production: boolean;
  contacts: unknown[] | null;
  createdAt: string;
  updatedAt: string;
}

export interface EnvironmentFields {
  name: string;
  displayName?: string | null;
  production: boolean;
  contacts?: unknown[] | null;
}

function toEnvironment(row: EnvironmentRow): Environment {
  return {
    id: row.id,
    uuid: row.uuid,
    name: row.name,
    displayName: row.display_name,
    production: row.production === 1,
    contacts: row.contacts === null ? null : (JSON.parse(row.contacts) as unknown[]),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createEnvironmentsRepository(db: Db, now: Clock) {
  return {
    async list(): Promise<Environment[]> {
      return (await db.selectFrom('environments').selectAll().orderBy('name').execute()).map(toEnvironment);
    },

    async findByUuid(uuid: string): Promise<Environment | undefined> {
      const row = await db.selectFrom('environments').selectAll().where('uuid', '=', uuid).executeTakeFirst();
      return row && toEnvironment(row);
    },

    async findByName(name: string): Promise<Environment | undefined> {
      const row = await db.selectFrom('environments').selectAll().where('name', '=', name).executeTakeFirst();
      return row && toEnvironment(row);
    },

    async create(fields: EnvironmentFields & { uuid?: string }): Promise<Environment> {
      const at = now().toISOString();
      const row = await db
        .insertInto('environments')
        .values({
          uuid: fields.uuid ?? randomUUID(),
          name: fields.name,
          display_name: fields.displayName ?? null,
          production: fields.production ? 1 : 0,
          contacts: fields.contacts ? JSON.stringify(fields.contacts) : null,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEnvironment(row);
    },

    async update(id: number, fields: EnvironmentFields): Promise<Environment> {
      const row = await db
        .updateTable('environments')
        .set({
          name: fields.name,
          display_name: fields.displayName ?? null,
          production: fields.production ? 1 : 0,
          contacts: fields.contacts ? JSON.stringify(fields.contacts) : null,
          updated_at: now().toISOString(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEnvironment(row);
    },

    async delete(id: number): Promise<void> {
      await db.deleteFrom('environments').where('id', '=', id).execute();
    },
  };
}

export type EnvironmentsRepository = ReturnType<typeof createEnvironmentsRepository>;
