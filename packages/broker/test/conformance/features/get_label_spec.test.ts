import { describe, expect, it } from 'vitest';
import { type Client, freshBroker, HAL } from '../support.ts';

async function labelFooAndBar(broker: Client) {
  for (const pacticipant of ['foo', 'bar']) {
    for (const label of ['ios', 'consumer']) await broker.put(`/pacticipants/${pacticipant}/labels/${label}`);
  }
}

describe('spec/features/get_label_spec.rb', () => {
  const broker = freshBroker();

  it('when the label exists: returns a 200 OK; returns the label in the body', async () => {
    await labelFooAndBar(broker);
    const response = await broker.get('/pacticipants/foo/labels/ios');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    expect(response.json()).toMatchObject({ name: 'ios' });
  });

  it('when the label does not exist: a 404 (not in the real spec; the other side of the same lookup)', async () => {
    await labelFooAndBar(broker);
    const response = await broker.get('/pacticipants/foo/labels/android');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('BROKER_LABEL_NOT_FOUND');
  });
});
