import type { PactModel } from '../pact-model.ts';
import { compilePactRegex } from '../pact-regex.ts';
import type { Problem } from '../problem.ts';

/** Generators that cannot produce a value: no provider state to take it from, or a broken regex. */
export function checkGenerators(model: PactModel): Problem[] {
  const problems: Problem[] = [];
  for (const interaction of model.interactions) {
    const base = { interaction: interaction.description, order: interaction.index };
    for (const part of interaction.parts) {
      for (const { generator, at, category, key } of part.generators) {
        if (generator.type === 'ProviderState' && interaction.states.length === 0) {
          problems.push({
            ...base,
            code: 'PACT_GENERATOR_WITHOUT_STATE',
            at,
            message: `the ${part.label} ${category}${key === undefined ? '' : ` ${key}`} takes ${JSON.stringify(generator.expression)} from a provider state, but the interaction has none`,
          });
        }
        if (generator.type === 'Regex' && typeof generator.regex === 'string') {
          const compiled = compilePactRegex(generator.regex);
          if (compiled.ok === false) {
            problems.push({
              ...base,
              code: 'PACT_REGEX_INVALID',
              at: [...at, 'regex'],
              message: `${JSON.stringify(generator.regex)}: ${compiled.reason}`,
            });
          }
        }
      }
    }
  }
  return problems;
}
