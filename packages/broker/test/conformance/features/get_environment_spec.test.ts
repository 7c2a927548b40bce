import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_environment_spec.rb', () => {
  const broker = freshBroker();
  // The real spec's uuid is "1234"; this broker only accepts UUIDs as environment uuids.
  const uuid = '5f4d2c1e-0000-4000-8000-000000001234';

  it('is a HAL JSON success response; returns the environment', async () => {
    await broker.post('/environments', {
      name: 'test',
      displayName: 'Test',
      uuid,
      production: false,
      contacts: [{ name: 'Foo' }],
    });
    const response = await broker.get(`/environments/${uuid}`, { accept: 'application/hal+json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.json()).toMatchObject({ uuid, name: 'test', contacts: [{ name: 'Foo' }] });
  });
});
