import { describe, expect, it } from 'vitest';
import { contentSha, describeDifference, type JsonObject, mergePacts, withInteractionIds } from './content.ts';

const pact = (interactions: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  consumer: { name: 'Foo' },
  provider: { name: 'Bar' },
  interactions,
  metadata: { pactSpecification: { version: '3.0.0' } },
  ...extra,
});
const a = { description: 'a', request: { method: 'GET', path: '/a' }, response: { status: 200 } };
const b = { description: 'b', request: { path: '/b', method: 'GET' }, response: { status: 201 } };

describe('contentSha', () => {
  it('ignores interaction order, key order, names, other metadata and broker ids', () => {
    const reference = contentSha(pact([a, b]));
    const reordered = pact([
      { response: { status: 201 }, request: { method: 'GET', path: '/b' }, description: 'b' },
      a,
    ]);
    expect(contentSha(reordered)).toBe(reference);
    expect(
      contentSha(
        pact([a, b], {
          consumer: { name: 'Other' },
          metadata: { pactSpecification: { version: '3.0.0' }, pactJs: { version: '9' } },
        }),
      ),
    ).toBe(reference);
    expect(contentSha(withInteractionIds(pact([a, b])))).toBe(reference);
  });

  it('changes with the interactions and with the specification version', () => {
    const reference = contentSha(pact([a, b]));
    expect(contentSha(pact([a]))).not.toBe(reference);
    expect(contentSha(pact([a, b], { metadata: { pactSpecification: { version: '4.0' } } }))).not.toBe(reference);
  });
});

describe('withInteractionIds', () => {
  it('puts a content hash first in each interaction, the same whatever the key order', () => {
    const [first] = withInteractionIds(pact([a])).interactions as JsonObject[];
    expect(Object.keys(first ?? {})[0]).toBe('_id');
    const [again] = withInteractionIds(pact([{ response: a.response, request: a.request, description: 'a' }]))
      .interactions as JsonObject[];
    expect(again?._id).toBe(first?._id);
    expect(first?._id).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('mergePacts', () => {
  it('adds new interactions and replaces those with the same description and state', () => {
    const changedA = { ...a, response: { status: 204 } };
    const merged = mergePacts(pact([a, b]), pact([changedA]));
    expect(merged.interactions).toEqual([changedA, b]);
  });
});

describe('describeDifference', () => {
  it('lists removed, changed and added interactions', () => {
    const c = { description: 'c', request: { method: 'GET', path: '/c' }, response: { status: 200 } };
    expect(describeDifference(pact([a, b]), pact([{ ...a, response: { status: 500 } }, c]))).toBe(
      'Interactions changed:\n~ a\n- b\n+ c',
    );
  });
});
