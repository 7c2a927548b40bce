import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  contentSha,
  describeDifference,
  type JsonObject,
  mergePacts,
  preparePact,
  withInteractionIds,
} from './content.ts';

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

describe('pact version identity', () => {
  // SHAs and ids computed by the broker's original sort-then-stringify implementation: stored pact versions keep
  // their identity across the rewrite (integer-like keys, non-ASCII keys, escapes, -0, old ids, messages).
  const tricky = {
    consumer: { name: 'Foo' },
    provider: { name: 'Bar' },
    interactions: [
      {
        description: 'z',
        request: { method: 'GET', path: '/z', headers: { '10': 'a', '9': 'b', b: 1, a: 2, ä: 3, Z: 4 } },
        response: { status: 200, body: { '2': [1, { y: -0, x: 1e21, w: 'é\u2028"\\' }], '01': null, '1': true } },
      },
      {
        _id: 'old',
        description: 'a',
        providerStates: [{ name: 's', params: { b: 1, a: 2 } }],
        request: { method: 'POST', path: '/a' },
        response: { status: 201 },
      },
    ],
    messages: [{ description: 'm', contents: { k: [3, 2, 1] } }],
    metadata: { pactSpecification: { version: '3.0.0' } },
  } as JsonObject;

  it('keeps the SHA and the interaction ids the broker has always computed', () => {
    expect(contentSha(tricky)).toBe('f6f0e72b48d865782e5d0f718b12386c1014a480');
    const prepared = JSON.parse(preparePact(tricky).content);
    expect(prepared.interactions.map((i: JsonObject) => i._id)).toEqual([
      '0d9940886465c90108bc98aed406b4a4597680b3',
      'f8c3dcff93e47bec152435bdef9288474553d254',
    ]);
    expect(prepared.messages[0]._id).toBe('66b621c8b32c4106ec8a1fad73891bdc8d3f7d95');
  });

  it('canonical text is the key-sorted JSON.stringify', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: '\u00e9', '10': 0, '9': 1 })).toBe(
      '{"9":1,"10":0,"a":"é","b":[{"c":2,"d":1}]}',
    );
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
