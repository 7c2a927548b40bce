/** Values a state returns are injected where the pact uses `fromProviderState` (e.g. `${id}`). */
export type StateValues = Record<string, unknown>;
export type StateParams = Record<string, unknown>;

// biome-ignore lint/suspicious/noConfusingVoidType: a setup that seeds and returns nothing is the common case.
export type StateSetup<P extends StateParams = StateParams> = (params: P) => Promise<StateValues | undefined | void>;

export type StateHandler<P extends StateParams = StateParams> =
  | StateSetup<P>
  | { setup: StateSetup<P>; teardown?: (params: P) => Promise<void> };

export type StateHandlers = Record<string, StateHandler<never>>;

/**
 * Declares a provider's states with typed params, e.g.
 * `defineStates({ 'a user exists': async (p: { id?: number }) => ({ id: ... }) })`.
 * It only fixes the types; the names are what the pacts' `given(...)` must use.
 */
export function defineStates<S extends Record<string, StateHandler<never>>>(states: S): S {
  return states;
}

export function setupOf(handler: StateHandler<never>): StateSetup<StateParams> {
  return (typeof handler === 'function' ? handler : handler.setup) as StateSetup<StateParams>;
}

export function teardownOf(handler: StateHandler<never>): ((params: StateParams) => Promise<void>) | undefined {
  return typeof handler === 'function'
    ? undefined
    : (handler.teardown as ((p: StateParams) => Promise<void>) | undefined);
}
