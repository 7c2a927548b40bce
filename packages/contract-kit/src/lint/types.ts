export type LintSeverity = 'error' | 'warning';

export interface LintFinding {
  code: string;
  severity: LintSeverity;
  /** The pact file as given; the OpenAPI document for its own problems; '' for findings about the provider's states. */
  file: string;
  /** The interaction's description, when the finding is about one. */
  interaction?: string;
  /** JSON path into the file, e.g. `$.interactions[3].response.body.content.id`. */
  path?: string;
  message: string;
  hint: string;
}

export interface LintReport {
  findings: LintFinding[];
  errors: number;
  warnings: number;
  files: number;
  /** HTTP and message interactions together. */
  interactions: number;
  /** Of those, message interactions (asynchronous and synchronous). */
  messages: number;
  durationMs: number;
}

export interface LintOptions {
  pactFiles: string[];
  /** The states the provider's verification registers; undefined skips the coverage check. */
  providerStates?: readonly string[];
  /** The message descriptions the provider's definition has producers for; undefined skips the message coverage check. */
  messageProducers?: readonly string[];
  /** The provider's OpenAPI document (a .json/.yaml path, or the parsed object); undefined skips the static check. */
  openapi?: string | object;
  /** Per rule code: a different severity, or 'off'. */
  rules?: Record<string, LintSeverity | 'off'>;
}
