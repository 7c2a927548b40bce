import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

// The real broker redirects (307) to a shields.io badge; this one answers with its own SVG, so no request leaves
// for a third party and the badge works offline (see "Where this broker answers differently on purpose").
describe('spec/features/get_can_i_deploy_badge_spec.rb', () => {
  const broker = freshBroker();

  it('returns a redirect response: here, the badge itself, naming the tag and the target', async () => {
    await publish(broker.app, { consumer: 'Foo', version: '1.2.3', provider: 'Bar', tags: ['main'] });
    const response = await broker.get('/pacticipants/Foo/latest-version/main/can-i-deploy/to/prod/badge', {
      accept: 'image/svg+xml',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.headers.location).toBeUndefined();
    // Bar has no version tagged prod, so whether Foo 1.2.3 may go there is unknown.
    expect(response.body).toMatch(/can-i-deploy Foo \(main\) to prod.*>unknown</s);
  });
});
