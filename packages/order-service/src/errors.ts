import { CommonErrorCodes, ServiceError } from '@contract-kit/service-common';

/** Every code OrderService puts in an error body. Documented in README.md; uniqueness is tested. */
export const OrderErrorCodes = {
  ...CommonErrorCodes,
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
