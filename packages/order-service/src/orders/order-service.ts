import { ServiceError } from '@contract-kit/service-common';
import { OrderErrorCodes, OrderNotFoundError } from '../errors.ts';
import {
  type Customer,
  type UserServiceClient,
  UserServiceError,
  UserServiceErrorCodes,
} from '../user-service-client/index.ts';
import { type Order, type OrderItem, orderTotal } from './order.ts';
import type { OrdersRepository } from './orders-repository.ts';

export interface ListedOrder extends Order {
  /** The customer's name as UserService knows it now; null when the user no longer exists. */
  currentCustomerName: string | null;
}

/** Translates a UserService failure into what OrderService's own callers should see. */
function fromUserService(err: unknown, userId?: number): unknown {
  if (!(err instanceof UserServiceError)) return err;
  switch (err.code) {
    case UserServiceErrorCodes.notFound:
      // A batch lookup answers 200 without the unknown ids, so a 404 there is a broken answer.
      if (userId === undefined) {
        return new ServiceError(502, OrderErrorCodes.userServiceBadResponse, err.message, { cause: err });
      }
      return new ServiceError(422, OrderErrorCodes.userNotFound, `User ${userId} does not exist`);
    case UserServiceErrorCodes.unavailable:
      return new ServiceError(503, OrderErrorCodes.userServiceUnavailable, `${err.message}; try again shortly`, {
        cause: err,
      });
    case UserServiceErrorCodes.unauthorized:
    case UserServiceErrorCodes.forbidden:
      return new ServiceError(
        502,
        OrderErrorCodes.userServiceAuthFailed,
        `${err.message}; check USER_SERVICE_TOKEN and its scopes`,
        { cause: err },
      );
    default:
      return new ServiceError(502, OrderErrorCodes.userServiceBadResponse, err.message, { cause: err });
  }
}

export function createOrderService(deps: { orders: OrdersRepository; users: UserServiceClient; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function fetchCustomer(userId: number): Promise<Customer> {
    try {
      return await deps.users.getUser(userId);
    } catch (err) {
      throw fromUserService(err, userId);
    }
  }

  return {
    async placeOrder(input: { userId: number; items: OrderItem[] }): Promise<Order> {
      const customer = await fetchCustomer(input.userId);
      if (customer.status === 'suspended') {
        throw new ServiceError(
          422,
          OrderErrorCodes.userSuspended,
          `User ${input.userId} is suspended and cannot place orders`,
        );
      }
      return deps.orders.insert({
        userId: input.userId,
        items: input.items,
        total: orderTotal(input.items),
        customer: {
          name: customer.name,
          email: customer.email,
          customerSince: customer.customerSince,
          address: customer.address,
        },
        createdAt: now().toISOString(),
      });
    },

    async getOrder(id: number): Promise<Order> {
      const order = await deps.orders.findById(id);
      if (!order) throw new OrderNotFoundError(id);
      return order;
    },

    ordersOfUser(userId: number, limit: number): Promise<Order[]> {
      return deps.orders.list({ userId, limit });
    },

    /** Recent orders with each customer's current name, fetched in one batch lookup. */
    async recentOrders(limit: number): Promise<ListedOrder[]> {
      const orders = await deps.orders.list({ limit });
      if (orders.length === 0) return [];
      let names: Map<number, string>;
      try {
        const found = await deps.users.getUserNames(orders.map((order) => order.userId));
        names = new Map(found.map((user) => [user.id, user.name]));
      } catch (err) {
        throw fromUserService(err);
      }
      return orders.map((order) => ({ ...order, currentCustomerName: names.get(order.userId) ?? null }));
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
