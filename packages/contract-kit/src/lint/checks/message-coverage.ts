import type { PactModel } from '../pact-model.ts';
import { checkNameCoverage, type FileProblem } from './name-coverage.ts';

/**
 * The messages the pacts expect against the producers the provider's definition has, by description (the
 * verifier asks for a message by its description): a message without a producer fails its interaction; a producer
 * no pact expects is dead code, or a renamed message. Synchronous messages are not produced this way.
 */
export function checkMessageCoverage(
  pacts: { file: string; model: PactModel }[],
  producers: readonly string[],
): FileProblem[] {
  return checkNameCoverage(pacts, producers, {
    namesOf: (interaction) =>
      interaction.kind === 'message' ? [{ name: interaction.description, at: [...interaction.at, 'description'] }] : [],
    unhandled: {
      code: 'PACT_MESSAGE_UNHANDLED',
      message: (name, suggestion, handled) =>
        `the provider's definition has no producer for the message ${JSON.stringify(name)}${suggestion}; it produces ${handled}`,
    },
    unused: {
      code: 'PACT_MESSAGE_UNUSED',
      message: (name) =>
        `the provider's definition has a producer for the message ${JSON.stringify(name)}, but no pact expects it`,
    },
  });
}
