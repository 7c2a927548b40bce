import { canonicalJson } from '../../consumer/pact-parts.ts';
import { formatJsonPath } from '../json-path.ts';
import type { PactModel } from '../pact-model.ts';
import type { Problem } from '../problem.ts';

/** The verifier and the broker tell interactions apart by description and provider states. */
export function checkDuplicates(model: PactModel): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, { states: string; at: string }>();
  for (const interaction of model.interactions) {
    const states = canonicalJson(interaction.states.map(({ name, params }) => ({ name, params: params ?? {} })));
    const where = formatJsonPath(interaction.at);
    const earlier = first.get(interaction.description);
    if (!earlier) {
      first.set(interaction.description, { states, at: where });
      continue;
    }
    const same = earlier.states === states;
    problems.push({
      code: same ? 'PACT_DUPLICATE_INTERACTION' : 'PACT_DUPLICATE_DESCRIPTION',
      interaction: interaction.description,
      at: [...interaction.at, 'description'],
      order: interaction.index,
      message: same
        ? `repeats ${earlier.at} (same description and provider states)`
        : `has the description of ${earlier.at}, with other provider states`,
    });
  }
  return problems;
}
