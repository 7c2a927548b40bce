import axios, { type AxiosInstance, type AxiosRequestConfig, isAxiosError } from 'axios';
import { type Customer, type CustomerName, parseCustomer, parseCustomerNames } from './customer.ts';
import { UserServiceError, UserServiceErrorCodes } from './errors.ts';

export interface UserServiceClientOptions {
  baseUrl: string;
  /** Bearer token with the `users:read` scope; without one, requests go unauthenticated. */
  token?: string;
  /** Upper bound for one call, connection included; OrderService never waits longer. */
  timeoutMs?: number;
  /** For callers that bring their own axios instance (interceptors, agents). */
  http?: AxiosInstance;
}

const jsonContentType = /^application\/json(\s*;.*)?$/i;

/** UserService caps a batch lookup at 100 ids. */
export const maxIdsPerLookup = 100;

export class UserServiceClient {
  private readonly http: AxiosInstance;
  private readonly requestConfig: AxiosRequestConfig;

  constructor(options: UserServiceClientOptions) {
    this.http = options.http ?? axios.create();
    // Per-request settings, so a caller's own axios instance is never modified.
    this.requestConfig = {
      baseURL: options.baseUrl,
      timeout: options.timeoutMs ?? 2_000,
      headers: {
        Accept: 'application/json',
        ...(options.token === undefined ? {} : { Authorization: `Bearer ${options.token}` }),
      },
      // Non-2xx answers become coded errors below, not axios errors.
      validateStatus: () => true,
    };
  }

  async getUser(id: number): Promise<Customer> {
    const body = await this.get(`/users/${id}`, `user ${id}`);
    return parseCustomer(body);
  }

  /** Current names of many users in one call per 100 ids; unknown ids are simply absent. */
  async getUserNames(ids: readonly number[]): Promise<CustomerName[]> {
    const unique = [...new Set(ids)].sort((a, b) => a - b);
    const names: CustomerName[] = [];
    for (let start = 0; start < unique.length; start += maxIdsPerLookup) {
      const chunk = unique.slice(start, start + maxIdsPerLookup);
      const body = await this.get('/users', `users ${chunk.join(',')}`, {
        ids: chunk.join(','),
        limit: maxIdsPerLookup,
      });
      names.push(...parseCustomerNames(body));
    }
    return names;
  }

  private async get(path: string, what: string, params?: Record<string, string | number>): Promise<unknown> {
    let response: { status: number; data: unknown; headers: Record<string, unknown> };
    try {
      response = await this.http.get(path, params ? { ...this.requestConfig, params } : this.requestConfig);
    } catch (err) {
      throw unreachable(err, what);
    }
    if (response.status >= 200 && response.status < 300) {
      const contentType = String(response.headers['content-type'] ?? '');
      if (!jsonContentType.test(contentType)) {
        throw new UserServiceError(
          UserServiceErrorCodes.badResponse,
          `UserService answered ${what} with content-type "${contentType}" instead of JSON`,
          { status: response.status },
        );
      }
      return response.data;
    }
    throw rejected(response.status, response.data, what);
  }
}

function unreachable(err: unknown, what: string): UserServiceError {
  const timedOut = isAxiosError(err) && (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT');
  // The low-level reason (addresses, ports) stays in `cause` for the logs, out of error bodies.
  const reason = timedOut ? 'did not answer in time' : 'could not be reached';
  return new UserServiceError(UserServiceErrorCodes.unavailable, `UserService ${reason} while fetching ${what}`, {
    cause: err,
  });
}

function rejected(status: number, body: unknown, what: string): UserServiceError {
  const upstreamCode =
    typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string'
      ? (body as { code: string }).code
      : undefined;
  const details = upstreamCode === undefined ? { status } : { status, upstreamCode };
  const suffix = upstreamCode ? ` (${upstreamCode})` : '';
  if (status === 404) {
    return new UserServiceError(UserServiceErrorCodes.notFound, `UserService has no ${what}`, details);
  }
  if (status === 401) {
    return new UserServiceError(
      UserServiceErrorCodes.unauthorized,
      `UserService did not accept OrderService's token${suffix}`,
      details,
    );
  }
  if (status === 403) {
    return new UserServiceError(
      UserServiceErrorCodes.forbidden,
      `OrderService's token may not read ${what}${suffix}`,
      details,
    );
  }
  if (status >= 500) {
    return new UserServiceError(
      UserServiceErrorCodes.unavailable,
      `UserService failed with ${status} while fetching ${what}`,
      details,
    );
  }
  return new UserServiceError(
    UserServiceErrorCodes.rejected,
    `UserService rejected the request for ${what} with ${status}${suffix}`,
    details,
  );
}
