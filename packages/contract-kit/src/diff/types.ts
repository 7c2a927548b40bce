/**
 * What a pact change means for the provider. `breaking`: the provider must change (or has not shown
 * it can) to satisfy the new pact. `relaxing`: the provider has more freedom than before. `neutral`:
 * the provider's obligations are the same.
 */
export type Impact = 'breaking' | 'relaxing' | 'neutral';

export type FieldChangeKind =
  | 'added'
  | 'removed'
  | 'type-changed'
  | 'matcher-changed'
  | 'example-changed'
  | 'status-changed'
  | 'method-changed'
  | 'path-changed'
  | 'content-type-changed'
  | 'state-params-changed'
  | 'interaction-type-changed';

/** Where in an interaction a field sits. */
export type FieldArea =
  | 'method'
  | 'path'
  | 'query'
  | 'header'
  | 'body'
  | 'status'
  | 'metadata'
  | 'content-type'
  | 'state'
  | 'type';

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** One side of a changed field. */
export interface FieldSide {
  type: JsonType;
  /** The example in the pact (for objects and arrays: undefined, their fields are compared one by one). */
  example?: unknown;
  /** How the field is matched, in words: "equal to the example", "type", "regex ^\d+$", "integer; min 1". */
  matcher: string;
}

export interface FieldChange {
  kind: FieldChangeKind;
  /** "request", "response", "response[1]", "message", or "interaction" for its states and type. */
  part: string;
  area: FieldArea;
  /** The body path with arrays generalised (`$.items[*].email`), the header, query or metadata name, the state name; '' for status, method, path. */
  field: string;
  impact: Impact;
  before?: FieldSide;
  after?: FieldSide;
  /** Why it is classified so, said to the provider's team. */
  reason: string;
}

export type InteractionChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface InteractionDiff {
  /** Description and provider state names: how an interaction is matched across the two pacts. */
  key: string;
  description: string;
  states: string[];
  change: InteractionChangeKind;
  /** The worst impact of its changes; neutral when unchanged. */
  impact: Impact;
  /** "GET /users/42" for HTTP interactions, "message" for messages (the new pact's, else the old one's). */
  request: string;
  /** Index in the old and the new pact's list of interactions. */
  oldIndex?: number;
  newIndex?: number;
  /** For added and removed interactions: why they are classified so. */
  reason?: string;
  changes: FieldChange[];
}

export interface PactDiffSummary {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Counts of field changes, added and removed interactions included. */
  breaking: number;
  relaxing: number;
  neutral: number;
}

export interface PactDiff {
  consumer: string | undefined;
  provider: string | undefined;
  /** The new pact's interactions in its order, then those only the old pact has. */
  interactions: InteractionDiff[];
  summary: PactDiffSummary;
  /** The worst impact over all interactions. */
  impact: Impact;
}
