import type { Segment } from '../json-path.ts';
import type { Interaction, PactModel } from '../pact-model.ts';
import type { Problem } from '../problem.ts';
import type { LintRuleCode } from '../rules.ts';

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

/** A known name the unknown one was probably meant to be (a typo, different case or spacing). */
export function closest(name: string, known: readonly string[]): string | undefined {
  const scored = known
    .map((candidate) => ({ candidate, score: distance(name.trim().toLowerCase(), candidate.trim().toLowerCase()) }))
    .sort((a, b) => a.score - b.score);
  const best = scored[0];
  return best && best.score <= Math.max(2, Math.floor(name.length / 5)) ? best.candidate : undefined;
}

/** What one coverage check compares: the names the pacts use against those the provider's definition handles. */
export interface NameCoverage {
  /** The names an interaction uses, with where in the file each is. */
  namesOf: (interaction: Interaction) => { name: string; at: Segment[] }[];
  unhandled: { code: LintRuleCode; message: (name: string, suggestion: string, handled: string) => string };
  unused: { code: LintRuleCode; message: (name: string) => string };
}

/**
 * The one shape of the state and message coverage checks: a name the pacts use that the provider does not handle
 * fails its interaction (with the closest handled name, if one is close); a handled name no pact uses is dead code,
 * or a rename.
 */
export function checkNameCoverage(
  pacts: { file: string; model: PactModel }[],
  handled: readonly string[],
  check: NameCoverage,
): FileProblem[] {
  const problems: FileProblem[] = [];
  const known = new Set(handled);
  const used = new Set<string>();
  const list =
    [...known]
      .sort()
      .map((name) => JSON.stringify(name))
      .join(', ') || 'none';
  for (const { file, model } of pacts) {
    for (const interaction of model.interactions) {
      for (const { name, at } of check.namesOf(interaction)) {
        used.add(name);
        if (known.has(name)) continue;
        const guess = closest(name, handled);
        problems.push({
          file,
          code: check.unhandled.code,
          interaction: interaction.description,
          order: interaction.index,
          at,
          message: check.unhandled.message(name, guess ? ` (did you mean ${JSON.stringify(guess)}?)` : '', list),
        });
      }
    }
  }
  for (const name of [...known].sort()) {
    if (!used.has(name)) problems.push({ file: '', code: check.unused.code, message: check.unused.message(name) });
  }
  return problems;
}
