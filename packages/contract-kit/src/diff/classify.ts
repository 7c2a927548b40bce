/**
 * The impact of one field's change on the provider. The provider produces responses and messages,
 * so a consumer expecting more of them is breaking and expecting less is relaxing. Requests it only
 * receives: verification replays the example request, so request matchers bind the consumer's mock
 * server and not the provider; what changes for the provider is the request it gets.
 */
import { compareConstraints, describeConstraint, requiresEquality } from './constraints.ts';
import type { Field } from './fields.ts';
import type { FieldChange, FieldSide } from './types.ts';

export type Role = 'request' | 'response' | 'message';

const produced = (role: Role) => role !== 'request';

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function sideOf(field: Field): FieldSide {
  return {
    type: field.type,
    ...(field.type === 'object' || field.type === 'array' ? {} : { example: field.example }),
    matcher: describeConstraint(field.constraint),
  };
}

function label(field: Field): string {
  if (field.area === 'body') return field.name;
  if (field.area === 'header') return `header ${field.name}`;
  if (field.area === 'query') return `query parameter ${field.name}`;
  if (field.area === 'metadata') return `metadata ${field.name}`;
  if (field.area === 'content-type') return 'body content type';
  return field.area;
}

type Draft = Omit<FieldChange, 'part'>;

function base(kind: FieldChange['kind'], before: Field | undefined, after: Field | undefined) {
  const field = (after ?? before) as Field;
  return {
    kind,
    area: field.area,
    field: field.name,
    ...(before ? { before: sideOf(before) } : {}),
    ...(after ? { after: sideOf(after) } : {}),
  };
}

export function classifyAdded(role: Role, field: Field): Draft {
  const what = label(field);
  if (produced(role)) {
    return {
      ...base('added', undefined, field),
      impact: 'breaking',
      reason: `The consumer now expects ${what} (${describeConstraint(field.constraint)}): the provider must return it.`,
    };
  }
  if (field.area === 'header') {
    return {
      ...base('added', undefined, field),
      impact: 'neutral',
      reason: `The provider now receives ${what}; providers ignore headers they do not read.`,
    };
  }
  return {
    ...base('added', undefined, field),
    impact: 'breaking',
    reason: `The provider now receives ${what}, which it has not been verified with: it must accept it.`,
  };
}

export function classifyRemoved(role: Role, field: Field): Draft {
  const what = label(field);
  if (produced(role)) {
    return {
      ...base('removed', field, undefined),
      impact: 'relaxing',
      reason: `The consumer no longer reads ${what}: the provider may change or drop it.`,
    };
  }
  return {
    ...base('removed', field, undefined),
    impact: 'breaking',
    reason: `The provider no longer receives ${what}: if it needs it, it answers otherwise.`,
  };
}

const routeId = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** `/users/42` and `/users/43`: the same route with another id. */
function sameRoute(before: string, after: string): boolean {
  const a = before.split('/');
  const b = after.split('/');
  return a.length === b.length && a.every((s, i) => s === b[i] || (routeId.test(s) && routeId.test(b[i] as string)));
}

/** The changes between the same field in the old and the new pact (none when it is the same). */
export function classifyChanged(role: Role, before: Field, after: Field): Draft[] {
  const what = label(after);
  if (before.type !== after.type) {
    return [
      {
        ...base('type-changed', before, after),
        impact: 'breaking',
        reason: produced(role)
          ? `${what} must now be a ${after.type}, not a ${before.type}.`
          : `The provider now receives ${what} as a ${after.type}, not a ${before.type}.`,
      },
    ];
  }
  const exampleChanged = JSON.stringify(before.example) !== JSON.stringify(after.example);
  if (after.area === 'status' && exampleChanged) {
    return [
      {
        ...base('status-changed', before, after),
        impact: 'breaking',
        reason: `The provider must now answer ${show(after.example)}, not ${show(before.example)}.`,
      },
    ];
  }
  if (after.area === 'method' && exampleChanged) {
    return [
      {
        ...base('method-changed', before, after),
        impact: 'breaking',
        reason: `Another operation: the provider now receives ${show(after.example)}, not ${show(before.example)}.`,
      },
    ];
  }
  if (after.area === 'path' && exampleChanged) {
    const same = sameRoute(String(before.example), String(after.example));
    return [
      {
        ...base('path-changed', before, after),
        impact: same ? 'neutral' : 'breaking',
        reason: same
          ? 'The same route with another id: the provider state must provide for it.'
          : `Another route: the provider now receives ${show(after.example)}, not ${show(before.example)}.`,
      },
    ];
  }
  if (after.area === 'content-type' && exampleChanged) {
    return [
      {
        ...base('content-type-changed', before, after),
        impact: 'breaking',
        reason: produced(role)
          ? `The provider must now answer ${show(after.example)}, not ${show(before.example)}.`
          : `The provider now receives ${show(after.example)}, not ${show(before.example)}.`,
      },
    ];
  }
  const comparison = compareConstraints(before.constraint, after.constraint);
  if (comparison !== 'same') {
    const rule = `${describeConstraint(before.constraint)} → ${describeConstraint(after.constraint)}`;
    if (!produced(role)) {
      return [
        {
          ...base('matcher-changed', before, after),
          impact: 'neutral',
          reason: `Request matchers bind the consumer's mock server; the provider is verified with the example request (${rule}).`,
        },
      ];
    }
    return [
      {
        ...base('matcher-changed', before, after),
        impact: comparison === 'looser' ? 'relaxing' : 'breaking',
        reason:
          comparison === 'looser'
            ? `${what} accepts more values than before (${rule}).`
            : comparison === 'stricter'
              ? `${what} accepts fewer values than before (${rule}): the provider's values must satisfy the new rule.`
              : `${what} is matched by another rule (${rule}): the provider's values must satisfy it.`,
      },
    ];
  }
  if (!exampleChanged) return [];
  if (!produced(role)) {
    return [
      {
        ...base('example-changed', before, after),
        impact: 'neutral',
        reason: `The provider receives another ${after.type === 'array' ? 'number of items' : `value of the same type`} in ${what}.`,
      },
    ];
  }
  if (requiresEquality(after.constraint)) {
    return [
      {
        ...base('example-changed', before, after),
        impact: 'breaking',
        reason:
          after.type === 'array'
            ? `${what} has no matcher: the provider must return exactly ${show(after.example)} items, not ${show(before.example)}.`
            : `${what} has no matcher: the provider must return exactly ${show(after.example)}, not ${show(before.example)}.`,
      },
    ];
  }
  return [
    {
      ...base('example-changed', before, after),
      impact: 'neutral',
      reason: `Only the example changed; ${what} is matched by ${describeConstraint(after.constraint)}.`,
    },
  ];
}
