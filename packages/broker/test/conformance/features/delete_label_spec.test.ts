import { describe, expect, it } from 'vitest';
import { freshBroker } from '../support.ts';

describe('spec/features/delete_label_spec.rb', () => {
  const broker = freshBroker();
  const setUp = async () => {
    for (const pacticipant of ['foo', 'bar']) {
      for (const label of ['ios', 'consumer']) await broker.put(`/pacticipants/${pacticipant}/labels/${label}`);
    }
  };

  it('when the label exists: returns a 204 No Content; deletes the label', async () => {
    await setUp();
    const response = await broker.delete('/pacticipants/foo/labels/ios');
    expect(response.statusCode).toBe(204);
    expect((await broker.get('/pacticipants/foo/labels/ios')).statusCode).toBe(404);
    // Only that one: bar keeps its ios label, foo its consumer label.
    expect((await broker.get('/pacticipants/bar/labels/ios')).statusCode).toBe(200);
    expect((await broker.get('/pacticipants/foo/labels/consumer')).statusCode).toBe(200);
    expect((await broker.delete('/pacticipants/foo/labels/ios')).json().code).toBe('BROKER_LABEL_NOT_FOUND');
  });
});
