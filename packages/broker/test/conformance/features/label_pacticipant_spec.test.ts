import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/label_pacticipant_spec.rb', () => {
  const broker = freshBroker();

  it('when the pacticipant exists: returns a 201 Created; returns a json body; returns the label in the body', async () => {
    const response = await broker.put('/pacticipants/foo/labels/ios');
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.json()).toMatchObject({ name: 'ios' });
    expect((await broker.get('/pacticipants/foo/labels/ios')).statusCode).toBe(200);
  });
});
