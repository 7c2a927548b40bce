import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { type Customer, type CustomerName, parseCustomer, parseCustomerNames } from './customer.ts';
import { UserServiceError, UserServiceErrorCodes } from './errors.ts';

export interface UserServiceClientOptions {
  baseUrl: string;
  /** Bearer token with the `users:read` scope; without one, requests go unauthenticated. */
  token?: string;
  /**
   * Wall-clock bound for one call (a batch lookup counts as one call, however many chunks it takes): connection,
   * headers and the whole body. OrderService never waits longer.
   */
  timeoutMs?: number;
  /** The most bytes of (decoded) body read from one answer; a longer answer is a bad response. */
  maxResponseBytes?: number;
  /** For callers that bring their own axios instance (interceptors, agents). */
  http?: AxiosInstance;
}

const jsonContentType = /^application\/json(\s*;.*)?$/i;

/** UserService caps a batch lookup at 100 ids. */
export const maxIdsPerLookup = 100;

export const defaultTimeoutMs = 2_000;

/** A full batch of 100 users at the longest field lengths UserService accepts is well under this. */
export const defaultMaxResponseBytes = 1024 * 1024;

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

export class UserServiceClient {
  private readonly http: AxiosInstance;
  private readonly requestConfig: AxiosRequestConfig;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: UserServiceClientOptions) {
    this.http = options.http ?? axios.create();
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
    // Per-request settings, so a caller's own axios instance is never modified.
    this.requestConfig = {
      baseURL: options.baseUrl,
      headers: {
        Accept: 'application/json',
        // What readBody can decode, and nothing else.
        'Accept-Encoding': 'gzip, deflate, br',
        ...(options.token === undefined ? {} : { Authorization: `Bearer ${options.token}` }),
      },
      // Non-2xx answers become coded errors below, not axios errors.
      validateStatus: () => true,
      // A redirect would send the token and the request elsewhere, and build an order from whatever answers there.
      maxRedirects: 0,
      // The body is read, decoded and bounded here: axios would buffer any size and report a broken encoding
      // as a network failure.
      responseType: 'stream',
      decompress: false,
    };
  }

  async getUser(id: number): Promise<Customer> {
    const body = await this.get(`/users/${id}`, `user ${id}`, AbortSignal.timeout(this.timeoutMs));
    return parseCustomer(body);
  }

  /** Current names of many users in one call per 100 ids; unknown ids are simply absent. */
  async getUserNames(ids: readonly number[]): Promise<CustomerName[]> {
    const unique = [...new Set(ids)].sort((a, b) => a - b);
    const signal = AbortSignal.timeout(this.timeoutMs);
    const names: CustomerName[] = [];
    for (let start = 0; start < unique.length; start += maxIdsPerLookup) {
      const chunk = unique.slice(start, start + maxIdsPerLookup);
      const body = await this.get('/users', `users ${chunk.join(',')}`, signal, {
        ids: chunk.join(','),
        limit: maxIdsPerLookup,
      });
      names.push(...parseCustomerNames(body));
    }
    return names;
  }

  private async get(
    path: string,
    what: string,
    signal: AbortSignal,
    params?: Record<string, string | number>,
  ): Promise<unknown> {
    const answer = await this.exchange(path, what, signal, params);
    if (answer.status >= 200 && answer.status < 300) {
      if (!jsonContentType.test(answer.contentType)) {
        throw badResponse(
          `UserService answered ${what} with content-type "${answer.contentType}" instead of JSON`,
          answer.status,
        );
      }
      try {
        return JSON.parse(answer.body);
      } catch (err) {
        throw badResponse(`UserService answered ${what} with a body that is not valid JSON`, answer.status, err);
      }
    }
    throw rejected(answer.status, parseErrorBody(answer.body), what);
  }

  /** One request and its whole answer, within `signal`'s deadline and the size cap. */
  private async exchange(
    path: string,
    what: string,
    signal: AbortSignal,
    params?: Record<string, string | number>,
  ): Promise<Answer> {
    let response: { status: number; data: Readable; headers: Record<string, unknown> };
    try {
      response = await this.http.get(path, { ...this.requestConfig, signal, ...(params ? { params } : {}) });
    } catch (err) {
      throw unreachable(err, what, signal);
    }
    const { status, data } = response;
    if (status >= 300 && status < 400) {
      data.destroy();
      throw badResponse(
        `UserService answered ${what} with a redirect (${status}), which OrderService does not follow: check USER_SERVICE_URL`,
        status,
      );
    }
    const encoding = String(response.headers['content-encoding'] ?? 'identity').toLowerCase();
    const body = await readBody(data, encoding, this.maxResponseBytes).catch((err: unknown) => {
      if (err instanceof BodyError) {
        const message =
          err.reason === 'too large'
            ? `UserService answered ${what} with more than ${this.maxResponseBytes} bytes, the most OrderService reads`
            : err.reason === 'unknown encoding'
              ? `UserService answered ${what} in content-encoding "${encoding}", which OrderService cannot decode`
              : `UserService answered ${what} with a body that is not valid ${encoding}`;
        throw badResponse(message, status, err.cause);
      }
      throw unreachable(err, what, signal, 'dropped the connection in the middle of its answer');
    });
    return { status, contentType: String(response.headers['content-type'] ?? ''), body };
  }
}

class BodyError extends Error {
  constructor(
    readonly reason: 'too large' | 'unknown encoding' | 'undecodable',
    cause?: unknown,
  ) {
    super(reason, cause === undefined ? undefined : { cause });
  }
}

function decoderFor(encoding: string) {
  switch (encoding) {
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new BodyError('unknown encoding');
  }
}

/**
 * Reads the body, decoding it, and stops at `maxBytes` of decoded output (so a small compressed answer cannot
 * expand without bound). Errors from the connection are rethrown as they are; everything wrong with the body
 * itself is a `BodyError`.
 */
function readBody(raw: Readable, encoding: string, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let decoder: ReturnType<typeof decoderFor>;
    try {
      decoder = decoderFor(encoding);
    } catch (err) {
      raw.destroy();
      return reject(err);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      raw.destroy();
      decoder?.destroy();
      reject(err);
    };
    raw.on('error', fail);
    raw.on('close', () => {
      if (!raw.readableEnded) fail(new Error('UserService closed the connection before the end of its answer'));
    });
    const decoded = decoder ?? raw;
    if (decoder) {
      decoder.on('error', (err) => fail(new BodyError('undecodable', err)));
      raw.pipe(decoder);
    }
    decoded.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(new BodyError('too large'));
      else chunks.push(chunk);
    });
    decoded.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function badResponse(message: string, status: number, cause?: unknown): UserServiceError {
  return new UserServiceError(UserServiceErrorCodes.badResponse, message, {
    status,
    ...(cause === undefined ? {} : { cause }),
  });
}

function unreachable(
  err: unknown,
  what: string,
  signal: AbortSignal,
  otherwise = 'could not be reached',
): UserServiceError {
  // The low-level reason (addresses, ports) stays in `cause` for the logs, out of error bodies.
  const reason = signal.aborted ? 'did not answer in time' : otherwise;
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
