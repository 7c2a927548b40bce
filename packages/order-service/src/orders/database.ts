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

export interface OrderDatabase {
  orders: OrdersTable;
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
};
