import { beforeEach, describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/update_environment_spec.rb', () => {
  const broker = freshBroker();
  let url: string;

  beforeEach(async () => {
    const uuid = (
      await broker.post('/environments', { name: 'test', production: false, contacts: [{ name: 'Foo' }] })
    ).json().uuid;
    url = `/environments/${uuid}`;
  });

  const update = (body: unknown) => broker.put(url, body);

  it('is a HAL JSON success response', async () => {
    const response = await update({ name: 'test', production: false, displayName: 'Testing' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
  });

  it('returns the updated environment', async () => {
    const body = (await update({ name: 'test', production: false, displayName: 'Testing' })).json();
    expect(body.displayName).toBe('Testing');
    expect(body.contacts).toBeUndefined();
    expect((await broker.get(url)).json().displayName).toBe('Testing');
  });

  it('when contacts are included in the update: returns the updated contacts', async () => {
    const contacts = [{ name: 'Team Awesome', details: { emailAddress: 'team@example.com' } }];
    const body = (await update({ name: 'test', production: false, displayName: 'Testing', contacts })).json();
    expect(body.contacts).toEqual(contacts);
  });

  it("when the environment doesn't exist: returns a 404", async () => {
    const response = await broker.put('/environments/5678', {
      name: 'test',
      production: false,
      displayName: 'Testing',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_ENVIRONMENT_NOT_FOUND');
  });

  it('with invalid params: returns a 400 response', async () => {
    const response = await update({});
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toHaveProperty('name');
  });
});
