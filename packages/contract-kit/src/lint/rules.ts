import type { LintSeverity } from './types.ts';

export interface LintRule {
  severity: LintSeverity;
  /** One line: what is wrong and why it matters. */
  explanation: string;
  /** What to do about it. */
  hint: string;
}

/**
 * Every rule `lintPacts` applies, by stable code. The severity is the default; `rules` in the
 * options overrides it per code or turns the rule off.
 */
export const lintRules = {
  // The file itself
  PACT_FILE_UNREADABLE: {
    severity: 'error',
    explanation: 'The pact file cannot be read.',
    hint: 'Check the path; pact files are written by the consumer tests (`npm run contracts`).',
  },
  PACT_JSON_MALFORMED: {
    severity: 'error',
    explanation: 'The pact file is not valid JSON, so no Pact tool can read it.',
    hint: 'Regenerate it by running the consumer tests rather than editing it by hand.',
  },
  PACT_SPEC_VERSION_UNSUPPORTED: {
    severity: 'error',
    explanation: 'The pact names no Pact specification version, or one other than 2, 3 or 4.',
    hint: 'Set metadata.pactSpecification.version to "2.0.0", "3.0.0" or "4.0" (what the pact library writes).',
  },
  PACT_SPEC_VERSION_MISMATCH: {
    severity: 'error',
    explanation: 'The interactions are written in another specification version than the file declares.',
    hint: 'Make metadata.pactSpecification.version say what the interactions are, or regenerate the pact.',
  },
  PACT_NO_INTERACTIONS: {
    severity: 'error',
    explanation: 'The pact has no interactions: it verifies nothing and hides a broken consumer test run.',
    hint: 'Check that the consumer tests ran and wrote their interactions, or delete the pact.',
  },
  PACT_SCHEMA_INVALID: {
    severity: 'error',
    explanation: 'The pact does not follow the Pact specification of its version.',
    hint: 'Fix the named field; a Pact verifier would reject it or silently ignore it.',
  },

  // What the interactions say
  PACT_DUPLICATE_INTERACTION: {
    severity: 'error',
    explanation:
      'Two interactions have the same description and provider states, so the verifier cannot tell them apart.',
    hint: 'Give each interaction its own description, or remove the copy.',
  },
  PACT_DUPLICATE_DESCRIPTION: {
    severity: 'warning',
    explanation:
      'Two interactions share a description (with different provider states); reports and the broker name them alike.',
    hint: 'Say in the description what differs, e.g. "… for a suspended user".',
  },
  PACT_MATCHER_EXAMPLE_MISMATCH: {
    severity: 'error',
    explanation:
      "A matcher's own example does not satisfy it: the consumer test passes, verification against the provider fails.",
    hint: 'Fix the example or the matcher so that the example matches.',
  },
  PACT_REGEX_INVALID: {
    severity: 'error',
    explanation: 'A regular expression in a matcher or generator cannot be compiled.',
    hint: 'Fix the expression; Pact uses Rust regex syntax (no look-around, no back-references).',
  },
  PACT_REGEX_UNANCHORED: {
    severity: 'warning',
    explanation:
      'A regex matcher has neither ^ nor $: the Rust verifier accepts any value that merely contains a match.',
    hint: 'Anchor the expression: ^…$ (or ^… for a deliberate prefix match).',
  },
  PACT_MATCHER_PATH_UNUSED: {
    severity: 'warning',
    explanation: 'A matching rule points at nothing in its example (a typo?), so it never applies as meant.',
    hint: "Fix the rule's path, or the example it should apply to.",
  },
  PACT_BODY_CONTENT_TYPE_MISSING: {
    severity: 'error',
    explanation: 'A body has no content type, so it is compared as guessed content and its matchers may not apply.',
    hint: 'Declare the content type (a Content-Type header, or contentType on the body or message).',
  },
  PACT_CONTENT_TYPE_CONFLICT: {
    severity: 'error',
    explanation: 'The content types a part declares disagree with each other or with its body.',
    hint: 'Declare one content type that fits the body.',
  },
  PACT_FIXED_GENERATED_VALUE: {
    severity: 'warning',
    explanation:
      'A response holds a fixed value the provider generates (an id, a timestamp, a UUID) without a matcher: it verifies only by luck.',
    hint: "Use a matcher (integer, uuid, datetime, like…), or pin the value through the provider state's params.",
  },
  PACT_GENERATOR_WITHOUT_STATE: {
    severity: 'error',
    explanation:
      'A value comes from the provider state (fromProviderState), but the interaction has no provider state.',
    hint: 'Add the given(...) whose handler returns the value, or use a fixed example.',
  },
  PACT_PATH_WITH_QUERY: {
    severity: 'error',
    explanation: 'The request path carries a query string, which the verifier sends escaped as part of the path.',
    hint: 'Move the parameters into the query (withQuery / query: { … }).',
  },
  PACT_BODY_ON_NO_CONTENT: {
    severity: 'error',
    explanation: 'A response that cannot carry a body (204, 304, or one to HEAD) has one in the pact.',
    hint: 'Remove the body, or expect a status that carries one.',
  },
  PACT_MESSAGE_CONTENTS_EMPTY: {
    severity: 'error',
    explanation:
      'A message interaction has no contents: verification compares its metadata only, none of what the consumer reads.',
    hint: "Declare the message's contents in the consumer test (withContent / contents), as its handler reads them.",
  },
  PACT_GET_WITH_BODY: {
    severity: 'warning',
    explanation: 'A GET or HEAD request has a body; servers and proxies may drop it.',
    hint: 'Send the data in the query or path, or use POST.',
  },

  // Provider states against the provider's verification
  PACT_STATE_UNHANDLED: {
    severity: 'error',
    explanation:
      "A pact uses a provider state the provider's verification has no handler for: the interaction will fail.",
    hint: "Add a handler to the provider's states, or fix the name in the consumer test's given(...).",
  },
  PACT_STATE_UNUSED: {
    severity: 'warning',
    explanation: 'The provider registers a state handler that no pact uses.',
    hint: 'Remove the handler, or check whether a consumer renamed the state.',
  },

  // Messages against the provider's message producers
  PACT_MESSAGE_UNHANDLED: {
    severity: 'error',
    explanation: "A pact expects a message the provider's definition has no producer for: the interaction will fail.",
    hint: "Add a producer under that description to the provider definition's `messages`, or fix the consumer test's expectsToReceive(...).",
  },
  PACT_MESSAGE_UNUSED: {
    severity: 'warning',
    explanation: "The provider's definition has a message producer that no pact expects.",
    hint: 'Remove the producer, or check whether a consumer renamed the message.',
  },

  // Pacts against the provider's OpenAPI document
  PACT_OPENAPI_UNUSABLE: {
    severity: 'error',
    explanation: 'The OpenAPI document cannot be read, or the comparison with it could not run.',
    hint: 'Regenerate the document (`npm run openapi`) and check that it is OpenAPI 3 JSON or YAML.',
  },
  PACT_OPENAPI_UNKNOWN_OPERATION: {
    severity: 'error',
    explanation: "The pact requests a path or method the provider's schema does not have.",
    hint: 'Fix the consumer, or add the route to the provider.',
  },
  PACT_OPENAPI_REQUEST_INCOMPATIBLE: {
    severity: 'error',
    explanation: "The pact sends a request the provider's schema rejects (params, query, headers, body, auth).",
    hint: "Make the consumer send what the provider's route schema accepts.",
  },
  PACT_OPENAPI_STATUS_UNKNOWN: {
    severity: 'error',
    explanation: "The pact expects a response status the provider's schema does not declare for the operation.",
    hint: 'Expect a status the provider answers with, or declare it in the route schema.',
  },
  PACT_OPENAPI_RESPONSE_INCOMPATIBLE: {
    severity: 'error',
    explanation: "The pact expects a response (body, headers, content type) the provider's schema cannot produce.",
    hint: 'Align the consumer with the response schema, or change the provider compatibly.',
  },
  PACT_OPENAPI_UNCHECKED: {
    severity: 'warning',
    explanation: 'Part of an interaction could not be checked against the OpenAPI document (not described there).',
    hint: 'Describe it in the route schema, or drop it from the consumer test if the provider ignores it.',
  },

  // The lint's own configuration
  PACT_LINT_CONFIG_INVALID: {
    severity: 'error',
    explanation:
      'The lint configuration names a rule that does not exist, or a severity other than error, warning, off.',
    hint: 'Use a code from the rule catalogue (lintRules) and one of error, warning, off.',
  },
} as const satisfies Record<string, LintRule>;

export type LintRuleCode = keyof typeof lintRules;

export function isLintRuleCode(code: string): code is LintRuleCode {
  return Object.hasOwn(lintRules, code);
}
