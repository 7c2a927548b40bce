import { describe, expect, it } from 'vitest';
import { shaOf } from '../../helpers/broker.ts';
import { pactBetween } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * Sorting shows where it matters: the pact version a publication lands in. Content sorted to the same order is the
 * same pact version; the content served back is the content published, unsorted.
 */
describe('spec/lib/pact_broker/pacts/sort_content_spec.rb', () => {
  const broker = freshBroker();
  const pactWith = (interactions: unknown[], extra: Record<string, unknown> = {}) => ({
    ...extra,
    consumer: { name: 'Foo' },
    provider: { name: 'Bar' },
    interactions,
    metadata: { pactSpecification: { version: '2.0.0' } },
  });
  const one = {
    description: 'one',
    request: { method: 'GET', path: '/1' },
    response: { status: 200, body: [2, 1, 3] },
  };
  const two = { description: 'two', request: { method: 'GET', path: '/2' }, response: { status: 200 } };

  it('sorts the interactions/messages and keys in a deterministic way', async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar', { content: pactWith([one, two], { a: 1 }) });
    const reversed = {
      response: { body: [2, 1, 3], status: 200 },
      request: { path: '/1', method: 'GET' },
      description: 'one',
    };
    await pactBetween(broker, 'Foo', '2', 'Bar', { content: pactWith([two, reversed], { a: 1 }) });
    expect(await shaOf(broker.app, 'Bar', 'Foo', '2')).toBe(await shaOf(broker.app, 'Bar', 'Foo', '1'));
  });

  it('does not sort arrays inside an interaction: their order is content', async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar', { content: pactWith([one]) });
    const otherOrder = { ...one, response: { status: 200, body: [1, 2, 3] } };
    await pactBetween(broker, 'Foo', '2', 'Bar', { content: pactWith([otherOrder]) });
    expect(await shaOf(broker.app, 'Bar', 'Foo', '2')).not.toBe(await shaOf(broker.app, 'Bar', 'Foo', '1'));
  });

  it('does not change the content that is served (the order it was published in)', async () => {
    const content = pactWith([two], { z: 1, b: 1 });
    await pactBetween(broker, 'Foo', '1', 'Bar', { content });
    const served = (await broker.get('/pacts/provider/Bar/consumer/Foo/version/1')).json();
    expect(Object.keys(served).filter((k) => Object.hasOwn(content, k))).toEqual(Object.keys(content));
  });
});
