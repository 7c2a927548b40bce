/** The template parameters the real Pact Broker offers, by name (without the `${…}`). */
export const TEMPLATE_PARAMETERS = [
  'pactbroker.pactUrl',
  'pactbroker.verificationResultUrl',
  'pactbroker.consumerVersionNumber',
  'pactbroker.providerVersionNumber',
  'pactbroker.providerVersionTags',
  'pactbroker.providerVersionBranch',
  'pactbroker.providerVersionDescriptions',
  'pactbroker.consumerVersionTags',
  'pactbroker.consumerVersionBranch',
  'pactbroker.consumerName',
  'pactbroker.providerName',
  'pactbroker.githubVerificationStatus',
  'pactbroker.bitbucketVerificationStatus',
  'pactbroker.azureDevOpsVerificationStatus',
  'pactbroker.gitlabVerificationStatus',
  'pactbroker.consumerLabels',
  'pactbroker.providerLabels',
  'pactbroker.eventName',
  'pactbroker.buildUrl',
  'pactbroker.currentlyDeployedProviderVersionNumber',
] as const;

export type TemplateParameter = (typeof TEMPLATE_PARAMETERS)[number];
export type TemplateContext = Record<TemplateParameter, string>;

const PLACEHOLDER = /\$\{(pactbroker\.[A-Za-z]+)\}/g;

/** Replaces every known `${pactbroker.x}`; an unknown one is left as written, as the real broker does. */
export function render(text: string, context: Readonly<Record<string, string>>, encode = (v: string) => v): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(context, name) ? encode(context[name] as string) : whole,
  );
}

/** Renders every string inside a JSON body, keys included, keeping its structure. */
export function renderJson(value: unknown, context: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return render(value, context);
  if (Array.isArray(value)) return value.map((item) => renderJson(item, context));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, item] of Object.entries(value)) out[render(key, context)] = renderJson(item, context);
    return out;
  }
  return value;
}

/** A context with every parameter empty: the base that events fill in. */
export function emptyContext(eventName: string): TemplateContext {
  const context = Object.fromEntries(TEMPLATE_PARAMETERS.map((name) => [name, ''])) as TemplateContext;
  context['pactbroker.eventName'] = eventName;
  return context;
}

/** The CI-status spellings of a verification outcome (or of none yet), per the real broker. */
export function verificationStatuses(success: boolean | undefined): Partial<TemplateContext> {
  if (success === undefined) {
    return {
      'pactbroker.githubVerificationStatus': 'pending',
      'pactbroker.bitbucketVerificationStatus': 'INPROGRESS',
      'pactbroker.azureDevOpsVerificationStatus': 'pending',
      'pactbroker.gitlabVerificationStatus': 'pending',
    };
  }
  return {
    'pactbroker.githubVerificationStatus': success ? 'success' : 'failure',
    'pactbroker.bitbucketVerificationStatus': success ? 'SUCCESSFUL' : 'FAILED',
    'pactbroker.azureDevOpsVerificationStatus': success ? 'succeeded' : 'failed',
    'pactbroker.gitlabVerificationStatus': success ? 'success' : 'failed',
  };
}
