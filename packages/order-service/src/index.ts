export { type AppConfig, buildApp } from './app.ts';
export { type OrderServiceConfig, readConfig } from './config.ts';
export { OrderErrorCodes } from './errors.ts';
export type { CustomerSnapshot, Order, OrderItem } from './orders/order.ts';
export * from './user-service-client/index.ts';
