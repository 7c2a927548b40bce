/**
 * The CLI's commands. Each is loaded only when it runs, so `contract-kit --help` and every command
 * start without loading what the others need (the Pact native library, the lint schemas, …).
 * A new command is one entry here and one module under commands/.
 */
export type Values = Record<string, string | boolean | undefined>;

export interface CommandModule {
  run(values: Values, positionals: string[]): Promise<number>;
}

export interface CommandSpec {
  /** One line for the help: arguments and options. */
  usage: string;
  summary: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** Options whose value may be left out (`--latest` or `--latest TAG`). */
  optionalValues?: string[];
  load(): Promise<CommandModule>;
}

export const commands: Record<string, CommandSpec> = {
  publish: {
    usage: 'publish [pacts or folders…]',
    summary: 'Publish pact files (default: PACT_DIR or ./pacts) as this commit, on this branch',
    options: {},
    load: () => import('./commands/publish.ts'),
  },
  verify: {
    usage: 'verify --provider <module> [--export <name>]',
    summary: 'Verify a provider: the pact at PACT_URL, else the broker’s selection, else the local pacts',
    options: { provider: { type: 'string' }, export: { type: 'string' } },
    load: () => import('./commands/verify.ts'),
  },
  'can-i-deploy': {
    usage:
      'can-i-deploy --pacticipant <name> [--version <v> | --latest [tag] | --branch <b> | --main-branch] [--to-environment <env>] [--retry-while-unknown <n>] [--retry-interval <s>]',
    summary: 'Exit 0 only when the broker says the version can be deployed',
    options: {
      pacticipant: { type: 'string' },
      version: { type: 'string' },
      latest: { type: 'string' },
      branch: { type: 'string' },
      'main-branch': { type: 'boolean' },
      'to-environment': { type: 'string' },
      'retry-while-unknown': { type: 'string' },
      'retry-interval': { type: 'string' },
    },
    optionalValues: ['latest'],
    load: () => import('./commands/can-i-deploy.ts'),
  },
  'record-deployment': {
    usage: 'record-deployment --pacticipant <name> [--version <v>] [--environment <env>]',
    summary: 'Record that a version is now deployed to an environment',
    options: { pacticipant: { type: 'string' }, version: { type: 'string' }, environment: { type: 'string' } },
    load: () => import('./commands/record-deployment.ts'),
  },
  'create-environment': {
    usage: 'create-environment [--name <env>] [--display-name <text>] [--production]',
    summary: 'Create an environment unless the broker has it (default name: PACT_ENVIRONMENT)',
    options: { name: { type: 'string' }, 'display-name': { type: 'string' }, production: { type: 'boolean' } },
    load: () => import('./commands/create-environment.ts'),
  },
  lint: {
    usage: 'lint [pacts or folders…] [--openapi <file>] [--provider <module>] [--format text|json|github]',
    summary: 'Check pact files: schema, rules, state coverage, the provider’s OpenAPI document',
    options: { openapi: { type: 'string' }, provider: { type: 'string' }, format: { type: 'string' } },
    load: () => import('./commands/lint.ts'),
  },
  merge: {
    usage: 'merge [--pact-dir <dir>]',
    summary: 'After a passing consumer test run: merge each test file’s pact part into the pact files',
    options: { 'pact-dir': { type: 'string' } },
    load: () => import('./commands/merge.ts'),
  },
  diff: {
    usage: 'diff OLD [NEW] [--openapi <file>] [--provider <name>] [--format text|markdown|github|json]',
    summary:
      'What a pact change means for the provider, per interaction and field; OLD/NEW: pact files, folders, git revisions (main..HEAD) or broker:<consumer>@<version>. Exit 1 when breaking',
    options: { openapi: { type: 'string' }, provider: { type: 'string' }, format: { type: 'string' } },
    load: () => import('./commands/diff.ts'),
  },
  coverage: {
    usage:
      'coverage --openapi <file> [pacts or folders…] [--broker] [--provider <name>] [--format text|markdown|json|svg] [--output <file>]',
    summary:
      'Which operations, statuses and response fields of the provider the consumers rely on, and which none does (local pacts, or the latest of each consumer in the broker)',
    options: {
      openapi: { type: 'string' },
      broker: { type: 'boolean' },
      provider: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string' },
    },
    load: () => import('./commands/coverage.ts'),
  },
};
