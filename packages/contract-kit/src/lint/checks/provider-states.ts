import type { PactModel } from '../pact-model.ts';
import type { Problem } from '../problem.ts';

export interface FileProblem extends Problem {
  file: string;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** A registered state the unknown one was probably meant to be. */
export function closest(name: string, registered: readonly string[]): string | undefined {
  const scored = registered
    .map((known) => ({ known, score: distance(name.trim().toLowerCase(), known.trim().toLowerCase()) }))
    .sort((a, b) => a.score - b.score);
  const best = scored[0];
  return best && best.score <= Math.max(2, Math.floor(name.length / 5)) ? best.known : undefined;
}

/**
 * The states the pacts use against the states the provider's verification registers: a state
 * without a handler fails its interactions; a handler no pact uses is dead code, or a renamed state.
 */
export function checkStateCoverage(
  pacts: { file: string; model: PactModel }[],
  registered: readonly string[],
): FileProblem[] {
  const problems: FileProblem[] = [];
  const known = new Set(registered);
  const used = new Set<string>();
  const list = [...known]
    .sort()
    .map((s) => JSON.stringify(s))
    .join(', ');
  for (const { file, model } of pacts) {
    for (const interaction of model.interactions) {
      for (const state of interaction.states) {
        used.add(state.name);
        if (known.has(state.name)) continue;
        const guess = closest(state.name, registered);
        problems.push({
          file,
          code: 'PACT_STATE_UNHANDLED',
          interaction: interaction.description,
          order: interaction.index,
          at: state.at,
          message: `provider state ${JSON.stringify(state.name)} has no handler in the provider's verification${
            guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''
          }; it registers ${list || 'none'}`,
        });
      }
    }
  }
  for (const name of [...known].sort()) {
    if (used.has(name)) continue;
    problems.push({
      file: '',
      code: 'PACT_STATE_UNUSED',
      message: `the provider's verification registers a handler for ${JSON.stringify(name)}, but no pact uses that state`,
    });
  }
  return problems;
}
