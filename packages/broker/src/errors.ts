import {
  ClientErrorCodes,
  CommonErrorCodes,
  RouterErrorCodes,
  ServiceError,
  StartErrorCodes,
} from '@contract-kit/service-common';

/**
 * Every code the broker puts in an error body or raises at start; README.md documents exactly these (tested both
 * ways). Not `VALIDATION_FAILED`: the broker's own handler answers every schema failure as `BROKER_INVALID_REQUEST`.
 */
export const BrokerErrorCodes = {
  malformedBody: CommonErrorCodes.malformedBody,
  unsupportedMediaType: CommonErrorCodes.unsupportedMediaType,
  routeNotFound: CommonErrorCodes.routeNotFound,
  internal: CommonErrorCodes.internal,
  ...RouterErrorCodes,
  ...ClientErrorCodes,
  configInvalid: StartErrorCodes.configInvalid,
  dbMigrationFailed: StartErrorCodes.dbMigrationFailed,
  invalidRequest: 'BROKER_INVALID_REQUEST',
  contractConflict: 'BROKER_CONTRACT_CONFLICT',
  mergeConflict: 'BROKER_MERGE_CONFLICT',
  pacticipantNameMismatch: 'BROKER_PACTICIPANT_NAME_MISMATCH',
  duplicatePacticipant: 'BROKER_POTENTIAL_DUPLICATE_PACTICIPANT',
  pacticipantNotFound: 'BROKER_PACTICIPANT_NOT_FOUND',
  pacticipantExists: 'BROKER_PACTICIPANT_EXISTS',
  versionNotFound: 'BROKER_VERSION_NOT_FOUND',
  branchNotFound: 'BROKER_BRANCH_NOT_FOUND',
  tagNotFound: 'BROKER_TAG_NOT_FOUND',
  pactNotFound: 'BROKER_PACT_NOT_FOUND',
  verificationNotFound: 'BROKER_VERIFICATION_NOT_FOUND',
  environmentNotFound: 'BROKER_ENVIRONMENT_NOT_FOUND',
  deployedVersionNotFound: 'BROKER_DEPLOYED_VERSION_NOT_FOUND',
  releasedVersionNotFound: 'BROKER_RELEASED_VERSION_NOT_FOUND',
  webhookNotFound: 'BROKER_WEBHOOK_NOT_FOUND',
  triggeredWebhookNotFound: 'BROKER_TRIGGERED_WEBHOOK_NOT_FOUND',
  unauthorized: 'BROKER_UNAUTHORIZED',
  forbidden: 'BROKER_FORBIDDEN',
  forbiddenKey: 'BROKER_FORBIDDEN_KEY',
  queryTooComplex: 'BROKER_QUERY_TOO_COMPLEX',
  jsonTooDeep: 'BROKER_JSON_TOO_DEEP',
  bodyTooLarge: 'BROKER_BODY_TOO_LARGE',
  methodNotAllowed: 'BROKER_METHOD_NOT_ALLOWED',
  routeWithoutPolicy: 'BROKER_ROUTE_WITHOUT_POLICY',
  irreversibleChange: 'BROKER_IRREVERSIBLE_CHANGE',
} as const;

/** Field name → messages, or a plain list of messages: the shape the Pact clients print. */
export type ValidationErrors = Record<string, string[]> | string[];

/**
 * A request the broker understood but will not act on. Rendered with the common error fields plus the
 * Pact Broker's own `errors` member, which the official clients read.
 */
export class BrokerValidationError extends ServiceError {
  readonly errors: ValidationErrors;
  constructor(errors: ValidationErrors) {
    const messages = Array.isArray(errors)
      ? errors
      : Object.entries(errors).flatMap(([field, list]) => list.map((m) => `${field} ${m}`));
    super(400, BrokerErrorCodes.invalidRequest, `Invalid request: ${messages.join('; ')}`, { details: errors });
    this.errors = errors;
  }

  /** One field, one message. */
  static field(field: string, message: string): BrokerValidationError {
    return new BrokerValidationError({ [field]: [message] });
  }
}

export interface Notice {
  type: 'debug' | 'info' | 'warning' | 'prompt' | 'success' | 'error' | 'danger';
  text: string;
}

/** A consumer version republished with different content (dangerous contract modification is not allowed). */
export class ContractConflictError extends ServiceError {
  readonly notices: Notice[];
  readonly errors: Record<string, string[]>;
  constructor(consumer: string, version: string, provider: string, diff: string) {
    const message =
      `Cannot change the content of the pact for ${consumer} version ${version} and provider ${provider}, ` +
      'as race conditions will cause unreliable results for can-i-deploy. Each pact must be published with a ' +
      'unique consumer version number. For more information see https://docs.pact.io/go/versioning';
    super(409, BrokerErrorCodes.contractConflict, message, { details: { consumer, version, provider } });
    this.notices = [
      { type: 'error', text: message },
      { type: 'info', text: diff },
    ];
    this.errors = { contracts: [message] };
  }
}

/** `onConflict: merge` (or PATCH) would replace interactions with ones of a different request. */
export class MergeConflictError extends ServiceError {
  readonly notices: Notice[];
  readonly errors: Record<string, string[]>;
  constructor(consumer: string, version: string, provider: string, interactions: string[]) {
    const message =
      `Cannot merge the pact for ${consumer} version ${version} and provider ${provider}: these interactions have ` +
      `the same description and provider states as published ones but a different request: ${interactions.join(', ')}. ` +
      'Give them their own descriptions or states, or publish under a new consumer version.';
    super(409, BrokerErrorCodes.mergeConflict, message, { details: { consumer, version, provider, interactions } });
    this.notices = [{ type: 'error', text: message }];
    this.errors = { contracts: [message] };
  }
}

/** A legacy pact PUT/PATCH whose path names another consumer or provider than the pact does. */
export class PacticipantNameMismatchError extends ServiceError {
  readonly errors: Record<string, string[]>;
  constructor(role: 'consumer' | 'provider', inPath: string, inPact: string) {
    const message = `The ${role} name '${inPact}' in the pact does not match the ${role} name '${inPath}' in the path`;
    super(400, BrokerErrorCodes.pacticipantNameMismatch, message, { details: { role, inPath, inPact } });
    this.errors = { [role]: [message] };
  }
}

/** A first publish for a name very like an existing pacticipant's (`Foo Service` beside `Foo`): likely a typo. */
export class PotentialDuplicatePacticipantError extends ServiceError {
  readonly notices: Notice[];
  readonly errors: Record<string, string[]>;
  constructor(name: string, existing: string[]) {
    const message =
      `This is the first time a pact has been published for "${name}", and the name is very like ` +
      `${existing.map((n) => `"${n}"`).join(', ')}. If you meant one of those, correct the pact's configuration and ` +
      `publish again. If "${name}" is new, create it first (pact broker create-or-update-pacticipant --name "${name}"), ` +
      'then publish again.';
    super(409, BrokerErrorCodes.duplicatePacticipant, message, { details: { name, existing } });
    this.notices = [{ type: 'error', text: message }];
    this.errors = { pacticipantNames: [message] };
  }
}

/** A merge patch sent with PUT: PUT replaces a resource, so only PATCH takes application/merge-patch+json. */
export class MergePatchNeedsPatchError extends ServiceError {
  constructor(path: string) {
    super(
      415,
      CommonErrorCodes.unsupportedMediaType,
      `PUT ${path} replaces the resource and takes application/json; send a merge patch with PATCH`,
    );
  }
}

export class PacticipantNotFoundError extends ServiceError {
  constructor(name: string) {
    super(404, BrokerErrorCodes.pacticipantNotFound, `No pacticipant with name '${name}' found`, {
      details: { pacticipant: name },
    });
  }
}

export class PacticipantExistsError extends ServiceError {
  constructor(name: string) {
    super(409, BrokerErrorCodes.pacticipantExists, `A pacticipant with name '${name}' already exists`, {
      details: { pacticipant: name },
    });
  }
}

export class VersionNotFoundError extends ServiceError {
  constructor(pacticipant: string, version: string) {
    super(404, BrokerErrorCodes.versionNotFound, `No version '${version}' of pacticipant '${pacticipant}' found`, {
      details: { pacticipant, version },
    });
  }
}

export class BranchNotFoundError extends ServiceError {
  constructor(pacticipant: string, branch: string) {
    super(404, BrokerErrorCodes.branchNotFound, `No branch '${branch}' of pacticipant '${pacticipant}' found`, {
      details: { pacticipant, branch },
    });
  }
}

export class TagNotFoundError extends ServiceError {
  /** Without a version: no version of the pacticipant has the tag. */
  constructor(pacticipant: string, version: string | undefined, tag: string) {
    const where = version === undefined ? 'any version' : `version '${version}'`;
    super(404, BrokerErrorCodes.tagNotFound, `No tag '${tag}' on ${where} of '${pacticipant}' found`, {
      details: { pacticipant, tag, ...(version === undefined ? {} : { version }) },
    });
  }
}

export class PactNotFoundError extends ServiceError {
  constructor(description: string) {
    super(404, BrokerErrorCodes.pactNotFound, `No pact found ${description}`);
  }
}

export class VerificationNotFoundError extends ServiceError {
  constructor(description: string) {
    super(404, BrokerErrorCodes.verificationNotFound, `No verification result found ${description}`);
  }
}

export class EnvironmentNotFoundError extends ServiceError {
  constructor(key: string) {
    super(404, BrokerErrorCodes.environmentNotFound, `No environment '${key}' found`, {
      details: { environment: key },
    });
  }
}

export class DeployedVersionNotFoundError extends ServiceError {
  constructor(uuid: string) {
    super(404, BrokerErrorCodes.deployedVersionNotFound, `No deployed version with uuid '${uuid}' found`);
  }
}

/**
 * A deployment marked undeployed, or a release whose support ended, asked to be current again: that history is
 * not rewritten (record the deployment or release again instead). 422, with the real broker's `errors`.
 */
export class IrreversibleChangeError extends ServiceError {
  readonly errors: Record<string, string[]>;
  constructor(field: 'currentlyDeployed' | 'currentlySupported') {
    const message = `${field} cannot be set back to true`;
    super(422, BrokerErrorCodes.irreversibleChange, message, { details: { field } });
    this.errors = { [field]: [message] };
  }
}

/** A body sent with a media type the method does not take: a PATCH must be merge-patch JSON, a PUT must not. */
export class MethodMediaTypeError extends ServiceError {
  constructor(method: string, contentType: string) {
    super(415, CommonErrorCodes.unsupportedMediaType, `A ${method} here does not take ${contentType}`, {
      details: { method, contentType },
    });
  }
}

export class ReleasedVersionNotFoundError extends ServiceError {
  constructor(uuid: string) {
    super(404, BrokerErrorCodes.releasedVersionNotFound, `No released version with uuid '${uuid}' found`);
  }
}

export class WebhookNotFoundError extends ServiceError {
  constructor(uuid: string) {
    super(404, BrokerErrorCodes.webhookNotFound, `No webhook with uuid '${uuid}' found`);
  }
}

export class TriggeredWebhookNotFoundError extends ServiceError {
  constructor(uuid: string) {
    super(404, BrokerErrorCodes.triggeredWebhookNotFound, `No triggered webhook with UUID ${uuid} found`, {
      details: { uuid },
    });
  }
}

export class UnauthorizedError extends ServiceError {
  constructor() {
    super(401, BrokerErrorCodes.unauthorized, 'Authentication is required: send valid basic credentials or a token');
  }
}

export class ForbiddenError extends ServiceError {
  constructor(method: string, route: string) {
    super(
      403,
      BrokerErrorCodes.forbidden,
      `Read-only credentials cannot ${method} ${route}: it needs the read-write user or token`,
      { details: { method, route } },
    );
  }
}

/** A query parameter or JSON key that names prototype machinery (`__proto__`, …): refused, never interpreted. */
export class ForbiddenKeyError extends ServiceError {
  constructor(message: string) {
    super(400, BrokerErrorCodes.forbiddenKey, message);
  }
}

/** A query string beyond the parser's limits (parameter count, bracket depth). */
export class QueryTooComplexError extends ServiceError {
  constructor(message: string) {
    super(400, BrokerErrorCodes.queryTooComplex, message);
  }
}

/** JSON (a body, a published pact) nested deeper than the broker accepts. */
export class JsonTooDeepError extends ServiceError {
  constructor(what: string, limit: number) {
    super(400, BrokerErrorCodes.jsonTooDeep, `${what} nests objects and arrays more than ${limit} levels deep`, {
      details: { limit },
    });
  }
}

/** A body over the configured limit (BROKER_BODY_LIMIT). */
export class BodyTooLargeError extends ServiceError {
  constructor(limit: number) {
    super(
      413,
      BrokerErrorCodes.bodyTooLarge,
      `The request body is larger than this broker accepts (${limit} bytes); raise BROKER_BODY_LIMIT to allow it`,
      { details: { limit } },
    );
  }
}

/** A resource the broker has, asked with a method it does not serve there. */
export class MethodNotAllowedError extends ServiceError {
  constructor(method: string, path: string, allowed: string[]) {
    super(
      405,
      BrokerErrorCodes.methodNotAllowed,
      `${path} does not accept ${method}; it accepts ${allowed.join(', ')}`,
      {
        details: { allowed },
      },
    );
  }
}

export class RouteNotFoundError extends ServiceError {
  constructor(method: string, url: string) {
    super(404, BrokerErrorCodes.routeNotFound, `No route for ${method} ${url}`);
  }
}

/** At startup: a route the auth policy does not cover. The broker refuses to start rather than leave it open. */
export class MissingRoutePolicyError extends Error {
  readonly code = BrokerErrorCodes.routeWithoutPolicy;
  constructor(method: string, route: string) {
    super(
      `The route ${method} ${route} has no entry in the auth policy: add it to the table in ` +
        'packages/broker/src/auth/policy.ts and to the Auth table in packages/broker/README.md',
    );
    this.name = 'MissingRoutePolicyError';
  }
}
