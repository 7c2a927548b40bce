export interface OrderItem {
  sku: string;
  quantity: number;
  /** In minor units (cents): integer arithmetic, no rounding surprises. */
  unitPrice: number;
}

export interface CustomerSnapshot {
  name: string;
  email: string;
  customerSince: string;
  address: { street: string; city: string; postalCode: string; country: string };
}

/**
 * `on-hold` while the customer is suspended (UserService's `user.suspended`, released by `user.reactivated`);
 * `cancelled` once the customer is deleted.
 */
export type OrderStatus = 'placed' | 'on-hold' | 'cancelled';

export interface Order {
  id: number;
  userId: number;
  status: OrderStatus;
  items: OrderItem[];
  total: number;
  customer: CustomerSnapshot;
  createdAt: string;
}

export function orderTotal(items: readonly OrderItem[]): number {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}
