import Fastify, { type FastifyInstance } from 'fastify';
import { type StateHandlers, setupOf, teardownOf } from './states.ts';

export interface StateChange {
  state?: string;
  params?: Record<string, unknown>;
  action?: 'setup' | 'teardown';
}

export interface StateFailure {
  state: string;
  action: string;
  message: string;
}

/**
 * The endpoint the Pact verifier calls before and after each interaction. Unlike pact-js's own
 * handler (which logs a warning for an unknown state and answers 200 when a handler throws),
 * any problem answers 400 with a message naming the state (400: the verifier does not retry it), so the verifier fails that interaction.
 */
export async function startStateServer(options: {
  states: StateHandlers;
  /** Called before the first state of an interaction is set up, when the provider is not clean. */
  prepare: () => Promise<void>;
  /** Called after an interaction's states are torn down. */
  finished: () => void;
}): Promise<{ url: string; failures: StateFailure[]; used: Set<string>; server: FastifyInstance }> {
  const failures: StateFailure[] = [];
  const used = new Set<string>();
  const server = Fastify({ logger: false });
  const known = Object.keys(options.states).sort();

  server.post<{ Body: StateChange }>('/_provider-states', async (request, reply) => {
    const { state = '', params = {}, action = 'setup' } = request.body ?? {};
    // The verifier calls with an empty state for interactions that have none: nothing to do but start clean.
    if (state === '') {
      if (action === 'setup') await options.prepare();
      else options.finished();
      return {};
    }
    used.add(state);
    const handler = options.states[state];
    try {
      if (!handler) {
        throw new Error(
          `no handler is registered for this state. Known states: ${known.map((s) => `"${s}"`).join(', ') || 'none'}. Add a handler or fix the consumer test's given(...).`,
        );
      }
      if (action === 'teardown') {
        await teardownOf(handler)?.(params);
        options.finished();
        return {};
      }
      await options.prepare();
      return (await setupOf(handler)(params)) ?? {};
    } catch (err) {
      const message = (err as Error).message;
      failures.push({ state, action, message });
      // The interaction is over; whatever the handler did before failing must not leak into the next one.
      options.finished();
      return reply.code(400).send({ error: `Provider state "${state}" (${action}) failed: ${message}` });
    }
  });

  const address = await server.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${address}/_provider-states`, failures, used, server };
}
