import { describe, expect, it } from 'vitest';
import { pact, publish } from '../../helpers/broker.ts';
import { type Client, freshBroker, HAL } from '../support.ts';

type State = { providerState?: string; providerStates?: { name: string; params?: Record<string, unknown> }[] };

/** A pact from `consumer` to Bar whose interactions need the given states. */
const withStates = (consumer: string, states: State[]) => ({
  ...pact(consumer, 'Bar'),
  interactions: states.map((state, i) => ({
    description: `request ${i}`,
    ...state,
    request: { method: 'GET', path: `/things/${i}` },
    response: { status: 200 },
  })),
  metadata: { pactSpecification: { version: states.some((s) => s.providerStates) ? '3.0.0' : '2.0.0' } },
});

async function publishStates(broker: Client, consumer: string, version: string, branch: string, states: State[]) {
  await publish(broker.app, { consumer, version, provider: 'Bar', branch, content: withStates(consumer, states) });
}

const listStates = async (broker: Client) => {
  const response = await broker.get('/pacts/provider/Bar/provider-states', { accept: 'application/hal+json' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe(HAL);
  return response.json();
};

describe('spec/features/list_provider_states_spec.rb', () => {
  describe('listing the provider states without params', () => {
    const broker = freshBroker();

    it("is a HAL JSON success response with each consumer's main-branch states, by name", async () => {
      await publishStates(broker, 'Foo', '1', 'main', [{ providerState: 'state 2' }, { providerState: 'state 1' }]);
      // Not on Foo's main branch: not listed.
      await publishStates(broker, 'Foo', '2', 'not-main', [{ providerState: 'state on a feature branch' }]);
      await publishStates(broker, 'Waffle', '1', 'main', [
        { providerStates: [{ name: 'state 3' }, { name: 'state 4' }] },
        { providerStates: [{ name: 'state 5' }] },
      ]);
      expect(await listStates(broker)).toEqual({
        providerStates: [
          { consumers: ['Foo'], name: 'state 1' },
          { consumers: ['Foo'], name: 'state 2' },
          { consumers: ['Waffle'], name: 'state 3' },
          { consumers: ['Waffle'], name: 'state 4' },
          { consumers: ['Waffle'], name: 'state 5' },
        ],
      });
    });
  });

  describe('listing the provider states with params', () => {
    const broker = freshBroker();
    const productDetails = { providerStates: [{ name: 'product details', params: { product_id: '058925f7' } }] };

    it('is a HAL JSON success response; one entry per state and params, with every consumer needing it', async () => {
      for (const consumer of ['Foo', 'Foo2', 'Foo3', 'Foo4', 'Foo5']) {
        await publishStates(broker, consumer, '1', 'main', [productDetails]);
      }
      await publishStates(broker, 'Foo6', '1', 'main', [{ providerStates: [{ name: 'some other product list' }] }]);
      await publishStates(broker, 'Foo', '2', 'not-main', [{ providerState: 'state on a feature branch' }]);
      for (const consumer of ['Waffle', 'Waffle2']) {
        await publishStates(broker, consumer, '1', 'main', [{ providerStates: [{ name: 'product list' }] }]);
      }
      expect(await listStates(broker)).toEqual({
        providerStates: [
          {
            consumers: ['Foo', 'Foo2', 'Foo3', 'Foo4', 'Foo5'],
            name: 'product details',
            params: { product_id: '058925f7' },
          },
          { consumers: ['Waffle', 'Waffle2'], name: 'product list' },
          { consumers: ['Foo6'], name: 'some other product list' },
        ],
      });
    });
  });
});
