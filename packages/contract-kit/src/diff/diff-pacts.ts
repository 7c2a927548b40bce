/**
 * The semantic difference between two versions of a pact, for the provider: which interactions were
 * added, removed or changed (matched by description and provider state names) and, per field, whether
 * the change breaks the provider, relaxes it, or leaves its obligations as they were. Pure: no I/O.
 */
import type { Interaction, Part } from '../lint/pact-model.ts';
import { classifyAdded, classifyChanged, classifyRemoved, type Role } from './classify.ts';
import { type Field, fieldsOf } from './fields.ts';
import { pactInput } from './pact-input.ts';
import type { FieldChange, Impact, InteractionDiff, PactDiff } from './types.ts';

const rank: Record<Impact, number> = { neutral: 0, relaxing: 1, breaking: 2 };

export function worstImpact(impacts: Iterable<Impact>): Impact {
  let worst: Impact = 'neutral';
  for (const impact of impacts) if (rank[impact] > rank[worst]) worst = impact;
  return worst;
}

export function interactionKey(description: string, states: readonly string[]): string {
  return JSON.stringify([description, [...states].sort()]);
}

function stateNames(interaction: Interaction): string[] {
  return interaction.states.map((s) => s.name);
}

function requestLine(interaction: Interaction): string {
  const request = interaction.parts.find((p) => p.role === 'request');
  if (interaction.kind === 'http' && request?.method && request.path !== undefined) {
    return `${request.method} ${request.path}`;
  }
  return interaction.kind === 'message' ? 'message' : 'synchronous message';
}

/** `$.items[*].name` → `$.items[*]` → `$.items`; undefined at the root. */
function parentPath(name: string): string | undefined {
  const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('['));
  return cut <= 0 ? undefined : name.slice(0, cut);
}

function diffParts(before: Part | undefined, after: Part | undefined): FieldChange[] {
  const part = (after ?? before) as Part;
  const role: Role = part.role;
  const old = before ? fieldsOf(before) : new Map<string, Field>();
  const current = after ? fieldsOf(after) : new Map<string, Field>();
  const changes: FieldChange[] = [];
  const push = (draft: Omit<FieldChange, 'part'>) => changes.push({ part: part.label, ...draft });
  // A whole new (or gone) object is one change, not one per field inside it.
  const covered = (field: Field, other: Map<string, Field>) => {
    if (field.area !== 'body') return false;
    const parent = parentPath(field.name);
    return parent !== undefined && !other.has(`body ${parent}`);
  };
  for (const [key, field] of current) {
    const was = old.get(key);
    if (!was) {
      if (!covered(field, old)) push(classifyAdded(role, field));
    } else {
      for (const draft of classifyChanged(role, was, field)) push(draft);
    }
  }
  for (const [key, field] of old) {
    if (!current.has(key) && !covered(field, current)) push(classifyRemoved(role, field));
  }
  return changes;
}

function stateChanges(before: Interaction, after: Interaction): FieldChange[] {
  const changes: FieldChange[] = [];
  after.states.forEach((state, index) => {
    const was = before.states.filter((s) => s.name === state.name)[
      after.states.slice(0, index).filter((s) => s.name === state.name).length
    ];
    if (!was || JSON.stringify(was.params ?? {}) === JSON.stringify(state.params ?? {})) return;
    changes.push({
      kind: 'state-params-changed',
      part: 'interaction',
      area: 'state',
      field: state.name,
      impact: 'neutral',
      before: { type: 'object', example: was.params ?? {}, matcher: 'equal to the example' },
      after: { type: 'object', example: state.params ?? {}, matcher: 'equal to the example' },
      reason: `The provider state "${state.name}" is set up with other parameters; its handler takes them as given.`,
    });
  });
  return changes;
}

function diffInteraction(before: Interaction, after: Interaction): FieldChange[] {
  if (before.kind !== after.kind) {
    return [
      {
        kind: 'interaction-type-changed',
        part: 'interaction',
        area: 'type',
        field: '',
        impact: 'breaking',
        before: { type: 'string', example: before.kind, matcher: 'equal to the example' },
        after: { type: 'string', example: after.kind, matcher: 'equal to the example' },
        reason: `The interaction is now a ${after.kind} interaction, not a ${before.kind} one.`,
      },
    ];
  }
  const changes = stateChanges(before, after);
  const labels = [...new Set([...after.parts, ...before.parts].map((p) => p.label))];
  for (const label of labels) {
    changes.push(
      ...diffParts(
        before.parts.find((p) => p.label === label),
        after.parts.find((p) => p.label === label),
      ),
    );
  }
  return changes;
}

function grouped(interactions: Interaction[]): Map<string, Interaction[]> {
  const groups = new Map<string, Interaction[]>();
  for (const interaction of interactions) {
    const key = interactionKey(interaction.description, stateNames(interaction));
    groups.set(key, [...(groups.get(key) ?? []), interaction]);
  }
  return groups;
}

/** Compares two parsed pacts (V2, V3 or V4) the way the provider sees them. */
export function diffPacts(oldPact: unknown, newPact: unknown): PactDiff {
  const before = pactInput(oldPact, 'The old pact');
  const after = pactInput(newPact, 'The new pact');
  const oldGroups = grouped(before.model.interactions);
  const taken = new Set<Interaction>();
  const interactions: InteractionDiff[] = [];
  for (const interaction of after.model.interactions) {
    const states = stateNames(interaction);
    const key = interactionKey(interaction.description, states);
    // Same description and states twice in one pact: paired in order.
    const match = oldGroups.get(key)?.find((candidate) => !taken.has(candidate));
    const common = { key, description: interaction.description, states, request: requestLine(interaction) };
    if (!match) {
      interactions.push({
        ...common,
        change: 'added',
        impact: 'breaking',
        newIndex: interaction.index,
        reason: 'A new interaction: no provider version has been verified against it.',
        changes: [],
      });
      continue;
    }
    taken.add(match);
    const changes = diffInteraction(match, interaction);
    interactions.push({
      ...common,
      change: changes.length > 0 ? 'changed' : 'unchanged',
      impact: worstImpact(changes.map((c) => c.impact)),
      oldIndex: match.index,
      newIndex: interaction.index,
      changes,
    });
  }
  for (const interaction of before.model.interactions) {
    if (taken.has(interaction)) continue;
    const states = stateNames(interaction);
    interactions.push({
      key: interactionKey(interaction.description, states),
      description: interaction.description,
      states,
      request: requestLine(interaction),
      change: 'removed',
      impact: 'relaxing',
      oldIndex: interaction.index,
      reason: 'The consumer no longer needs this interaction: the provider is free of it.',
      changes: [],
    });
  }
  const count = (change: InteractionDiff['change']) => interactions.filter((i) => i.change === change).length;
  const impacts = interactions.flatMap((i) =>
    i.change === 'added' || i.change === 'removed' ? [i.impact] : i.changes.map((c) => c.impact),
  );
  return {
    consumer: after.consumer ?? before.consumer,
    provider: after.provider ?? before.provider,
    interactions,
    summary: {
      added: count('added'),
      removed: count('removed'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      breaking: impacts.filter((i) => i === 'breaking').length,
      relaxing: impacts.filter((i) => i === 'relaxing').length,
      neutral: impacts.filter((i) => i === 'neutral').length,
    },
    impact: worstImpact(impacts),
  };
}
