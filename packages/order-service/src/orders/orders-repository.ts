import type { Kysely, Selectable } from 'kysely';
import type { OrderDatabase, OrdersTable } from './database.ts';
import type { CustomerSnapshot, Order, OrderItem, OrderStatus } from './order.ts';

export interface NewOrder {
  userId: number;
  items: OrderItem[];
  total: number;
  customer: CustomerSnapshot;
  createdAt: string;
}

function toOrder(row: Selectable<OrdersTable>): Order {
  return {
    id: row.id,
    userId: row.user_id,
    status: row.status as OrderStatus,
    items: JSON.parse(row.items) as OrderItem[],
    total: row.total,
    customer: JSON.parse(row.customer) as CustomerSnapshot,
    createdAt: row.created_at,
  };
}

export function createOrdersRepository(db: Kysely<OrderDatabase>) {
  return {
    async insert(order: NewOrder): Promise<Order> {
      const row = await db
        .insertInto('orders')
        .values({
          user_id: order.userId,
          status: 'placed',
          total: order.total,
          customer: JSON.stringify(order.customer),
          items: JSON.stringify(order.items),
          created_at: order.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toOrder(row);
    },

    async findById(id: number): Promise<Order | undefined> {
      const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toOrder(row);
    },

    /** Newest first; `userId` narrows to one customer. */
    async list(filter: { userId?: number; limit: number }): Promise<Order[]> {
      let query = db.selectFrom('orders').selectAll();
      if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
      const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
      return rows.map(toOrder);
    },
  };
}

export type OrdersRepository = ReturnType<typeof createOrdersRepository>;
