import { allowListProblem, type WebhookAllowList } from './allow-list.ts';
import { REDACTED, type RenderedRequest, redactHeaders, scrub, secretsOf } from './request.ts';

/** The real broker's `webhook_http_code_success`. */
export const SUCCESS_STATUSES: readonly number[] = [200, 201, 202, 203, 204, 205, 206];

/** The most of a response body kept for the logs. */
const BODY_LOG_LIMIT = 64 * 1024;

export interface SendOptions {
  allow: WebhookAllowList;
  /** Whole-request deadline, connecting included. */
  timeoutMs: number;
  clock: () => Date;
}

export interface SendResult {
  success: boolean;
  /** What a person reads in `…/logs` and in the execute response: no secret in it. */
  logs: string;
  request: { method: string; url: string; headers: Record<string, unknown>; body?: unknown };
  response?: { status: number; headers: Record<string, string>; body: unknown };
  /** Set when no HTTP response came back (refused, timed out, not allowed). */
  error?: string;
  /** The allow-list refused the URL: trying again cannot help. */
  refused?: boolean;
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < BODY_LOG_LIMIT) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length > BODY_LOG_LIMIT ? `${text.slice(0, BODY_LOG_LIMIT)}… (truncated)` : text;
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeError(err: unknown, timeoutMs: number): string {
  const error = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError') return `no response within ${timeoutMs} ms (BROKER_WEBHOOK_TIMEOUT_MS)`;
  const cause = error.cause;
  if (cause?.code) return `${cause.code}: ${cause.message ?? error.message ?? ''}`.trim();
  return error.message ?? String(err);
}

/**
 * Sends one webhook request. Redirects are not followed (a 3xx is an answer, and following it could leave the
 * allow-list); the response body is logged only when a host allow-list is configured, as the real broker does,
 * so a webhook cannot be used to read pages from inside the network.
 */
export async function sendWebhookRequest(request: RenderedRequest, options: SendOptions): Promise<SendResult> {
  const secrets = secretsOf(request);
  const lines: string[] = [];
  const log = (level: 'DEBUG' | 'INFO' | 'ERROR', text: string) =>
    lines.push(`[${options.clock().toISOString()}] ${level}: ${scrub(text, secrets)}`);
  const shownHeaders = redactHeaders(request.headers);
  const shownRequest = {
    method: request.method,
    url: scrub(request.url, secrets),
    headers: shownHeaders,
    ...(request.body !== undefined ? { body: parsedOrText(scrub(request.body, secrets)) } : {}),
  };
  const finish = (result: Omit<SendResult, 'logs' | 'request'>): SendResult => ({
    ...result,
    request: shownRequest,
    logs: `${lines.join('\n')}\n`,
  });

  const refused = allowListProblem(request.url, options.allow);
  if (refused !== undefined) {
    log('ERROR', `Not sent: the webhook URL ${refused}.`);
    return finish({ success: false, error: `The webhook URL ${refused}`, refused: true });
  }

  log('INFO', `HTTP/1.1 ${request.method} ${request.url}`);
  for (const [name, value] of Object.entries(shownHeaders)) log('INFO', `${name}: ${String(value)}`);
  if (request.username) log('INFO', `basic auth: username ${request.username}, password ${REDACTED}`);
  if (request.body !== undefined) log('INFO', request.body);

  const headers = new Headers(request.headers);
  if (!headers.has('user-agent')) headers.set('user-agent', 'contract-kit-broker');
  if (request.username) {
    const token = Buffer.from(`${request.username}:${request.password ?? ''}`).toString('base64');
    headers.set('authorization', `Basic ${token}`);
  }
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers,
      ...(request.body !== undefined && !['GET', 'HEAD'].includes(request.method) ? { body: request.body } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (err) {
    const reason = describeError(err, options.timeoutMs);
    log('ERROR', `Error executing webhook: ${reason}`);
    return finish({ success: false, error: reason });
  }
  let text: string;
  try {
    text = await readCapped(response);
  } catch (err) {
    text = `(the response body could not be read: ${describeError(err, options.timeoutMs)})`;
  }
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  const showBody = options.allow.hosts.length > 0;
  log('INFO', `HTTP/1.1 ${response.status} ${response.statusText}`);
  for (const [name, value] of Object.entries(redactHeaders(responseHeaders))) log('INFO', `${name}: ${String(value)}`);
  log(
    'INFO',
    showBody
      ? text
      : 'Response body hidden: set BROKER_WEBHOOK_HOST_WHITELIST to the hosts webhooks may call to see response bodies.',
  );
  const success = SUCCESS_STATUSES.includes(response.status);
  return finish({
    success,
    response: {
      status: response.status,
      headers: redactHeaders(responseHeaders) as Record<string, string>,
      body: showBody ? parsedOrText(scrub(text, secrets)) : undefined,
    },
  });
}
