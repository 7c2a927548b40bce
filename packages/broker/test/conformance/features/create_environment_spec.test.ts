import { describe, expect, it } from 'vitest';
import { BASE } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/create_environment_spec.rb', () => {
  const broker = freshBroker();
  const environment = {
    name: 'test',
    displayName: 'Test',
    production: false,
    contacts: [{ name: 'Team Awesome', details: { email: 'foo@bar.com', arbitraryThing: 'thing' } }],
  };
  const create = () => broker.post('/environments', environment);

  it('returns a 201 response', async () => {
    expect((await create()).statusCode).toBe(201);
  });

  it('returns the Location header', async () => {
    const response = await create();
    expect(response.headers.location).toBe(`${BASE}/environments/${response.json().uuid}`);
    expect((await broker.get(`/environments/${response.json().uuid}`)).statusCode).toBe(200);
  });

  it('returns a JSON Content Type', async () => {
    expect((await create()).headers['content-type']).toBe(HAL);
  });

  it('returns the newly created environment', async () => {
    const body = (await create()).json();
    expect(body).toMatchObject(environment);
    expect(body.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.contacts).toEqual(environment.contacts);
  });

  it('with invalid params: returns a 400 response', async () => {
    await create();
    const response = await create();
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.name).toEqual([expect.stringContaining("Another environment with name 'test'")]);
    expect((await broker.get('/environments')).json()._embedded.environments).toHaveLength(1);
  });
});
