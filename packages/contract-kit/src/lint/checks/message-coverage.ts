import type { PactModel } from '../pact-model.ts';
import { closest, type FileProblem } from './provider-states.ts';

/**
 * The messages the pacts expect against the producers the provider's definition has, by description (the
 * verifier asks for a message by its description): a message without a producer fails its interaction; a producer
 * no pact expects is dead code, or a renamed message. Synchronous messages are not produced this way.
 */
export function checkMessageCoverage(
  pacts: { file: string; model: PactModel }[],
  producers: readonly string[],
): FileProblem[] {
  const problems: FileProblem[] = [];
  const known = new Set(producers);
  const expected = new Set<string>();
  const list = [...known]
    .sort()
    .map((s) => JSON.stringify(s))
    .join(', ');
  for (const { file, model } of pacts) {
    for (const interaction of model.interactions) {
      if (interaction.kind !== 'message') continue;
      expected.add(interaction.description);
      if (known.has(interaction.description)) continue;
      const guess = closest(interaction.description, producers);
      problems.push({
        file,
        code: 'PACT_MESSAGE_UNHANDLED',
        interaction: interaction.description,
        order: interaction.index,
        at: [...interaction.at, 'description'],
        message: `the provider's definition has no producer for the message ${JSON.stringify(interaction.description)}${
          guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''
        }; it produces ${list || 'none'}`,
      });
    }
  }
  for (const name of [...known].sort()) {
    if (expected.has(name)) continue;
    problems.push({
      file: '',
      code: 'PACT_MESSAGE_UNUSED',
      message: `the provider's definition has a producer for the message ${JSON.stringify(name)}, but no pact expects it`,
    });
  }
  return problems;
}
