import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/get_branch_version_spec.rb', () => {
  const broker = freshBroker();

  it('is a HAL JSON success response', async () => {
    await publish(broker.app, { consumer: 'Foo', version: '1234', branch: 'main' });
    const response = await broker.get('/pacticipants/Foo/branches/main/versions/1234');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(HAL);
  });
});
