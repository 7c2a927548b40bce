import { describe, expect, it } from 'vitest';
import { publish, verifyPact } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

// The real broker fetches its badges from shields.io (badge_provider_mode :proxy); this one draws them itself, so
// the SVG is checked for its status text instead of the proxied body.
describe('spec/features/get_latest_pact_badge_spec.rb', () => {
  const broker = freshBroker();
  const svg = { accept: 'image/svg+xml' };

  it('returns a 200 status; returns an svg/xml response; returns an svg body', async () => {
    await publish(broker.app, { consumer: 'consumer', version: '1.2.3', provider: 'provider' });
    await verifyPact(broker.app, {
      provider: 'provider',
      consumer: 'consumer',
      consumerVersion: '1.2.3',
      providerVersion: '1',
      success: true,
    });
    const response = await broker.get('/pacts/provider/provider/consumer/consumer/latest/badge', svg);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.body).toMatch(/^<svg [^>]*>.*>verified<.*<\/svg>$/s);
    expect(response.body).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('a badge is cached until it changes: the same ETag answers 304', async () => {
    await publish(broker.app, { consumer: 'consumer', version: '1.2.3', provider: 'provider' });
    const first = await broker.get('/pacts/provider/provider/consumer/consumer/latest/badge', svg);
    expect(first.body).toContain('>unverified<');
    const etag = String(first.headers.etag);
    expect(
      (await broker.get('/pacts/provider/provider/consumer/consumer/latest/badge', { ...svg, 'if-none-match': etag }))
        .statusCode,
    ).toBe(304);
    await verifyPact(broker.app, {
      provider: 'provider',
      consumer: 'consumer',
      consumerVersion: '1.2.3',
      providerVersion: '1',
      success: false,
    });
    const changed = await broker.get('/pacts/provider/provider/consumer/consumer/latest/badge', {
      ...svg,
      'if-none-match': etag,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('>failed<');
  });

  it("when the pact doesn't exist: returns a 200 status; returns an svg/xml response; returns a static svg image", async () => {
    const response = await broker.get('/pacts/provider/foo/consumer/bar/latest/badge', svg);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.body).toContain('>unknown<');
  });
});
