import type { FastifyPluginAsync } from 'fastify';
import type { OrderItem } from '../orders/order.ts';
import { getOrderSchema, listOrdersSchema, placeOrderSchema } from '../orders/schemas.ts';

export const ordersRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { userId: number; items: OrderItem[] } }>(
    '/orders',
    { schema: placeOrderSchema },
    async (request, reply) => {
      const order = await app.orders.placeOrder(request.body);
      return reply.code(201).header('location', `/orders/${order.id}`).send(order);
    },
  );

  app.get<{ Params: { id: number } }>('/orders/:id', { schema: getOrderSchema }, async (request) =>
    app.orders.getOrder(request.params.id),
  );

  // With `userId`: that customer's orders (snapshots only, no UserService call).
  // Without: recent orders with each customer's current name from one batch lookup.
  app.get<{ Querystring: { userId?: number; limit: number } }>(
    '/orders',
    { schema: listOrdersSchema },
    async (request) => {
      const { userId, limit } = request.query;
      if (userId === undefined) return { items: await app.orders.recentOrders(limit) };
      return { items: await app.orders.ordersOfUser(userId, limit) };
    },
  );
};
