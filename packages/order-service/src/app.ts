import type { EventTransport } from '@contract-kit/events';
import {
  clientErrorHandler,
  frameworkErrors,
  migrateToLatest,
  openDatabase,
  registerErrorHandling,
  registerInputGuards,
} from '@contract-kit/service-common';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { consumeUserEvents } from './events/consumer.ts';
import { createUserEventHandler, type UserEventHandler } from './events/user-event-handler.ts';
import { migrations, type OrderDatabase } from './orders/database.ts';
import { createOrderService, type OrderService } from './orders/order-service.ts';
import { createOrdersRepository } from './orders/orders-repository.ts';
import { healthRoutes } from './routes/health.ts';
import { ordersRoutes } from './routes/orders.ts';
import { UserServiceClient, type UserServiceClientOptions } from './user-service-client/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    orders: OrderService;
    /** Applies UserService's user events to the orders (subscribed to `events.transport` when one is given). */
    userEvents: UserEventHandler;
  }
}

export interface AppConfig {
  /** SQLite file path or `:memory:`. */
  databasePath: string;
  /** A ready client, or the options to build one. */
  userService: UserServiceClient | UserServiceClientOptions;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** Where UserService's events arrive (in-process or RabbitMQ); without it, nothing is subscribed. */
  events?: { transport: EventTransport; queue?: string };
}

export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logger ?? false, clientErrorHandler, frameworkErrors });
  const database = await openDatabase<OrderDatabase>({ url: config.databasePath });
  app.addHook('onClose', () => database.close());
  await migrateToLatest(database.db, migrations);

  const users =
    config.userService instanceof UserServiceClient ? config.userService : new UserServiceClient(config.userService);
  app.decorate(
    'orders',
    createOrderService({
      orders: createOrdersRepository(database.db),
      users,
      ...(config.now ? { now: config.now } : {}),
    }),
  );

  const userEvents = createUserEventHandler(database.db, config.now);
  app.decorate('userEvents', userEvents);
  if (config.events) {
    await consumeUserEvents(config.events.transport, userEvents, {
      ...(config.events.queue ? { queue: config.events.queue } : {}),
      log: {
        handled: (outcome, detail) => app.log.debug({ ...detail, outcome }, 'user event handled'),
        dropped: (err) => app.log.error({ err }, err.message),
      },
    });
  }

  registerErrorHandling(app);
  registerInputGuards(app);
  await app.register(healthRoutes);
  await app.register(ordersRoutes);
  return app;
}
