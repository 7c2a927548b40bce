import type { PactModel } from '../pact-model.ts';
import { checkNameCoverage, type FileProblem } from './name-coverage.ts';

/**
 * The states the pacts use against the states the provider's verification registers: a state
 * without a handler fails its interactions; a handler no pact uses is dead code, or a renamed state.
 */
export function checkStateCoverage(
  pacts: { file: string; model: PactModel }[],
  registered: readonly string[],
): FileProblem[] {
  return checkNameCoverage(pacts, registered, {
    namesOf: (interaction) => interaction.states,
    unhandled: {
      code: 'PACT_STATE_UNHANDLED',
      message: (name, suggestion, handled) =>
        `provider state ${JSON.stringify(name)} has no handler in the provider's verification${suggestion}; it registers ${handled}`,
    },
    unused: {
      code: 'PACT_STATE_UNUSED',
      message: (name) =>
        `the provider's verification registers a handler for ${JSON.stringify(name)}, but no pact uses that state`,
    },
  });
}
