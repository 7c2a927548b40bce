import { ServiceCommonErrorCodes, ServiceError } from '@contract-kit/service-common';

/**
 * Every code OrderService emits: in its HTTP error bodies and, from service-common, at start (`CONFIG_INVALID`,
 * `DB_*`). The README's "OrderService" table documents exactly the codes not from service-common (tested both ways).
 */
export const OrderErrorCodes = {
  ...ServiceCommonErrorCodes,
  orderNotFound: 'ORDER_NOT_FOUND',
  userNotFound: 'ORDER_USER_NOT_FOUND',
  userSuspended: 'ORDER_USER_SUSPENDED',
  userServiceUnavailable: 'USER_SERVICE_UNAVAILABLE',
  userServiceAuthFailed: 'USER_SERVICE_AUTH_FAILED',
  userServiceBadResponse: 'USER_SERVICE_BAD_RESPONSE',
} as const;

export class OrderNotFoundError extends ServiceError {
  constructor(id: number) {
    super(404, OrderErrorCodes.orderNotFound, `Order ${id} does not exist`);
  }
}
