import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';

export const fixedNow = new Date('2026-03-04T05:06:07.000Z');

/** OrderService on a fresh in-memory database, talking to UserService at `userServiceUrl`. */
export function buildOrderApp(userServiceUrl: string, options: { timeoutMs?: number } = {}): Promise<FastifyInstance> {
  return buildApp({
    databasePath: ':memory:',
    userService: { baseUrl: userServiceUrl, token: 'order-service-token', timeoutMs: options.timeoutMs ?? 2_000 },
    now: () => fixedNow,
  });
}
