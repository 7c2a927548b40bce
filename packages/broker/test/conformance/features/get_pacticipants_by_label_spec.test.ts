import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_pacticipants_by_label_spec.rb', () => {
  const broker = freshBroker();

  it('when the pacts exist: returns a 200 OK; returns a list of pacticipants', async () => {
    await broker.put('/pacticipants/Foo/labels/ios');
    await broker.put('/pacticipants/Bar/labels/android');
    const response = await broker.get('/pacticipants/label/ios');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
    const pacticipants = response.json()._embedded.pacticipants;
    expect(pacticipants.map((p: { name: string }) => p.name)).toEqual(['Foo']);
    expect(pacticipants[0]).toMatchObject({ name: 'Foo' });
  });
});
