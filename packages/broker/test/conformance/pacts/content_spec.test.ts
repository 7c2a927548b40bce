import { describe, expect, it } from 'vitest';
import { type JsonObject, specificationVersion, withInteractionIds } from '../../../src/pacts/content.ts';
import { collectProviderStates } from '../../../src/pacts/provider-states.ts';
import { readPact, resultsByInteraction } from '../../../src/ui/pact-model.ts';
import { shaOf } from '../../helpers/broker.ts';
import { pactBetween } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

// The real Content class is this broker's src/pacts/content.ts (ids and the content SHA), provider-states.ts and
// the UI's resultsByInteraction (its with_test_results). Not followed: "override_existing_ids = false" (a switch
// for the real broker's test data) and the examples of a top-level array, which this broker refuses with a 400
// (the conformance README says why).
describe('spec/lib/pact_broker/pacts/content_spec.rb', () => {
  const broker = freshBroker();
  const interaction = { foo: 'bar' };
  const idOf = (pact: JsonObject, key = 'interactions') => ((pact[key] as JsonObject[])[0] as JsonObject)._id;

  describe('with_ids', () => {
    it('"when the interaction has an existing _id": removes the _id before creating the sha', () => {
      const withId = withInteractionIds({ interactions: [{ _id: 'blah', ...interaction }] });
      expect(idOf(withId)).toBe(idOf(withInteractionIds({ interactions: [interaction] })));
      expect(idOf(withId)).not.toBe('blah');
    });

    it('"when the interaction is a hash": adds an _id to each interaction', () => {
      const withIds = withInteractionIds({ ignored: 'foo', interactions: [interaction, { other: 1 }] });
      const ids = (withIds.interactions as JsonObject[]).map((i) => i._id);
      expect(ids).toHaveLength(2);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{40}$/);
      expect(ids[0]).not.toBe(ids[1]);
    });

    it('"when the interaction is not a hash": does not add an _id', () => {
      expect(withInteractionIds({ interactions: [1] }).interactions).toEqual([1]);
    });

    it('"when the pact is a message pact": adds an _id to each message', () => {
      expect(idOf(withInteractionIds({ messages: [interaction] }), 'messages')).toMatch(/^[0-9a-f]{40}$/);
    });
  });

  describe('content_that_affects_verification_results (what the pact version SHA is taken over)', () => {
    const sha = async (version: string, content: JsonObject) => {
      await pactBetween(broker, 'Foo', version, 'Bar', {
        content: { consumer: { name: 'Foo' }, provider: { name: 'Bar' }, ...content },
      });
      return shaOf(broker.app, 'Bar', 'Foo', version);
    };
    const spec = (version: string) => ({ metadata: { pactSpecification: { version } } });

    for (const key of ['messages', 'interactions'] as const) {
      it(`"with ${key}": extracts the ${key} and pact_specification_version`, async () => {
        const base = await sha('1', { ignored: 'foo', [key]: [{ a: 1 }], ...spec('1') });
        expect(await sha('2', { ignored: 'other', [key]: [{ a: 1 }], ...spec('1') })).toBe(base);
        expect(await sha('3', { ignored: 'foo', [key]: [{ a: 2 }], ...spec('1') })).not.toBe(base);
        expect(await sha('4', { ignored: 'foo', [key]: [{ a: 1 }], ...spec('2') })).not.toBe(base);
      });
    }

    it('"with both messages and interactions (v4)": extracts the interactions and pact_specification_version', async () => {
      const base = await sha('1', { interactions: [{ a: 1 }], messages: [{ b: 2 }], ...spec('4.0') });
      expect(await sha('2', { interactions: [{ a: 1 }], messages: [{ b: 3 }], ...spec('4.0') })).not.toBe(base);
      expect(await sha('3', { interactions: [{ a: 1 }], messages: [{ b: 2 }], ...spec('4.0'), x: 1 })).toBe(base);
    });

    it('"with neither messages nor interactions": returns the entire hash', async () => {
      const base = await sha('1', { foo: [1], ...spec('1') });
      expect(await sha('2', { foo: [1], ...spec('1') })).toBe(base);
      expect(await sha('3', { foo: [2], ...spec('1') })).not.toBe(base);
    });
  });

  describe('provider_states', () => {
    it('lists the states of the interactions (v2 providerState, v3 providerStates with params) and of the messages', () => {
      const content = {
        interactions: [
          { providerState: 'state 1' },
          { providerStates: [{ name: 'state 2' }, { name: 'state 3', params: { foo: 'bar' } }] },
          {},
        ],
        messages: [{ providerStates: [{ name: 'state 4' }] }],
      };
      expect(collectProviderStates([{ consumerName: 'Foo', content }])).toEqual([
        { name: 'state 1', consumers: ['Foo'] },
        { name: 'state 2', consumers: ['Foo'] },
        { name: 'state 3', params: { foo: 'bar' }, consumers: ['Foo'] },
        { name: 'state 4', consumers: ['Foo'] },
      ]);
    });

    it('"with a contract with no interactions or messages": has none', () => {
      expect(collectProviderStates([{ consumerName: 'Foo', content: {} }])).toEqual([]);
    });
  });

  describe('#pact_specification_version', () => {
    it('"with pactSpecification.version"', () => {
      expect(specificationVersion({ metadata: { pactSpecification: { version: '1' } } })).toBe('1');
    });
    it('"with pact-specification.version"', () => {
      expect(specificationVersion({ metadata: { 'pact-specification': { version: '1' } } })).toBe('1');
    });
    it('"with pactSpecificationVersion"', () => {
      expect(specificationVersion({ metadata: { pactSpecificationVersion: '1' } })).toBe('1');
    });
    it('without metadata: none', () => {
      expect(specificationVersion({ interactions: [] })).toBeUndefined();
    });
  });

  describe('with_test_results (the results shown per interaction)', () => {
    const pact = readPact(
      JSON.stringify({
        interactions: [
          { providerState: 'ps1', description: 'desc1', request: {}, response: {} },
          { providerState: 'ps2', description: 'desc2', request: {}, response: {} },
        ],
      }),
    );
    const test = { interactionProviderState: 'ps1', interactionDescription: 'desc1', status: 'passed' };

    it('merges the contents with the results; returns interactions without test results', () => {
      const results = resultsByInteraction({ tests: [test, test] }, pact.interactions);
      expect([...results.keys()].map((i) => i.description)).toEqual(['desc1']);
      expect(results.get(pact.interactions[0] as (typeof pact.interactions)[number])).toEqual({
        success: true,
        mismatches: [],
      });
    });

    for (const [context, testResults] of [
      ['with nil test results', null],
      ['with nil tests', { tests: null }],
      ['with empty tests', { tests: [] }],
      ['with tests not an array', { tests: {} }],
      ['with tests an array of not hashes', { tests: [1, 'x'] }],
    ] as const) {
      it(`"${context}": does not blow up, and no interaction has a result`, () => {
        expect(resultsByInteraction(testResults, pact.interactions).size).toBe(0);
      });
    }

    it('"with no interactions": does not blow up', () => {
      expect(resultsByInteraction({ tests: [test] }, []).size).toBe(0);
    });
  });

  describe('interaction_ids', () => {
    it('are the ids of the stored interactions', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      const served = (await broker.get('/pacts/provider/Bar/consumer/Foo/version/1')).json();
      const ids = (served.interactions as JsonObject[]).map((i) => i._id);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{40}$/);
    });
  });
});
