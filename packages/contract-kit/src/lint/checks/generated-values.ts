import { parseRulePath, type RuleToken, ruleCovers, type Segment } from '../json-path.ts';
import type { Interaction, PactModel, Part } from '../pact-model.ts';
import type { Problem } from '../problem.ts';
import { place, show } from './describe.ts';

const uuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const timestamp = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
// Case matters: `paid` is not an id, `userId` is.
const idKey =
  /^(?:id|ID|Id|uuid|UUID|guid|GUID)$|[a-z0-9](?:Id|ID|Uuid|UUID|Guid|GUID)$|_(?:id|ID|uuid|UUID|guid|GUID)$/;
const timeKey = /(?:[a-z0-9]At|_at|Timestamp|_timestamp|^timestamp)$/;

/** What kind of provider-generated value this looks like, or undefined. */
function generatedKind(key: Segment | undefined, value: unknown): string | undefined {
  if (typeof value === 'string' && uuid.test(value)) return 'a UUID';
  if (typeof value === 'string' && timestamp.test(value)) return 'a timestamp';
  if (typeof key !== 'string') return undefined;
  if (idKey.test(key) && (typeof value === 'number' || (typeof value === 'string' && value !== ''))) return 'an id';
  if (timeKey.test(key) && typeof value === 'number' && value >= 1e9) return 'a timestamp';
  return undefined;
}

function leaves(value: unknown, segments: Segment[], out: { segments: Segment[]; value: unknown }[]): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) leaves(item, [...segments, i], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) leaves(item, [...segments, key], out);
  } else out.push({ segments, value });
}

/** Every scalar a provider state's params pin: a fixed value equal to one of them is deliberate. */
function pinnedValues(interaction: Interaction): Set<string> {
  const out: { segments: Segment[]; value: unknown }[] = [];
  for (const state of interaction.states) leaves(state.params ?? {}, [], out);
  return new Set(out.map(({ value }) => String(value)));
}

function coveringPaths(part: Part): RuleToken[][] {
  const keys = [
    ...part.rules.filter((set) => set.category === 'body').map((set) => set.key ?? '$'),
    ...part.generators.filter((g) => g.category === 'body' || g.category === 'content').map((g) => g.key ?? '$'),
  ];
  return keys.map(parseRulePath).filter((tokens): tokens is RuleToken[] => tokens !== undefined);
}

/** Fixed ids and timestamps in what the provider produces: they verify only if the provider happens to match. */
export function checkGeneratedValues(model: PactModel): Problem[] {
  const problems: Problem[] = [];
  for (const interaction of model.interactions) {
    const pinned = pinnedValues(interaction);
    for (const part of interaction.parts) {
      if (part.role === 'request' || !part.body.present || part.body.encoded || typeof part.body.content !== 'object') {
        continue;
      }
      const covering = coveringPaths(part);
      const found: { segments: Segment[]; value: unknown }[] = [];
      leaves(part.body.content, [], found);
      for (const { segments, value } of found) {
        const kind = generatedKind(segments.at(-1), value);
        if (!kind || pinned.has(String(value)) || covering.some((tokens) => ruleCovers(tokens, segments))) continue;
        problems.push({
          code: 'PACT_FIXED_GENERATED_VALUE',
          interaction: interaction.description,
          order: interaction.index,
          at: [...part.body.at, ...segments],
          message: `${place(part, 'body', undefined, segments)} is fixed to ${show(value)}, which looks like ${kind} the provider generates, and no matcher covers it`,
        });
      }
    }
  }
  return problems;
}
