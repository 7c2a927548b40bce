import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

type Named = { consumer: { name: string }; provider: { name: string } };
const pairs = (list: Named[]) => list.map((i) => `${i.consumer.name}->${i.provider.name}`).sort();

describe('spec/features/get_integrations_spec.rb', () => {
  const broker = freshBroker();
  // An integration here is a consumer and provider with a pact between them.
  const setUp = async () => {
    for (const [consumer, provider] of [
      ['Foo', 'Bar'],
      ['Apple', 'Pear'],
      ['Dog', 'Cat'],
    ] as const) {
      await publish(broker.app, { consumer, version: '1', provider });
    }
  };
  const integrations = async (query = '') =>
    (await broker.get(`/integrations${query}`, { accept: 'application/hal+json' })).json()._embedded.integrations;

  it('is a HAL JSON success response; returns a json body with embedded integrations', async () => {
    await setUp();
    const response = await broker.get('/integrations', { accept: 'application/hal+json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    expect(pairs(response.json()._embedded.integrations)).toEqual(['Apple->Pear', 'Dog->Cat', 'Foo->Bar']);
  });

  it('with pagination options: a paginated response', async () => {
    await setUp();
    const body = (await broker.get('/integrations?size=2&page=1')).json();
    expect(body._links).toHaveProperty('next');
    expect(body.page).toEqual({ number: 1, size: 2, totalElements: 3, totalPages: 2 });
    expect(body._embedded.integrations).toHaveLength(2);
  });

  it('with a query string: returns only the integrations with a consumer or provider name including the given string', async () => {
    await setUp();
    expect(pairs(await integrations('?q=pp'))).toEqual(['Apple->Pear']);
  });

  it('with a query string that matches multiple pacticipants: returns only those integrations', async () => {
    await setUp();
    expect(pairs(await integrations('?q=o'))).toEqual(['Dog->Cat', 'Foo->Bar']);
  });

  it('with a query string that matches both consumer and provider name of the same integration: returns it once', async () => {
    await setUp();
    expect(pairs(await integrations('?q=e'))).toEqual(['Apple->Pear']);
  });

  it('with a query string that matches neither consumer nor provider name: returns empty integrations array', async () => {
    await setUp();
    expect(await integrations('?q=x')).toEqual([]);
  });

  it('as a dot file: returns a dot file', async () => {
    await setUp();
    const body = (await broker.get('/integrations', { accept: 'text/vnd.graphviz' })).body;
    expect(body).toContain('digraph');
    expect(body).toContain('Foo -> Bar');
  });
});
