import {
  frameworkErrors,
  migrateToLatest,
  openDatabase,
  registerErrorHandling,
  registerInputGuards,
} from '@contract-kit/service-common';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { migrations, type OrderDatabase } from './orders/database.ts';
import { createOrderService, type OrderService } from './orders/order-service.ts';
import { createOrdersRepository } from './orders/orders-repository.ts';
import { healthRoutes } from './routes/health.ts';
import { ordersRoutes } from './routes/orders.ts';
import { UserServiceClient, type UserServiceClientOptions } from './user-service-client/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    orders: OrderService;
  }
}

export interface AppConfig {
  /** SQLite file path or `:memory:`. */
  databasePath: string;
  /** A ready client, or the options to build one. */
  userService: UserServiceClient | UserServiceClientOptions;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
}

export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logger ?? false, frameworkErrors });
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

  registerErrorHandling(app);
  registerInputGuards(app);
  await app.register(healthRoutes);
  await app.register(ordersRoutes);
  return app;
}
