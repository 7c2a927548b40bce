import type { FastifyInstance } from 'fastify';
import type { VerifyProviderOptions } from './verify-provider.ts';

/**
 * What a provider team writes once (e.g. `contract-kit.provider.ts`): how to build the app, its
 * states, how to clean it and issue a token. Where the pacts come from and whether results are
 * published is configuration, decided by `contract-kit verify` from the environment.
 */
export type ProviderDefinition<App extends FastifyInstance = FastifyInstance> = Omit<
  VerifyProviderOptions<App>,
  'source' | 'publish'
>;

export function defineProvider<App extends FastifyInstance>(
  definition: ProviderDefinition<App>,
): ProviderDefinition<App> {
  return definition;
}

/** The state names a provider definition registers (its handlers are closures: building them needs no app). */
export function stateNamesOf(definition: ProviderDefinition): string[] {
  return Object.keys(definition.states({} as never)).sort();
}
