import { describe, expect, it } from 'vitest';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_environment_spec.rb', () => {
  const broker = freshBroker();

  it('returns a 204 response', async () => {
    const uuid = (await broker.post('/environments', { name: 'test', production: false })).json().uuid;
    expect((await broker.delete(`/environments/${uuid}`)).statusCode).toBe(204);
    expect((await broker.get(`/environments/${uuid}`)).statusCode).toBe(404);
  });
});
