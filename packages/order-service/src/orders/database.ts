import type { Generated, Migration } from 'kysely';

export interface OrdersTable {
  id: Generated<number>;
  user_id: number;
  status: string;
  total: number;
  /** Snapshot of the customer at the time of the order, as JSON: name, email, address. */
  customer: string;
  /** The order lines, as JSON. */
  items: string;
  created_at: string;
}

/** Every user event handled, by id: a redelivered event is recognised and skipped. */
export interface InboxTable {
  event_id: string;
  type: string;
  user_id: number;
  sequence: number;
  received_at: string;
}

/** The last sequence number applied per user: an older event arriving late changes nothing. */
export interface CustomerSequencesTable {
  user_id: number;
  sequence: number;
}

export interface OrderDatabase {
  orders: OrdersTable;
  inbox: InboxTable;
  customer_sequences: CustomerSequencesTable;
}

export const migrations: Record<string, Migration> = {
  '001_orders': {
    async up(db) {
      await db.schema
        .createTable('orders')
        .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
        .addColumn('user_id', 'integer', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('total', 'integer', (col) => col.notNull())
        .addColumn('customer', 'text', (col) => col.notNull())
        .addColumn('items', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('orders_user_id').on('orders').column('user_id').execute();
    },
  },
  '002_user_events': {
    async up(db) {
      await db.schema
        .createTable('inbox')
        .addColumn('event_id', 'text', (col) => col.primaryKey())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('user_id', 'integer', (col) => col.notNull())
        .addColumn('sequence', 'integer', (col) => col.notNull())
        .addColumn('received_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('customer_sequences')
        .addColumn('user_id', 'integer', (col) => col.primaryKey())
        .addColumn('sequence', 'integer', (col) => col.notNull())
        .execute();
    },
  },
};
