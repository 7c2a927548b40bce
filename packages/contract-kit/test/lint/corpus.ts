import type { LintRuleCode } from '../../src/lint/index.ts';

/** What a finding of the corpus must be, whole: its code, the interaction it names, and where. */
export interface Expected {
  code: LintRuleCode;
  interaction?: string;
  path?: string;
}

const user = 'a request for a user';
const event = 'a user.suspended event';

/** One bad pact per rule and per kind of schema error, with exactly the findings it must produce. */
export const badPacts: Record<string, Expected[]> = {
  // The file
  'malformed-json.json': [{ code: 'PACT_JSON_MALFORMED' }],
  'spec-version-missing.json': [
    { code: 'PACT_SPEC_VERSION_UNSUPPORTED', path: '$.metadata.pactSpecification.version' },
  ],
  'spec-version-unknown.json': [
    { code: 'PACT_SPEC_VERSION_UNSUPPORTED', path: '$.metadata.pactSpecification.version' },
  ],
  'spec-version-v4-interactions-in-v3.json': [
    { code: 'PACT_SPEC_VERSION_MISMATCH', interaction: user, path: '$.interactions[0].type' },
  ],
  'spec-version-v3-interactions-in-v4.json': [
    { code: 'PACT_SPEC_VERSION_MISMATCH', interaction: user, path: '$.interactions[0]' },
  ],
  'no-interactions.json': [{ code: 'PACT_NO_INTERACTIONS', path: '$.interactions' }],

  // The JSON Schema of each version
  'schema-consumer-name-missing.json': [{ code: 'PACT_SCHEMA_INVALID', path: '$.consumer.name' }],
  'schema-request-method.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].request.method' },
  ],
  'schema-request-path-relative.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].request.path' },
  ],
  'schema-request-unknown-field.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].request.header' },
  ],
  'schema-response-status-string.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].response.status' },
  ],
  'schema-response-status-missing.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].response.status' },
  ],
  'schema-provider-state-without-name.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].providerStates[0].name' },
  ],
  'schema-matching-rule-category.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].response.matchingRules.response' },
  ],
  'schema-matcher-type-unknown.json': [
    {
      code: 'PACT_SCHEMA_INVALID',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.email'].matchers[0].match",
    },
  ],
  'schema-regex-matcher-without-regex.json': [
    {
      code: 'PACT_SCHEMA_INVALID',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.email'].matchers[0].regex",
    },
  ],
  'schema-body-rule-path.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].response.matchingRules.body.email' },
  ],
  'schema-rule-combine.json': [
    {
      code: 'PACT_SCHEMA_INVALID',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.id'].combine",
    },
  ],
  'schema-generator-type-unknown.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: "$.interactions[0].response.generators.body['$.id'].type" },
  ],
  'schema-provider-state-generator-without-expression.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].request.generators.path.expression' },
  ],
  'schema-v4-interaction-type.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].type' },
  ],
  'schema-v4-body-not-wrapped.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].response.body.id' },
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].response.body.name' },
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].response.body.email' },
  ],
  'schema-v4-message-without-contents.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: 'a user was suspended', path: '$.interactions[0].contents' },
  ],
  'schema-v4-message-description-empty.json': [{ code: 'PACT_SCHEMA_INVALID', path: '$.interactions[0].description' }],
  'schema-v4-message-rule-category.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: event, path: '$.interactions[0].matchingRules.header' },
  ],
  'schema-v4-sync-message-without-response.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: 'a user lookup over the bus', path: '$.interactions[0].response' },
  ],
  'schema-v3-query-string.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].request.query' },
  ],
  'schema-v3-matching-rules-in-v2-form.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: "$.interactions[0].response.matchingRules['$.body.id']" },
  ],
  'schema-v3-message-without-description.json': [{ code: 'PACT_SCHEMA_INVALID', path: '$.messages[0].description' }],
  'schema-v2-matcher-type.json': [
    {
      code: 'PACT_SCHEMA_INVALID',
      interaction: user,
      path: "$.interactions[0].response.matchingRules['$.body.id'].match",
    },
  ],
  'schema-v2-provider-states.json': [
    { code: 'PACT_SCHEMA_INVALID', interaction: user, path: '$.interactions[0].providerStates' },
  ],
  'schema-v2-rule-path.json': [
    {
      code: 'PACT_SCHEMA_INVALID',
      interaction: user,
      path: "$.interactions[0].response.matchingRules['$.response.body.id']",
    },
  ],

  // What the interactions say
  'duplicate-interaction.json': [
    { code: 'PACT_DUPLICATE_INTERACTION', interaction: user, path: '$.interactions[1].description' },
  ],
  'duplicate-description.json': [
    { code: 'PACT_DUPLICATE_DESCRIPTION', interaction: user, path: '$.interactions[1].description' },
  ],
  'matcher-example-regex.json': [
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.email'].matchers[0]",
    },
  ],
  'matcher-example-integer.json': [
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.id'].matchers[0]",
    },
  ],
  'matcher-example-datetime.json': [
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.createdAt'].matchers[0]",
    },
  ],
  'matcher-example-header.json': [
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      interaction: user,
      path: '$.interactions[0].request.matchingRules.header.Authorization.matchers[0]',
    },
  ],
  'matcher-example-query-and-min.json': [
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      interaction: 'a batch lookup of users',
      path: '$.interactions[0].request.matchingRules.query.ids.matchers[0]',
    },
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      interaction: 'a batch lookup of users',
      path: "$.interactions[0].response.matchingRules.body['$.items'].matchers[0]",
    },
  ],
  'matcher-example-or.json': [
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.name']",
    },
  ],
  'message-v3-matcher-example.json': [
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      interaction: 'a user was created',
      path: "$.messages[0].matchingRules.body['$.status'].matchers[0]",
    },
  ],
  'message-v4-matcher-example.json': [
    {
      code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
      interaction: event,
      path: "$.interactions[0].matchingRules.body['$.sequence'].matchers[0]",
    },
  ],
  'message-v4-metadata-matcher-unused.json': [
    {
      code: 'PACT_MATCHER_PATH_UNUSED',
      interaction: event,
      path: '$.interactions[0].matchingRules.metadata.partitionKey',
    },
  ],
  'message-v4-contents-empty.json': [
    { code: 'PACT_MESSAGE_CONTENTS_EMPTY', interaction: event, path: '$.interactions[0].contents' },
  ],
  'regex-invalid.json': [
    {
      code: 'PACT_REGEX_INVALID',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.email'].matchers[0].regex",
    },
  ],
  'regex-look-ahead.json': [
    {
      code: 'PACT_REGEX_INVALID',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.email'].matchers[0].regex",
    },
  ],
  'regex-invalid-generator.json': [
    {
      code: 'PACT_REGEX_INVALID',
      interaction: user,
      path: "$.interactions[0].response.generators.body['$.email'].regex",
    },
  ],
  'regex-unanchored.json': [
    {
      code: 'PACT_REGEX_UNANCHORED',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.email'].matchers[0].regex",
    },
  ],
  'matcher-path-unused.json': [
    {
      code: 'PACT_MATCHER_PATH_UNUSED',
      interaction: user,
      path: "$.interactions[0].response.matchingRules.body['$.emial']",
    },
  ],
  'content-type-missing.json': [
    { code: 'PACT_BODY_CONTENT_TYPE_MISSING', interaction: user, path: '$.interactions[0].response.body' },
  ],
  'content-type-missing-v3.json': [
    { code: 'PACT_BODY_CONTENT_TYPE_MISSING', interaction: user, path: '$.interactions[0].response.body' },
  ],
  'message-v4-content-type-missing.json': [
    { code: 'PACT_BODY_CONTENT_TYPE_MISSING', interaction: 'a user was suspended', path: '$.interactions[0].contents' },
  ],
  'message-v4-content-type-conflict.json': [
    { code: 'PACT_CONTENT_TYPE_CONFLICT', interaction: event, path: '$.interactions[0].metadata.contentType' },
  ],
  'content-type-conflict.json': [
    {
      code: 'PACT_CONTENT_TYPE_CONFLICT',
      interaction: user,
      path: "$.interactions[0].response.headers['Content-Type']",
    },
  ],
  'content-type-json-as-text.json': [
    {
      code: 'PACT_CONTENT_TYPE_CONFLICT',
      interaction: user,
      path: "$.interactions[0].response.headers['Content-Type']",
    },
  ],
  'fixed-generated-values.json': [
    { code: 'PACT_FIXED_GENERATED_VALUE', interaction: user, path: '$.interactions[0].response.body.content.id' },
    {
      code: 'PACT_FIXED_GENERATED_VALUE',
      interaction: user,
      path: '$.interactions[0].response.body.content.createdAt',
    },
    {
      code: 'PACT_FIXED_GENERATED_VALUE',
      interaction: user,
      path: '$.interactions[0].response.body.content.sessionToken',
    },
  ],
  'generator-without-state.json': [
    { code: 'PACT_GENERATOR_WITHOUT_STATE', interaction: user, path: '$.interactions[0].request.generators.path' },
  ],
  'path-with-query.json': [{ code: 'PACT_PATH_WITH_QUERY', interaction: user, path: '$.interactions[0].request.path' }],
  'body-on-no-content.json': [
    { code: 'PACT_BODY_ON_NO_CONTENT', interaction: 'a deletion of a user', path: '$.interactions[0].response.body' },
  ],
  'get-with-body.json': [{ code: 'PACT_GET_WITH_BODY', interaction: user, path: '$.interactions[0].request.body' }],
};

/** Pacts of every version and interaction kind that must lint clean. */
export const goodPacts = ['v2.json', 'v3-http.json', 'v3-messages.json', 'v4-mixed.json'];
