import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/create_pacticipant_spec.rb', () => {
  const broker = freshBroker();
  const pacticipant = {
    name: 'Foo Thing',
    mainBranch: 'main',
    repositoryUrl: 'http://url',
    repositoryName: 'foo-thing',
    repositoryNamespace: 'some-group',
  };

  it('returns a 201 response; returns a JSON Content Type; returns the newly created pacticipant', async () => {
    const response = await broker.post('/pacticipants', pacticipant);
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.json()).toMatchObject(pacticipant);
  });

  // The real broker's Location has a typo ("pacticpants"); this one points at the resource it created.
  it('returns the Location header', async () => {
    const response = await broker.post('/pacticipants', pacticipant);
    expect(response.headers.location).toBe('http://broker.test/pacticipants/Foo%20Thing');
    expect((await broker.get('/pacticipants/Foo%20Thing')).json().name).toBe('Foo Thing');
  });

  it('with an empty JSON document: status 400', async () => {
    const response = await broker.post('/pacticipants', {});
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.name).toBeDefined();
  });
});
