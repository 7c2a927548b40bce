import type { FastifyRequest } from 'fastify';
import { BrokerValidationError } from '../errors.ts';

export const NAME_LIMITS = Object.freeze({
  /**
   * Characters (code points) in a pacticipant name, version number, branch or tag. Percent-encoded, a character
   * takes at most 12 bytes, so the longest URL the broker links to (a pact: provider, consumer and version) stays
   * under 8 KiB, and a two-selector matrix query under 10 KiB: inside Node's 16 KiB request-head limit.
   */
  length: 200,
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function controlProblem(value: string): string | undefined {
  return CONTROL.test(value) ? 'must not contain control characters (tabs, line breaks, NUL, …)' : undefined;
}

/** What is wrong with a name as a stored identifier, or undefined. */
export function nameProblem(value: string): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it has an unpaired surrogate)';
  const control = controlProblem(value);
  if (control !== undefined) return control;
  let length = 0;
  for (const _ of value) length += 1;
  if (length > NAME_LIMITS.length) return `must be at most ${NAME_LIMITS.length} characters long (it has ${length})`;
  return undefined;
}

/** URL parameters that name something stored: pacticipants, versions, branches, tags. */
const NAME_PARAMS = ['pacticipant', 'provider', 'consumer', 'version', 'branch', 'tag'];

/**
 * preValidation: a name in the URL that could never have been stored is a 400 that says why, on any route. Any
 * other URL parameter (an environment, a UUID, a label) with a control character is one too: nothing stored has
 * one, and PostgreSQL refuses a NUL in a query's text instead of finding nothing.
 */
export async function checkNameParams(request: FastifyRequest): Promise<void> {
  const params = request.params as Record<string, unknown> | undefined;
  if (typeof params !== 'object' || params === null) return;
  const errors: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    const problem = NAME_PARAMS.includes(name) ? nameProblem(value) : controlProblem(value);
    if (problem !== undefined) errors[name] = [problem];
  }
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
}
