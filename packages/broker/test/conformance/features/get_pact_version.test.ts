import { describe, expect, it } from 'vitest';
import { forVerification, path, publish, shaOf } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_pact_version.rb', () => {
  const broker = freshBroker();

  it('when differing case is used in the consumer and provider names: returns a 200 Success', async () => {
    await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '1' });
    const sha = await shaOf(broker.app, 'Bar', 'Foo', '1');
    const response = await broker.get(`/pacts/provider/Bar/consumer/Foo/pact-version/${sha}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()._links['pb:pact-version'].name).toBe(sha);
  });

  describe('when there are multiple consumer versions for the same sha', () => {
    const twoVersions = async () => {
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '1' });
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '2' });
      return shaOf(broker.app, 'Bar', 'Foo', '1');
    };

    it('returns the latest', async () => {
      const sha = await twoVersions();
      expect(await shaOf(broker.app, 'Bar', 'Foo', '2')).toBe(sha);
      const response = await broker.get(`/pacts/provider/Bar/consumer/Foo/pact-version/${sha}`);
      expect(response.json()._links['pb:consumer-version'].name).toBe('2');
    });

    it('when there is metadata specifying the consumer version number: returns the pact with the matching consumer version number', async () => {
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '1', tags: ['dev'] });
      await publish(broker.app, { consumer: 'Foo', provider: 'Bar', version: '2' });
      // A pact URL from pacts-for-verification carries the selection (version 1, by its tag) as metadata.
      const { body } = await forVerification(broker.app, 'Bar', { consumerVersionSelectors: [{ tag: 'dev' }] });
      const withMetadata = body._embedded.pacts[0]._links.self.href;
      expect(withMetadata).toContain('/metadata/');
      const response = await broker.get(path(withMetadata));
      expect(response.statusCode).toBe(200);
      expect(response.json()._links['pb:consumer-version'].name).toBe('1');
    });
  });
});
