import { isJsonObject } from '../pacts/content.ts';
import { render, renderJson } from './template.ts';

/** A webhook's request with its parameters filled in: what is sent. */
export interface RenderedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  username?: string;
  password?: string;
}

export const REDACTED = '**********';

/** Header names whose values are secrets: never logged, never served back. */
const SENSITIVE_HEADER = /authorization|token|secret|password|api[-_]?key|cookie|signature/i;

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name);
}

/** The headers as they may be shown to a person. */
export function redactHeaders(headers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = isSensitiveHeader(name) ? REDACTED : value;
  return out;
}

/** Fills the stored request template in with the event's parameters; values in the URL are URL-encoded. */
export function renderRequest(template: Record<string, unknown>, context: Readonly<Record<string, string>>) {
  const headers: Record<string, string> = {};
  if (isJsonObject(template.headers)) {
    for (const [name, value] of Object.entries(template.headers)) {
      if (typeof value === 'string' || typeof value === 'number') headers[name] = render(String(value), context);
    }
  }
  const body =
    template.body === undefined || template.body === null
      ? undefined
      : typeof template.body === 'string'
        ? render(template.body, context)
        : JSON.stringify(renderJson(template.body, context));
  const rendered: RenderedRequest = {
    method: String(template.method ?? 'POST').toUpperCase(),
    url: render(String(template.url ?? ''), context, encodeURIComponent),
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(typeof template.username === 'string' && template.username !== ''
      ? { username: render(template.username, context) }
      : {}),
    ...(typeof template.password === 'string' ? { password: render(template.password, context) } : {}),
  };
  return rendered;
}

/**
 * Every secret the request carries (the password, sensitive header values, sensitive query values), longest first,
 * so a log can be scrubbed of them wherever they appear, a URL or a body included.
 */
export function secretsOf(request: RenderedRequest): string[] {
  const secrets = new Set<string>();
  if (request.password) secrets.add(request.password);
  for (const [name, value] of Object.entries(request.headers)) {
    if (isSensitiveHeader(name) && value.length >= 4) {
      secrets.add(value);
      // `Bearer xyz`: the credential alone may be echoed back by a receiver.
      const credential = value.split(/\s+/).pop();
      if (credential && credential.length >= 4) secrets.add(credential);
    }
  }
  try {
    for (const [name, value] of new URL(request.url).searchParams) {
      if (isSensitiveHeader(name) && value.length >= 4) secrets.add(value);
    }
  } catch {
    // an unparseable URL has no query to scrub
  }
  return [...secrets].sort((a, b) => b.length - a.length);
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}
